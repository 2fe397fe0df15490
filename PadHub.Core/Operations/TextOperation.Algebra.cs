namespace PadHub.Core.Operations;

public sealed partial class TextOperation
{
    /// <summary>
    /// Composes <paramref name="first"/> and then <paramref name="second"/> into one operation with the same effect:
    /// <c>Compose(a, b).Apply(d) == b.Apply(a.Apply(d))</c>.
    /// </summary>
    /// <exception cref="OperationLengthMismatchException"><paramref name="second"/> does not apply to the output of <paramref name="first"/>.</exception>
    public static TextOperation Compose(TextOperation first, TextOperation second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.TargetLength != second.BaseLength)
        {
            throw new OperationLengthMismatchException(second.BaseLength, first.TargetLength, "the second operation of a composition");
        }

        var result = new Builder(first.Count + second.Count);
        var a = new Cursor(first._components);
        var b = new Cursor(second._components);
        while (true)
        {
            if (a.Done && b.Done)
            {
                break;
            }

            if (!a.Done && a.Kind == OpComponentKind.Delete)
            {
                result.Delete(a.Remaining);
                a.Next();
                continue;
            }

            if (!b.Done && b.Kind == OpComponentKind.Insert)
            {
                result.Insert(b.Text, b.Offset, b.Remaining);
                b.Next();
                continue;
            }

            // Unreachable once the lengths matched; kept so a broken invariant fails loudly instead of looping.
            if (a.Done || b.Done)
            {
                throw new OperationLengthMismatchException(first.TargetLength, second.BaseLength, "a composition");
            }

            var length = Math.Min(a.Remaining, b.Remaining);
            switch (a.Kind, b.Kind)
            {
                case (OpComponentKind.Retain, OpComponentKind.Retain):
                    result.Retain(length);
                    break;
                case (OpComponentKind.Insert, OpComponentKind.Delete):
                    break;
                case (OpComponentKind.Insert, OpComponentKind.Retain):
                    result.Insert(a.Text, a.Offset, length);
                    break;
                default: // (Retain, Delete)
                    result.Delete(length);
                    break;
            }

            a.Advance(length);
            b.Advance(length);
        }

        return result.Build();
    }

    /// <summary>
    /// Transforms two concurrent operations on the same document: returns (a', b') such that
    /// <c>b'.Apply(a.Apply(d)) == a'.Apply(b.Apply(d))</c>. When both insert at the same position, <paramref name="a"/>'s
    /// insert comes first (the ot.js convention).
    /// </summary>
    /// <exception cref="OperationLengthMismatchException">The operations have different base lengths.</exception>
    public static (TextOperation APrime, TextOperation BPrime) Transform(TextOperation a, TextOperation b)
    {
        var bPrime = new Builder(a?.Count + b?.Count ?? 0);
        var aPrime = Transform(a, b, bPrime);
        return (aPrime, bPrime.Build());
    }

    /// <summary>
    /// The first half of <see cref="Transform(TextOperation, TextOperation)"/>: <paramref name="a"/> rebased over the
    /// concurrent <paramref name="b"/> (a'), without building b'. What a server does with each incoming operation for
    /// every operation committed since its base revision.
    /// </summary>
    /// <exception cref="OperationLengthMismatchException">The operations have different base lengths.</exception>
    public static TextOperation TransformLeft(TextOperation a, TextOperation b) => Transform(a, b, bPrime: null);

    private static TextOperation Transform(TextOperation? a, TextOperation? b, Builder? bPrime)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.BaseLength != b.BaseLength)
        {
            throw new OperationLengthMismatchException(a.BaseLength, b.BaseLength, "a transform of concurrent operations");
        }

        var aPrime = new Builder(a.Count + b.Count);
        var ca = new Cursor(a._components);
        var cb = new Cursor(b._components);
        while (true)
        {
            if (ca.Done && cb.Done)
            {
                break;
            }

            if (!ca.Done && ca.Kind == OpComponentKind.Insert)
            {
                aPrime.Insert(ca.Text, ca.Offset, ca.Remaining);
                bPrime?.Retain(ca.Remaining);
                ca.Next();
                continue;
            }

            if (!cb.Done && cb.Kind == OpComponentKind.Insert)
            {
                aPrime.Retain(cb.Remaining);
                bPrime?.Insert(cb.Text, cb.Offset, cb.Remaining);
                cb.Next();
                continue;
            }

            if (ca.Done || cb.Done)
            {
                throw new OperationLengthMismatchException(a.BaseLength, b.BaseLength, "a transform of concurrent operations");
            }

            var length = Math.Min(ca.Remaining, cb.Remaining);
            switch (ca.Kind, cb.Kind)
            {
                case (OpComponentKind.Retain, OpComponentKind.Retain):
                    aPrime.Retain(length);
                    bPrime?.Retain(length);
                    break;
                case (OpComponentKind.Delete, OpComponentKind.Delete):
                    break;
                case (OpComponentKind.Delete, OpComponentKind.Retain):
                    aPrime.Delete(length);
                    break;
                default: // (Retain, Delete)
                    bPrime?.Delete(length);
                    break;
            }

            ca.Advance(length);
            cb.Advance(length);
        }

        return aPrime.Build();
    }

    /// <summary>Walks the components of an operation, allowing partial consumption of the current one.</summary>
    private ref struct Cursor(ReadOnlySpan<OpComponent> components)
    {
        private readonly ReadOnlySpan<OpComponent> _components = components;
        private int _index;

        public readonly bool Done => _index >= _components.Length;

        public readonly OpComponentKind Kind => _components[_index].Kind;

        /// <summary>Offset already consumed inside the current component.</summary>
        public int Offset { get; private set; }

        public readonly int Remaining => _components[_index].Length - Offset;

        public readonly string Text => _components[_index].Text;

        public void Next()
        {
            _index++;
            Offset = 0;
        }

        public void Advance(int length)
        {
            if (length == Remaining)
            {
                Next();
            }
            else
            {
                Offset += length;
            }
        }
    }
}

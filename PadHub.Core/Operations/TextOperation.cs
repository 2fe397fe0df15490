namespace PadHub.Core.Operations;

/// <summary>
/// An immutable text operation in the ot.js model: a sequence of retain, insert and delete components, counted in UTF-16
/// code units, that spans the whole base document.
/// </summary>
/// <remarks>
/// Invariants: components are canonical (none empty; adjacent components of one kind merged; an insert adjacent to a
/// delete comes first; trailing retains kept); <see cref="BaseLength"/> is the sum of retains and deletes and
/// <see cref="TargetLength"/> the sum of retains and inserts. Instances are built only through <see cref="Builder"/>
/// or the parsers, which keep these invariants.
/// </remarks>
public sealed partial class TextOperation : IEquatable<TextOperation>
{
    private static readonly OpComponent[] NoComponents = [];
    private readonly OpComponent[] _components;

    private TextOperation(OpComponent[] components, int baseLength, int targetLength)
    {
        _components = components;
        BaseLength = baseLength;
        TargetLength = targetLength;
    }

    /// <summary>The operation that changes nothing in a document of <paramref name="length"/> code units.</summary>
    public static TextOperation Identity(int length) =>
        length == 0 ? new TextOperation(NoComponents, 0, 0) : new TextOperation([OpComponent.Retain(length)], length, length);

    /// <summary>Builds the operation that inserts <paramref name="text"/> at <paramref name="position"/> of a document of <paramref name="length"/>.</summary>
    public static TextOperation ForInsert(int length, int position, string text) =>
        new Builder(3).Retain(position).Insert(text).Retain(length - position).Build();

    /// <summary>Builds the operation that deletes <paramref name="count"/> code units at <paramref name="position"/> of a document of <paramref name="length"/>.</summary>
    public static TextOperation ForDelete(int length, int position, int count) =>
        new Builder(3).Retain(position).Delete(count).Retain(length - position - count).Build();

    /// <summary>The canonical components.</summary>
    public ReadOnlySpan<OpComponent> Components => _components;

    /// <summary>Number of components.</summary>
    public int Count => _components.Length;

    /// <summary>Length of the document this operation applies to.</summary>
    public int BaseLength { get; }

    /// <summary>Length of the document this operation produces.</summary>
    public int TargetLength { get; }

    /// <summary>True when the operation only retains (changes nothing).</summary>
    public bool IsNoop => _components.Length == 0 || (_components.Length == 1 && _components[0].IsRetain);

    /// <summary>Applies the operation to <paramref name="document"/>.</summary>
    /// <exception cref="OperationLengthMismatchException">The document's length is not <see cref="BaseLength"/>.</exception>
    public string Apply(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Length != BaseLength)
        {
            throw new OperationLengthMismatchException(BaseLength, document.Length, "the operation applied to a document");
        }

        return string.Create(TargetLength, (this, document), static (span, state) =>
        {
            var (operation, doc) = state;
            int source = 0, target = 0;
            foreach (var c in operation._components)
            {
                if (c.IsRetain)
                {
                    doc.AsSpan(source, c.Length).CopyTo(span[target..]);
                    source += c.Length;
                    target += c.Length;
                }
                else if (c.IsInsert)
                {
                    c.Text.AsSpan().CopyTo(span[target..]);
                    target += c.Length;
                }
                else
                {
                    source += c.Length;
                }
            }
        });
    }

    /// <summary>
    /// Where a caret at <paramref name="caret"/> in the base document lands after this operation: an insert exactly at
    /// the caret pushes it right, a deleted range containing it collapses it to the range's start.
    /// </summary>
    public int TransformCaret(int caret) => TransformPosition(caret, insertAtPositionGoesBefore: true);

    /// <summary>
    /// Where a position in the base document lands after this operation. An insert exactly at the position lands before
    /// it (the position moves right, like <see cref="TransformCaret"/>) when <paramref name="insertAtPositionGoesBefore"/>,
    /// after it (the position stays) otherwise; a deleted range containing it collapses it to the range's start.
    /// </summary>
    public int TransformPosition(int position, bool insertAtPositionGoesBefore)
    {
        int remaining = position, result = position;
        foreach (var c in _components)
        {
            if (c.IsRetain)
            {
                remaining -= c.Length;
            }
            else if (c.IsInsert)
            {
                if (remaining == 0 && !insertAtPositionGoesBefore)
                {
                    break;
                }

                result += c.Length;
            }
            else
            {
                result -= Math.Min(remaining, c.Length);
                remaining -= c.Length;
            }

            if (remaining < 0)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>Transforms both ends of a selection (see <see cref="TransformCaret"/>).</summary>
    public TextSelection TransformSelection(TextSelection selection) =>
        new(TransformCaret(selection.Anchor), TransformCaret(selection.Head));

    /// <summary>
    /// The operation that undoes this one: applied to <c>Apply(document)</c> it gives back <paramref name="document"/>.
    /// </summary>
    public TextOperation Invert(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Length != BaseLength)
        {
            throw new OperationLengthMismatchException(BaseLength, document.Length, "the operation inverted against a document");
        }

        var builder = new Builder(_components.Length);
        var position = 0;
        foreach (var c in _components)
        {
            if (c.IsRetain)
            {
                builder.Retain(c.Length);
                position += c.Length;
            }
            else if (c.IsInsert)
            {
                builder.Delete(c.Length);
            }
            else
            {
                builder.Insert(document.Substring(position, c.Length));
                position += c.Length;
            }
        }

        return builder.Build();
    }

    /// <inheritdoc />
    public bool Equals(TextOperation? other) =>
        other is not null && (ReferenceEquals(this, other) || _components.AsSpan().SequenceEqual(other._components));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TextOperation);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var c in _components)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }

    /// <summary>The ot.js JSON wire form, e.g. <c>[5,"abc",-2]</c>.</summary>
    public override string ToString() => ToJson();

    /// <summary>
    /// Builds a canonical <see cref="TextOperation"/> with ot.js's semantics: zero-length calls are no-ops, adjacent
    /// components of a kind merge, and an insert written after a delete is placed before it.
    /// </summary>
    public sealed class Builder
    {
        private OpComponent[] _items;
        private int _count;
        private int _baseLength;
        private int _targetLength;

        /// <summary>Creates a builder with room for <paramref name="capacity"/> components.</summary>
        public Builder(int capacity = 4) => _items = new OpComponent[Math.Max(capacity, 1)];

        /// <summary>Base length of the operation built so far.</summary>
        public int BaseLength => _baseLength;

        /// <summary>Target length of the operation built so far.</summary>
        public int TargetLength => _targetLength;

        /// <summary>Retains <paramref name="count"/> code units.</summary>
        /// <exception cref="InvalidComponentException"><paramref name="count"/> is negative.</exception>
        public Builder Retain(int count)
        {
            if (count < 0)
            {
                throw new InvalidComponentException($"Retain count must be positive, was {count}.");
            }

            if (count == 0)
            {
                return this;
            }

            _baseLength = checked(_baseLength + count);
            _targetLength = checked(_targetLength + count);
            if (_count > 0 && _items[_count - 1].IsRetain)
            {
                _items[_count - 1] = OpComponent.Retain(checked(_items[_count - 1].Length + count));
            }
            else
            {
                Add(OpComponent.Retain(count));
            }

            return this;
        }

        /// <summary>Inserts <paramref name="text"/>.</summary>
        public Builder Insert(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            if (text.Length == 0)
            {
                return this;
            }

            _targetLength = checked(_targetLength + text.Length);
            if (_count > 0 && _items[_count - 1].IsInsert)
            {
                _items[_count - 1] = OpComponent.Insert(string.Concat(_items[_count - 1].Text, text));
            }
            else if (_count > 0 && _items[_count - 1].IsDelete)
            {
                // Canonical form: the insert goes before an adjacent delete (merging with an insert before that).
                if (_count > 1 && _items[_count - 2].IsInsert)
                {
                    _items[_count - 2] = OpComponent.Insert(string.Concat(_items[_count - 2].Text, text));
                }
                else
                {
                    Add(_items[_count - 1]);
                    _items[_count - 2] = OpComponent.Insert(text);
                }
            }
            else
            {
                Add(OpComponent.Insert(text));
            }

            return this;
        }

        /// <summary>Inserts <paramref name="length"/> code units of <paramref name="text"/> from <paramref name="start"/>.</summary>
        public Builder Insert(string text, int start, int length)
        {
            ArgumentNullException.ThrowIfNull(text);
            return Insert(start == 0 && length == text.Length ? text : text.Substring(start, length));
        }

        /// <summary>Deletes <paramref name="count"/> code units.</summary>
        /// <exception cref="InvalidComponentException"><paramref name="count"/> is negative.</exception>
        public Builder Delete(int count)
        {
            if (count < 0)
            {
                throw new InvalidComponentException($"Delete count must be positive, was {count}.");
            }

            if (count == 0)
            {
                return this;
            }

            _baseLength = checked(_baseLength + count);
            if (_count > 0 && _items[_count - 1].IsDelete)
            {
                _items[_count - 1] = OpComponent.Delete(checked(_items[_count - 1].Length + count));
            }
            else
            {
                Add(OpComponent.Delete(count));
            }

            return this;
        }

        /// <summary>Appends one component (with the same merging rules).</summary>
        public Builder Append(in OpComponent component) => component.Kind switch
        {
            OpComponentKind.Retain => Retain(component.Length),
            OpComponentKind.Insert => Insert(component.Text),
            _ => Delete(component.Length),
        };

        /// <summary>Builds the operation. The builder can be reused afterwards only after <see cref="Clear"/>.</summary>
        public TextOperation Build()
        {
            var components = _count == 0 ? NoComponents : _items.AsSpan(0, _count).ToArray();
            return new TextOperation(components, _baseLength, _targetLength);
        }

        /// <summary>Empties the builder.</summary>
        public void Clear()
        {
            Array.Clear(_items, 0, _count);
            _count = 0;
            _baseLength = 0;
            _targetLength = 0;
        }

        private void Add(OpComponent component)
        {
            if (_count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[_count++] = component;
        }
    }
}

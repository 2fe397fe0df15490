using System.Text;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core;

/// <summary>
/// Seeded generator of documents and operations for the OT property tests and the simulation. Text mixes ASCII,
/// newlines, accents (precomposed and combining), CJK and astral characters (emoji, a flag, a skin-tone sequence), and
/// every generated offset is a valid boundary: none falls inside a surrogate pair.
/// </summary>
internal sealed class OtRandom(int seed)
{
    private static readonly string[] Pieces =
        ["a", "b", "c", "xyz", "hello ", " ", "\n", "é", "e\u0301", "中文", "😀", "𝄞", "👍🏽", "🇫🇷", "😀😀"];

    public Random Random { get; } = new(seed);

    public int Next(int maxExclusive) => Random.Next(maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => Random.Next(minInclusive, maxExclusive);

    public bool Chance(double probability) => Random.NextDouble() < probability;

    /// <summary>Well-formed text of 0 to <paramref name="maxPieces"/> pieces.</summary>
    public string Text(int maxPieces)
    {
        var count = Random.Next(maxPieces + 1);
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(Pieces[Random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>Non-empty well-formed text of 1 to <paramref name="maxPieces"/> pieces.</summary>
    public string NonEmptyText(int maxPieces)
    {
        var text = string.Empty;
        while (text.Length == 0)
        {
            text = Text(maxPieces);
        }

        return text;
    }

    public static bool IsBoundary(string document, int position) =>
        position >= 0 && position <= document.Length
        && !(position > 0 && position < document.Length
             && char.IsHighSurrogate(document[position - 1]) && char.IsLowSurrogate(document[position]));

    /// <summary>A uniformly drawn offset, moved one code unit left when it would split a surrogate pair.</summary>
    public int Boundary(string document)
    {
        var position = Random.Next(document.Length + 1);
        return IsBoundary(document, position) ? position : position - 1;
    }

    /// <summary>A boundary strictly after <paramref name="from"/> (which must be below the length).</summary>
    public int BoundaryAfter(string document, int from, int maxSpan)
    {
        var end = from + 1 + Random.Next(Math.Min(maxSpan, document.Length - from));
        return IsBoundary(document, end) ? end : end + 1;
    }

    /// <summary>One user-like edit: an insert, a delete or a replacement; never a no-op.</summary>
    public TextOperation Edit(string document, int softMaxLength = 2_000)
    {
        var preferDelete = document.Length > softMaxLength;
        var roll = Random.NextDouble();
        if (document.Length == 0 || (!preferDelete && roll < 0.45))
        {
            return TextOperation.ForInsert(document.Length, Boundary(document), NonEmptyText(4));
        }

        var start = Boundary(document);
        if (start == document.Length)
        {
            start = 0;
        }

        var end = BoundaryAfter(document, start, preferDelete ? 200 : 12);
        var builder = new TextOperation.Builder(4).Retain(start).Delete(end - start);
        if (!preferDelete && roll >= 0.75)
        {
            builder.Insert(NonEmptyText(3));
        }

        return builder.Retain(document.Length - end).Build();
    }

    /// <summary>A random operation with any number of components over the whole document, spans of up to 8 code units.</summary>
    public TextOperation Operation(string document)
    {
        var builder = new TextOperation.Builder();
        var position = 0;
        while (position < document.Length)
        {
            var roll = Random.Next(10);
            if (roll < 2)
            {
                builder.Insert(NonEmptyText(3));
                continue;
            }

            var end = BoundaryAfter(document, position, 8);
            if (roll < 6)
            {
                builder.Retain(end - position);
            }
            else
            {
                builder.Delete(end - position);
            }

            position = end;
        }

        if (Random.Next(3) == 0)
        {
            builder.Insert(NonEmptyText(3));
        }

        return builder.Build();
    }

    /// <summary>Two to four edits composed into one operation (a multi-cursor edit, a find-and-replace).</summary>
    public TextOperation MultiEdit(string document, int softMaxLength = 2_000)
    {
        var operation = Edit(document, softMaxLength);
        var text = operation.Apply(document);
        for (var i = Random.Next(1, 4); i > 0; i--)
        {
            var next = Edit(text, softMaxLength);
            operation = TextOperation.Compose(operation, next);
            text = next.Apply(text);
        }

        return operation;
    }

    /// <summary>Concatenation of an operation's inserted text, which transformation never changes.</summary>
    public static string InsertedText(TextOperation operation)
    {
        var builder = new StringBuilder();
        foreach (var component in operation.Components)
        {
            if (component.IsInsert)
            {
                builder.Append(component.Text);
            }
        }

        return builder.ToString();
    }
}

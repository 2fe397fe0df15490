namespace PadHub.Core.Operations;

/// <summary>
/// One component of a <see cref="TextOperation"/>: a retain or a delete of <see cref="Length"/> code units, or an insert
/// of <see cref="Text"/>. Components held by a <see cref="TextOperation"/> are never empty.
/// </summary>
public readonly struct OpComponent : IEquatable<OpComponent>
{
    // Retain: _count > 0, _text null. Delete: _count < 0, _text null. Insert: _text non-empty, _count 0.
    private readonly int _count;
    private readonly string? _text;

    private OpComponent(int count, string? text)
    {
        _count = count;
        _text = text;
    }

    /// <summary>A retain of <paramref name="count"/> code units (positive).</summary>
    public static OpComponent Retain(int count) => new(count, null);

    /// <summary>A delete of <paramref name="count"/> code units (positive).</summary>
    public static OpComponent Delete(int count) => new(-count, null);

    /// <summary>An insert of <paramref name="text"/> (non-empty).</summary>
    public static OpComponent Insert(string text) => new(0, text);

    /// <summary>What this component does.</summary>
    public OpComponentKind Kind => _text is not null ? OpComponentKind.Insert
        : _count > 0 ? OpComponentKind.Retain : OpComponentKind.Delete;

    /// <summary>Code units retained, inserted or deleted.</summary>
    public int Length => _text?.Length ?? Math.Abs(_count);

    /// <summary>The inserted text; empty for retains and deletes.</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>True for a retain.</summary>
    public bool IsRetain => _text is null && _count > 0;

    /// <summary>True for an insert.</summary>
    public bool IsInsert => _text is not null;

    /// <summary>True for a delete.</summary>
    public bool IsDelete => _text is null && _count < 0;

    /// <inheritdoc />
    public bool Equals(OpComponent other) => _count == other._count && string.Equals(_text, other._text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is OpComponent other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_count, _text is null ? 0 : StringComparer.Ordinal.GetHashCode(_text));

    /// <summary>Component equality.</summary>
    public static bool operator ==(OpComponent left, OpComponent right) => left.Equals(right);

    /// <summary>Component inequality.</summary>
    public static bool operator !=(OpComponent left, OpComponent right) => !left.Equals(right);

    /// <summary>The ot.js wire form of this component: <c>5</c>, <c>"abc"</c> or <c>-2</c>.</summary>
    public override string ToString() => Kind switch
    {
        OpComponentKind.Insert => System.Text.Json.JsonSerializer.Serialize(_text),
        _ => _count.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

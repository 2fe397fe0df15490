using System.Buffers;

namespace PadHub.Components.Pads;

/// <summary>Author and participant colours as they may reach a style attribute.</summary>
public static class AuthorColors
{
    /// <summary>The colour of someone whose colour is unknown or unusable (the editor's <c>fallbackColor</c>).</summary>
    public const string Fallback = "#888888";

    /// <summary>
    /// <paramref name="color"/> as <c>#rrggbb</c> when it is <c>#rgb</c> or <c>#rrggbb</c>, else <see cref="Fallback"/>:
    /// colours come from the server, but a style attribute is no place to trust a string. Always six digits, so an
    /// alpha can be appended (<c>#rrggbb2e</c>, the editor's authorship tint).
    /// </summary>
    public static string Safe(string? color) => color switch
    {
        { Length: 7 } when color[0] == '#' && IsHex(color.AsSpan(1)) => color,
        { Length: 4 } when color[0] == '#' && IsHex(color.AsSpan(1)) => string.Concat("#", new string(color[1], 2), new string(color[2], 2), new string(color[3], 2)),
        _ => Fallback,
    };

    /// <summary>The editor's authorship tint of <paramref name="color"/> (its <c>presence.js</c> appends the same alpha).</summary>
    public static string Tint(string? color) => Safe(color) + "2e";

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private static bool IsHex(ReadOnlySpan<char> digits) => !digits.ContainsAnyExcept(HexDigits);
}

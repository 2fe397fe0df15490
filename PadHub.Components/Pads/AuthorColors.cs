using System.Buffers;

namespace PadHub.Components.Pads;

/// <summary>Author and participant colours as they may reach a style attribute.</summary>
public static class AuthorColors
{
    /// <summary>
    /// The colour of someone whose colour is unknown or unusable (the editor's <c>fallbackColor</c>): a grey that keeps
    /// white caret-label text at 4.5:1, like every palette colour.
    /// </summary>
    public const string Fallback = "#757575";

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

    /// <summary>The alpha of the authorship tint, as two hex digits (0x2e: 18%); the editor's <c>presence.js</c> appends the same.</summary>
    public const string TintAlpha = "2e";

    /// <summary>The editor's authorship tint of <paramref name="color"/> (its <c>presence.js</c> appends the same alpha).</summary>
    public static string Tint(string? color) => Safe(color) + TintAlpha;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private static bool IsHex(ReadOnlySpan<char> digits) => !digits.ContainsAnyExcept(HexDigits);
}

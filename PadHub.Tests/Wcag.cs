using System.Globalization;

namespace PadHub.Tests;

/// <summary>WCAG 2.2 relative luminance and contrast ratio (success criteria 1.4.3 and 1.4.11), for colours as rendered.</summary>
internal static class Wcag
{
    /// <summary>AA for normal text.</summary>
    public const double TextContrast = 4.5;

    /// <summary>An sRGB colour, each channel 0-255.</summary>
    public readonly record struct Rgb(double R, double G, double B)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"#{(int)Math.Round(R):x2}{(int)Math.Round(G):x2}{(int)Math.Round(B):x2}");
    }

    /// <summary><c>#rrggbb</c>, or <c>#rrggbbaa</c> whose alpha is composited over <paramref name="backdrop"/> (white when null).</summary>
    public static Rgb Parse(string hex, Rgb? backdrop = null)
    {
        Assert.Matches("^#([0-9a-fA-F]{6}|[0-9a-fA-F]{8})$", hex);
        var color = new Rgb(Channel(hex, 1), Channel(hex, 3), Channel(hex, 5));
        return hex.Length == 9 ? Over(color, Channel(hex, 7) / 255.0, backdrop ?? White) : color;
    }

    public static Rgb White => new(255, 255, 255);

    public static Rgb Black => new(0, 0, 0);

    /// <summary><paramref name="color"/> at <paramref name="alpha"/> over <paramref name="backdrop"/> (the browser's source-over).</summary>
    public static Rgb Over(Rgb color, double alpha, Rgb backdrop) => new(
        (color.R * alpha) + (backdrop.R * (1 - alpha)),
        (color.G * alpha) + (backdrop.G * (1 - alpha)),
        (color.B * alpha) + (backdrop.B * (1 - alpha)));

    public static double Contrast(Rgb a, Rgb b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(Rgb c) => (0.2126 * Linear(c.R)) + (0.7152 * Linear(c.G)) + (0.0722 * Linear(c.B));

    private static double Linear(double channel)
    {
        var c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static double Channel(string hex, int at) => int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;

namespace PadHub.Benchmarks.Exports;

/// <summary>
/// The pads the <c>export</c> command times, each cut to the asked size. <paramref name="salt"/> makes every repetition's
/// text new, so no cache (the block split, the sanitised-block HTML) carries over from one repetition to the next.
/// </summary>
internal static class ExportShapes
{
    public static IReadOnlyList<string> Names { get; } = ["numbered-headings", "identical-headings", "one-paragraph", "hostile-html"];

    public static string Build(string shape, int size, int salt)
    {
        var text = new StringBuilder(size + 256);
        var i = 0;
        while (text.Length < size)
        {
            i++;
            _ = shape switch
            {
                "numbered-headings" => text.Append(CultureInfo.InvariantCulture,
                    $"## Point {i} r{salt}\n\nOpen data needs ==shared vocabularies== and *maintainers*; see [the notes](https://example.org/n).\n\n"),
                "identical-headings" => text.Append(CultureInfo.InvariantCulture,
                    $"## Point r{salt}\n\nSame heading again, ==a mark {i}== and `code`.\n\n"),
                "one-paragraph" => text.Append(CultureInfo.InvariantCulture,
                    $"word{salt} ==marked {i}== and **strong** text with a [link](https://example.org/{i}) "),
                "hostile-html" => text.Append(CultureInfo.InvariantCulture,
                    $"<script>alert({i})</script> <img src=x onerror=alert({salt})> [x](javascript:alert(1)) ==<b>mark {i}</b>== ![p](https://t.example/{i}.png)\n\n"),
                _ => throw new ArgumentException($"Unknown shape '{shape}'; shapes: {string.Join(", ", Names)}."),
            };
        }

        return text.ToString(0, size);
    }
}

using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using System.Security.Cryptography;
using Ganss.Xss;

namespace PadHub.Components.Markdown;

/// <summary>
/// The allow-list rendered pad HTML goes through. Pad HTML sits inside the page's own markup (MudBlazor, the reconnect
/// modal), so nothing in it may carry an id, class, style or target an author chose: ids are prefixed, fragment links
/// follow them, links get <see cref="LinkRel"/>, and images become links unless allowed.
/// </summary>
public sealed class PadHtmlPolicy
{
    /// <summary>Prefix of every id in pad HTML (headings' generated ids, footnotes), so no id of the page can be hit.</summary>
    public const string IdPrefix = "pad-";

    /// <summary>The <c>rel</c> of every link in pad HTML.</summary>
    public const string LinkRel = "noopener noreferrer nofollow ugc";

    private static readonly string[] Tags =
    [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "del", "ins", "mark", "sub", "sup", "code",
        "pre", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
        "hr", "br", "input", "figure", "figcaption", "footer", "cite", "div",
    ];

    private static readonly string[] Attributes = ["href", "src", "alt", "id", "start", "colspan", "rowspan", "type", "checked", "disabled"];

    // Big enough that the sanitizer's fixed cost per call vanishes, small enough to stay out of the large object heap.
    private const int BatchChars = 32 * 1024;

    private readonly HtmlSanitizer _sanitizer;
    private readonly bool _allowImages;
    private readonly string _separator = "padhub" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>A policy; an instance is safe to share once built.</summary>
    /// <param name="allowImages">Keep <c>img</c> elements; otherwise each becomes a link to its address.</param>
    public PadHtmlPolicy(bool allowImages)
    {
        _allowImages = allowImages;
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        });
        _sanitizer.AllowDataAttributes = false;
        _sanitizer.PostProcessNode += (_, e) => PostProcess(e);
    }

    /// <summary>The safe form of <paramref name="html"/> (Markdig's output).</summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    /// <summary>
    /// The safe form of each of <paramref name="fragments"/> (each a whole block as Markdig renders it), as
    /// <see cref="Sanitize"/> gives it one by one. Sanitised in batches of one document each, cut apart again at a
    /// separator no pad can hold (random per policy, never shown); a batch that does not cut into as many parts as it
    /// joined is sanitised one by one.
    /// </summary>
    public IReadOnlyList<string> SanitizeMany(IReadOnlyList<string> fragments)
    {
        ArgumentNullException.ThrowIfNull(fragments);
        var safe = new List<string>(fragments.Count);
        for (var start = 0; start < fragments.Count;)
        {
            var count = 0;
            var chars = 0;
            while (start + count < fragments.Count && (count == 0 || chars + fragments[start + count].Length <= BatchChars))
            {
                chars += fragments[start + count].Length;
                count++;
            }

            var batch = fragments.Skip(start).Take(count).ToArray();
            var parts = count == 1 ? [Sanitize(batch[0])] : Sanitize(string.Join(_separator, batch)).Split(_separator);
            safe.AddRange(parts.Length == count ? parts : batch.Select(Sanitize));
            start += count;
        }

        return safe;
    }

    private void PostProcess(PostProcessNodeEventArgs e)
    {
        if (e.Node is not IElement element)
        {
            return;
        }

        if (element.Id is { Length: > 0 } id)
        {
            element.Id = IdPrefix + id;
        }

        switch (element.LocalName)
        {
            case "a":
                HardenLink(element);
                break;
            case "img" when !_allowImages:
                e.ReplacementNodes.Add(ImageAsLink(e.Document, element));
                break;
            case "input" when !string.Equals(element.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase):
                // Markdig's task lists are the only inputs it writes; anything else has no business here.
                e.ReplacementNodes.Add(e.Document.CreateTextNode(string.Empty));
                break;
            case "input":
                element.SetAttribute("disabled", "disabled");
                break;
        }
    }

    private static void HardenLink(IElement link)
    {
        if (link.GetAttribute("href") is not { } href)
        {
            return;
        }

        if (href.StartsWith('#') && href.Length > 1)
        {
            link.SetAttribute("href", "#" + IdPrefix + href[1..]);
        }

        link.SetAttribute("rel", LinkRel);
    }

    private static INode ImageAsLink(IHtmlDocument document, IElement image)
    {
        var src = image.GetAttribute("src");
        var alt = image.GetAttribute("alt");
        var label = string.IsNullOrWhiteSpace(alt) ? src ?? string.Empty : alt;
        if (string.IsNullOrEmpty(src))
        {
            return document.CreateTextNode(label);
        }

        var link = document.CreateElement("a");
        link.SetAttribute("href", src);
        link.SetAttribute("rel", LinkRel);
        link.TextContent = label;
        return link;
    }
}

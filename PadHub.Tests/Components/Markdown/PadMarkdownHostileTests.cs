using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PadHub.Components.Markdown;
using Xunit.Abstractions;

namespace PadHub.Tests.Components.Markdown;

// Hostile pad Markdown: whatever an author writes, the rendered HTML carries no attribute the author chose beyond the
// link and image addresses, no id outside "pad-", no script or other active content, and links that cannot reach the
// opener. Checked on the parsed HTML (AngleSharp, as a browser would see it), in both image modes.
public sealed class PadMarkdownHostileTests(ITestOutputHelper output)
{
    private const string Rel = "noopener noreferrer nofollow ugc";

    private static readonly HashSet<string> AllowedAttributes =
        ["href", "src", "alt", "id", "start", "colspan", "rowspan", "type", "checked", "disabled", "rel"];

    private static readonly HtmlParser Parser = new();

    public static TheoryData<string, string> Hostile => new()
    {
        { "generic attributes on a heading", "# Hi {#components-reconnect-modal .mud-overlay}" },
        { "heading whose text is a page id", "# components-reconnect-modal" },
        { "generic attributes on a paragraph", "Click here {.mud-overlay style=\"position:fixed;inset:0\" onclick=\"alert(1)\"}" },
        { "generic attributes on a link", "[win a prize](https://evil.example){target=_blank .mud-overlay #components-reconnect-modal}" },
        { "generic attributes on an image", "![x](https://evil.example/x.png){style=\"position:fixed\" .mud-overlay width=9999}" },
        { "custom container with a class", "::: mud-overlay\nfull-screen phishing\n:::" },
        { "raw block html", "<div class=\"mud-overlay\" style=\"position:fixed\" id=\"components-reconnect-modal\"><a href=\"https://evil.example\">x</a></div>" },
        { "raw inline html", "a <span class=\"mud-overlay\" onclick=\"alert(1)\">b</span> <script>alert(2)</script> <iframe src=\"https://evil.example\"></iframe>" },
        { "javascript link", "[x](javascript:alert(1))" },
        { "javascript link, mixed case and entity", "[x](JaVaScRiPt:alert(1)) [y](java&#x09;script:alert(2)) [z](&#106;avascript:alert(3))" },
        { "data and vbscript links", "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [v](vbscript:msgbox(1))" },
        { "autolinks", "<javascript:alert(1)> <https://example.org/a> www.example.org <mailto:someone@example.org>" },
        { "image tracking pixel", "![](https://tracker.example/p.gif?who=moderator)" },
        { "image with javascript src", "![x](javascript:alert(1)) ![y](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)" },
        { "reference links", "[a][r] [b][s] ![c][t]\n\n[r]: javascript:alert(1) \"t\"\n[s]: https://example.org \"title\"\n[t]: https://tracker.example/p.gif" },
        { "footnotes", "Claim[^1].\n\n[^1]: Source." },
        { "task list", "- [x] done\n- [ ] open" },
        { "aligned table", "| a | b |\n|:-:|--:|\n| 1 | 2 |" },
        { "youtube media link", "![video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)" },
        { "nested emphasis", "***bold italic*** **_mixed_** *a **b *c **d*** e** f*" },
        { "deep emphasis", new string('*', 3000) + "x" + new string('*', 3000) },
        { "deep blockquotes", string.Concat(Enumerable.Repeat("> ", 2000)) + "deep" },
        { "deep brackets", new string('[', 20_000) + "x" + new string(']', 20_000) + "(javascript:alert(1))" },
        { "very long input", string.Concat(Enumerable.Repeat("# Title {.mud-overlay}\n\n[link](https://example.org){target=_top} ![p](https://t.example/p.gif)\n\n", 2000)) },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void ToSafeHtml_HostileMarkdown_HasNoAuthorAttributesNoActiveContentAndHardenedLinks(string name, string markdown)
    {
        foreach (var allowImages in new[] { false, true })
        {
            var html = PadMarkdown.ToSafeHtml(markdown, allowImages);
            output.WriteLine($"{name} (images {(allowImages ? "inline" : "as links")}): {Shorten(html)}");
            AssertSafe(Parse(html), allowImages);
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Split_HostileMarkdown_EveryBlockIsSafe(string name, string markdown)
    {
        var blocks = MarkdownBlocks.Split(markdown);

        Assert.NotEmpty(blocks);
        foreach (var block in blocks)
        {
            AssertSafe(Parse(block.Html.Value), allowImages: false);
        }

        output.WriteLine($"{name}: {blocks.Count} blocks");
    }

    [Theory]
    [InlineData("# Hi {#components-reconnect-modal .mud-overlay}", "<h1 id=\"pad-hi-components-reconnect-modal.mud-overlay\">Hi {#components-reconnect-modal .mud-overlay}</h1>")]
    [InlineData("# components-reconnect-modal", "<h1 id=\"pad-components-reconnect-modal\">components-reconnect-modal</h1>")]
    [InlineData("[x](https://example.org){target=_blank .mud-overlay}", "<p><a href=\"https://example.org\" rel=\"" + Rel + "\">x</a>{target=_blank .mud-overlay}</p>")]
    [InlineData("[x](javascript:alert(1))", "<p><a>x</a></p>")]
    [InlineData("<https://example.org/a>", "<p><a href=\"https://example.org/a\" rel=\"" + Rel + "\">https://example.org/a</a></p>")]
    [InlineData("![](https://tracker.example/p.gif)", "<p><a href=\"https://tracker.example/p.gif\" rel=\"" + Rel + "\">https://tracker.example/p.gif</a></p>")]
    [InlineData("![logo](https://example.org/logo.png)", "<p><a href=\"https://example.org/logo.png\" rel=\"" + Rel + "\">logo</a></p>")]
    [InlineData("<div class=\"mud-overlay\">x</div>", "<p>&lt;div class=\"mud-overlay\"&gt;x&lt;/div&gt;</p>")]
    [InlineData("- [x] done", "<ul>\n<li><input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\"> done</li>\n</ul>")]
    public void ToSafeHtml_KnownInput_RendersExactly(string markdown, string expected)
    {
        Assert.Equal(expected, PadMarkdown.ToSafeHtml(markdown).Trim());
    }

    [Fact]
    public void ToSafeHtml_RemoteImagesAllowed_KeepsTheImage()
    {
        Assert.Equal("<p><img src=\"https://example.org/logo.png\" alt=\"logo\"></p>",
            PadMarkdown.ToSafeHtml("![logo](https://example.org/logo.png)", allowRemoteImages: true).Trim());
    }

    [Fact]
    public void ToSafeHtml_Footnote_IdsAndTheirLinksArePrefixed()
    {
        var document = Parse(PadMarkdown.ToSafeHtml("Claim[^1].\n\n[^1]: Source."));

        var reference = Assert.Single(document.QuerySelectorAll("a[href^='#']"), a => a.TextContent == "1");
        var target = reference.GetAttribute("href")![1..];
        Assert.StartsWith("pad-", target, StringComparison.Ordinal);
        Assert.NotNull(document.GetElementById(target));
    }

    private static IDocument Parse(string html) => Parser.ParseDocument("<!doctype html><html><body>" + html + "</body></html>");

    private static void AssertSafe(IDocument document, bool allowImages)
    {
        var body = document.Body!;
        Assert.Empty(body.QuerySelectorAll("script, style, iframe, object, embed, form, button, textarea, select, link, meta, base, svg, math, video, audio"));
        if (!allowImages)
        {
            Assert.Empty(body.QuerySelectorAll("img"));
        }

        foreach (var element in body.QuerySelectorAll("*"))
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.True(AllowedAttributes.Contains(attribute.Name), $"<{element.LocalName} {attribute.Name}=\"{attribute.Value}\">");
            }

            if (element.GetAttribute("id") is { } id)
            {
                Assert.StartsWith("pad-", id, StringComparison.Ordinal);
            }

            foreach (var url in new[] { element.GetAttribute("href"), element.GetAttribute("src") }.OfType<string>())
            {
                Assert.True(IsSafeUrl(url), $"<{element.LocalName}> url {url}");
            }

            if (element.LocalName == "a" && element.HasAttribute("href"))
            {
                Assert.Equal(Rel, element.GetAttribute("rel"));
            }

            if (element.LocalName == "input")
            {
                Assert.Equal("checkbox", element.GetAttribute("type"));
                Assert.True(element.HasAttribute("disabled"));
            }
        }
    }

    private static bool IsSafeUrl(string url)
    {
        var trimmed = url.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true; // relative
        }

        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    private static string Shorten(string html) => html.Length <= 400 ? html : html[..400] + $"... ({html.Length} chars)";
}

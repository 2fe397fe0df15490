using System.Text;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Markdown;
using PadHub.Tests.Server.Results;
using Xunit.Abstractions;

namespace PadHub.Tests.Components.Markdown;

/// <summary>
/// No whole-pad parse costs more than linear work (issue 12, section 6): Markdig's auto identifiers are quadratic in
/// repeated headings, and conclusions are re-read on every edit. Asserted by structure and by counted work, never by time.
/// </summary>
public sealed class MarkdownScaleTests(ITestOutputHelper output)
{
    private static readonly string[] Fragments =
    [
        "## Point\n", "## Point 1\n", "Setext\n---\n", "Plain words, ==a mark== and ==another **bold** one==.\n",
        "- item ==in a list==\n- second\n", "> quoted ==mark==\n> ## quoted heading\n", "```\n==fenced==\n```\n",
        "    ==indented code==\n", "`==code span==` and a == b\n", "| a | b |\n|---|---|\n| ==cell== | x |\n",
        "Term\n: ==definition==\n", "[link ==text==](https://example.org)\n", "<b>==html==</b>\n", "1. ==one==\n2. two\n",
        "====\n", "==unclosed\n", "<script>alert(1)</script> <img src=x onerror=alert(2)>\n", "![pixel](https://t.example/p.png)\n",
        "[js](javascript:alert(1)) and <https://auto.example/>\n", "# Heading {#id .class}\n", "- [x] task ==done==\n",
        "Quotes \"q\" & 'a' < b > c\u00a0nbsp\n", "Footnote[^1].\n\n[^1]: ==noted==\n",
    ];

    [Fact]
    public void ParsePipeline_WholePadParses_RunNoAutoIdentifiers()
    {
        Assert.DoesNotContain(PadMarkdown.ParsePipeline.Extensions, e => e is AutoIdentifierExtension);

        var document = PadMarkdown.TryParse("## Point\n\n## Point\n\n## Point\n");

        Assert.NotNull(document);
        Assert.All(document.Descendants<HeadingBlock>(), h => Assert.Null(h.GetAttributes().Id));
    }

    [Fact]
    public void ToSafeHtml_ShortBlockWithRepeatedHeadings_KeepsUniqueIds()
    {
        var html = PadMarkdown.ToSafeHtml("> ## Point\n> ## Point\n");

        Assert.Contains("id=\"pad-point\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"pad-point-1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_OneBlockOfThousandsOfHeadings_HasNoIds()
    {
        // One top-level quote: every heading is in the same block, so per-block rendering alone would not bound the ids.
        var quote = string.Concat(Enumerable.Repeat("> ## Point\n", 4 * PadMarkdown.MaxLinesWithIdentifiers));

        var html = PadMarkdown.ToSafeHtml(quote);

        Assert.Equal(4 * PadMarkdown.MaxLinesWithIdentifiers, CountOf(html, "<h2>"));
        Assert.DoesNotContain(" id=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_OneBlockEdited_ReadsOnlyThatBlockAgain()
    {
        var reads = 0;
        var cache = new BlockConclusionCache(block =>
        {
            Interlocked.Increment(ref reads);
            return PadConclusions.ExtractBlock(block);
        });
        var blocks = Enumerable.Range(0, 1000).Select(i => $"## Point\n\nParagraph {i} says ==mark {i}==.\n\n").ToArray();
        var before = string.Concat(blocks);
        blocks[500] = "## Point\n\nParagraph 500 now says ==edited== and ==twice==.\n\n";
        var after = string.Concat(blocks);

        var first = cache.Extract(before);
        var readsFirst = reads;
        var second = cache.Extract(after);

        Assert.Equal(1000, readsFirst); // headings have no "==": never parsed on their own
        Assert.Equal(1001, reads);
        Assert.Equal(1000, first.Count);
        Assert.Equal(1001, second.Count);
        Assert.Equal(Enumerable.Range(1, 1001), second.Select(c => c.Order));
        Assert.All(second, c => Assert.Equal("==" + c.Markdown + "==", after.Substring(c.Start, c.Length)));
        Assert.Equal(["edited", "twice"], second.Skip(500).Take(2).Select(c => c.Text));
    }

    [Fact]
    public void Extract_BlockWise_MatchesTheWholePadReading()
    {
        // Without references across blocks (a link definition, a footnote), reading block by block finds exactly what
        // one parse of the whole pad finds, at the same offsets.
        var seed = TestSeed.Get(output);
        var pads = new List<string>
        {
            SessionDefaults.PadTemplate.Replace("{group}", "Group 1", StringComparison.Ordinal).Replace("{topic}", "Open data", StringComparison.Ordinal) + "- ==Fund the commons==\n",
            ResultsSamples.HostilePad,
        };
        pads.AddRange(RandomPads(new Random(seed), 50, Fragments.Length - 1)); // the last fragment refers across blocks

        foreach (var pad in pads)
        {
            Assert.True(PadConclusions.ExtractBlock(pad).SequenceEqual(PadConclusions.Extract(pad)), $"seed {seed}, pad:\n{pad}");
        }
    }

    [Fact]
    public void Sources_RefusedPad_IsOneRefusedBlock_ShownAsTextWithoutAnotherParse()
    {
        var deep = "==mark==\n\n" + string.Concat(Enumerable.Repeat("> ", 2000)) + "deep";

        var sources = MarkdownBlocks.Sources(deep);

        Assert.True(Assert.Single(sources).Refused);
        Assert.True(MarkdownBlocks.KnownRefused(deep));
        Assert.Null(MarkdownBlocks.KnownRefused(new string(deep)));
        Assert.Empty(PadConclusions.Extract(deep));
        Assert.Equal(PadMarkdown.AsText(deep), Assert.Single(MarkdownBlocks.Split(deep)).Html.Value);
        Assert.Equal(deep, PadMarkdown.ToPlainText(deep));
    }

    [Fact]
    public void SanitizeMany_RenderedBlocks_SameAsOneByOne()
    {
        var seed = TestSeed.Get(output);
        var rendered = RandomPads(new Random(seed), 200, Fragments.Length)
            .SelectMany(MarkdownBlocks.SplitSource)
            .Select(block => Markdig.Markdown.ToHtml(block, PadMarkdown.Pipeline))
            .ToArray();

        foreach (var policy in new[] { new PadHtmlPolicy(allowImages: false), new PadHtmlPolicy(allowImages: true) })
        {
            Assert.True(rendered.Select(policy.Sanitize).SequenceEqual(policy.SanitizeMany(rendered)), $"seed {seed}");
        }
    }

    private static IEnumerable<string> RandomPads(Random random, int count, int fragments)
    {
        for (var i = 0; i < count; i++)
        {
            var pad = new StringBuilder();
            for (var j = random.Next(1, 30); j > 0; j--)
            {
                pad.Append(Fragments[random.Next(fragments)]).Append(random.Next(3) == 0 ? "\n" : "\n\n");
            }

            yield return pad.ToString();
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

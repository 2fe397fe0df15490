using PadHub.Components.Sessions;
using PadHub.Components.Markdown;

namespace PadHub.Tests.Components.Sessions;

/// <summary>The pieces the live views are built from: block splitting, sections and times.</summary>
public sealed class LiveRenderingTests
{
    private const string Pad =
        "# Group 1: open data\n\n## Participants\n\n- Ada\n- Grace\n\n## Key points\n\nA paragraph\nover two lines.\n\n" +
        "```\ncode\n\nwith a blank line\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## Conclusions\n\n1. First\n2. Second\n";

    [Fact]
    public void SplitSource_TypicalPad_OneSlicePerTopLevelBlock()
    {
        var slices = MarkdownBlocks.SplitSource(Pad);

        Assert.Equal(
            ["# Group 1: open data", "## Participants", "- Ada\n- Grace", "## Key points", "A paragraph\nover two lines.",
             "```\ncode\n\nwith a blank line\n```", "| a | b |\n|---|---|\n| 1 | 2 |", "## Conclusions", "1. First\n2. Second"],
            slices);
    }

    [Fact]
    public void Split_BlocksRenderedApart_SameHtmlAsTheWholePad()
    {
        var whole = PadMarkdown.ToSafeHtml(Pad);

        var joined = string.Concat(MarkdownBlocks.Split(Pad).Select(b => b.Html.Value));

        Assert.Equal(Normalise(whole), Normalise(joined));
    }

    [Fact]
    public void Split_OneBlockEdited_OtherKeysUnchanged()
    {
        var before = MarkdownBlocks.Split(Pad).Select(b => b.Key).ToList();

        var after = MarkdownBlocks.Split(Pad.Replace("over two lines.", "over two lines!", StringComparison.Ordinal)).Select(b => b.Key).ToList();

        Assert.Equal(before.Count, after.Count);
        Assert.Equal([4], Enumerable.Range(0, before.Count).Where(i => before[i] != after[i]));
    }

    [Fact]
    public void Split_RepeatedBlocks_KeysStayUnique()
    {
        var blocks = MarkdownBlocks.Split("Same\n\nSame\n\nSame\n");

        Assert.Equal(3, blocks.Select(b => b.Key).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Split_SameTextInstance_SharedResult()
    {
        var text = string.Concat("# Shared ", "pad\n\nBody\n");

        Assert.Same(MarkdownBlocks.Split(text), MarkdownBlocks.Split(text));
    }

    [Fact]
    public void Split_HostileBlock_Sanitised()
    {
        var block = Assert.Single(MarkdownBlocks.Split("<script>alert(1)</script> [x](javascript:alert(1))"));

        Assert.DoesNotContain("<script", block.Html.Value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", block.Html.Value, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Split_BlankText_NoBlocks()
    {
        Assert.Empty(MarkdownBlocks.Split(" \n\n "));
    }

    [Theory]
    [InlineData(725, "12:05")]
    [InlineData(0.2, "0:01")]
    [InlineData(0, "0:00")]
    [InlineData(-55, "-0:55")]
    [InlineData(3723, "1:02:03")]
    public void SessionFormat_Countdown_WholeSecondsRoundedUp(double seconds, string expected)
    {
        Assert.Equal(expected, SessionFormat.Countdown(TimeSpan.FromSeconds(seconds)));
    }

    private static string Normalise(string html) => string.Concat(html.Where(c => !char.IsWhiteSpace(c)));
}

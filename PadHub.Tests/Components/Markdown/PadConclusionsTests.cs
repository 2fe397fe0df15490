using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Markdown;

namespace PadHub.Tests.Components.Markdown;

public sealed class PadConclusionsTests
{
    [Fact]
    public void Extract_MarkedPassages_InPadOrderWithOffsets()
    {
        const string pad = "# Group 1\n\nWe agree: ==open data by default==.\n\n## Conclusions\n\n- ==Fund the **commons**==\n- not this\n";

        var conclusions = PadConclusions.Extract(pad);

        Assert.Collection(
            conclusions,
            c =>
            {
                Assert.Equal(1, c.Order);
                Assert.Equal("open data by default", c.Text);
                Assert.Equal("==open data by default==", pad.Substring(c.Start, c.Length));
            },
            c =>
            {
                Assert.Equal(2, c.Order);
                Assert.Equal("Fund the **commons**", c.Markdown);
                Assert.Equal("Fund the commons", c.Text);
                Assert.Equal("==Fund the **commons**==", pad.Substring(c.Start, c.Length));
            });
    }

    [Fact]
    public void Extract_WithoutMarks_IsEmpty_EvenWithAConclusionsHeading()
    {
        Assert.Empty(PadConclusions.Extract("## Conclusions\n\nWe should fund the commons.\n"));
        Assert.Empty(PadConclusions.Extract(string.Empty));
    }

    [Fact]
    public void Extract_PadTemplate_ItsHintOnMarkingIsNotAConclusion()
    {
        var pad = SessionDefaults.PadTemplate.Replace("{group}", "Group 1", StringComparison.Ordinal).Replace("{topic}", "Open data", StringComparison.Ordinal);

        Assert.Contains("==your conclusion==", pad, StringComparison.Ordinal);
        Assert.Empty(PadConclusions.Extract(pad));
        Assert.Single(PadConclusions.Extract(pad + "- ==Fund the commons==\n"));
    }

    [Theory]
    [InlineData("`==in a code span==`")]
    [InlineData("```\n==in a fence==\n```\n")]
    [InlineData("    ==indented code==\n")]
    [InlineData("a == b and c == d")]
    [InlineData("====")]
    public void Extract_EqualSignsThatAreNotMarks_AreNotConclusions(string pad) => Assert.Empty(PadConclusions.Extract(pad));

    [Fact]
    public void Extract_HostileMarkup_IsPlainText()
    {
        var conclusions = PadConclusions.Extract("==<script>alert(1)</script> and <b>x</b>==");

        var conclusion = Assert.Single(conclusions);
        Assert.Equal("<script>alert(1)</script> and <b>x</b>", conclusion.Markdown);
        Assert.DoesNotContain("<mark>", PadMarkdown.ToSafeHtml(conclusion.Markdown), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", PadMarkdown.ToSafeHtml("==<script>alert(1)</script>=="), StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_MarkRendersAsMarkInEveryView()
    {
        var html = PadMarkdown.ToSafeHtml("==agreed==");

        Assert.Contains("<mark>agreed</mark>", html, StringComparison.Ordinal);
    }
}

using System.Net;
using PadHub.Components.Markdown;
using PadHub.Server.Questions;

namespace PadHub.Tests.Server.Questions;

// Where a forwarded question lands in a pad, and that hostile text stays one bullet of plain text.
public sealed class QuestionBulletTests
{
    [Fact]
    public void Plan_NoQuestionsHeading_AddsOneAtTheEnd()
    {
        var pad = "# Group 2\n\nNotes here.";

        Assert.Equal(pad + "\n\n## Questions\n\n- Why?\n", Apply(pad, "Why?"));
    }

    [Fact]
    public void Plan_EmptyPad_AddsTheHeadingAlone()
    {
        Assert.Equal("## Questions\n\n- Why?\n", Apply("", "Why?"));
    }

    [Theory]
    [InlineData("### questions")]
    [InlineData("# QUESTIONS #")]
    [InlineData("###### Questions  ")]
    public void Plan_HeadingAnyLevelAndCase_AppendsAfterItsLastItem(string heading)
    {
        var pad = $"# Notes\n\n{heading}\n\n- First\n- Second\n\n# Next\n\nText";

        Assert.Equal($"# Notes\n\n{heading}\n\n- First\n- Second\n- Why?\n\n# Next\n\nText", Apply(pad, "Why?"));
    }

    [Fact]
    public void Plan_SubheadingsInsideTheSection_StayInIt()
    {
        var pad = "## Questions\n\n### From the room\n\n- One\n\n## Conclusions\n";

        Assert.Equal("## Questions\n\n### From the room\n\n- One\n- Why?\n\n## Conclusions\n", Apply(pad, "Why?"));
    }

    [Fact]
    public void Plan_TheTemplatesEmptySection_GetsTheBulletAfterABlankLine()
    {
        var pad = "# G\n\n## Questions\n\n\n## Conclusions\n";

        Assert.Equal("# G\n\n## Questions\n\n- Why?\n\n\n## Conclusions\n", Apply(pad, "Why?"));
    }

    [Fact]
    public void Plan_HeadingInsideACodeFence_IsNotTheQuestionsHeading()
    {
        var pad = "```\n## Questions\n```\n";

        Assert.Equal(pad + "\n## Questions\n\n- Why?\n", Apply(pad, "Why?"));
    }

    [Fact]
    public void Plan_HeadingAtTheVeryEnd_PutsTheBulletOnTheNextLine()
    {
        Assert.Equal("Intro\n## Questions\n\n- Why?", Apply("Intro\n## Questions", "Why?"));
    }

    [Theory]
    [InlineData("# Not a heading")]
    [InlineData("> not a quote")]
    [InlineData("- not a nested list")]
    [InlineData("1. not an ordered list")]
    [InlineData("a) not a lettered list")]
    [InlineData("[ ] not a task")]
    [InlineData("==not a conclusion==")]
    [InlineData("*not* **emphasis** `code` ~~struck~~ <b>html</b> [link](http://x) ![img](http://x/i.png)")]
    [InlineData("line one\n\n# line two\n---\n```")]
    [InlineData("| a | b |")]
    [InlineData(": not a definition")]
    [InlineData("&amp; \\ entities and backslashes ^sup^ ++ins++")]
    public void Plan_HostileText_RendersAsOneBulletShowingTheText(string question)
    {
        var pad = "## Questions\n\n- Earlier\n";

        var html = PadMarkdown.ToSafeHtml(Apply(pad, question));

        var expected = string.Join(' ', question.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        var items = html.Split("<li>").Skip(1).Select(i => i[..i.IndexOf("</li>", StringComparison.Ordinal)]).ToList();
        Assert.Equal(["Earlier", WebUtility.HtmlEncode(expected)], items.Select(i => i.Trim()));
        Assert.DoesNotContain("<mark>", html, StringComparison.Ordinal);
        Assert.Single(html.Split("<ul>").Skip(1));
    }

    private static string Apply(string pad, string question)
    {
        var (position, insert) = QuestionBullet.Plan(pad, question);
        return pad.Insert(position, insert);
    }
}

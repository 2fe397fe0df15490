using AngleSharp.Dom;

namespace PadHub.Tests.Components.Markdown;

/// <summary>A pad with hostile content inside and around conclusion marks, and what every view must make of it.</summary>
internal static class HostileMarks
{
    /// <summary>Two real marks (script, image, handler and javascript: link inside them, all inert) and two in code.</summary>
    public const string Pad =
        "## Conclusions\n\n- ==<script>alert(1)</script> **bold** <img src=x onerror=alert(1)> [click](javascript:alert(1))==\n" +
        "- `==not in code==`\n\n```\n==nor in a fence==\n```\n\n- ==<b onmouseover=alert(1)>html</b>==\n";

    /// <summary>The rendered pad under <paramref name="root"/> shows exactly the two marks, as inert text.</summary>
    public static void AssertRenderedSafely(IElement root)
    {
        var marks = root.QuerySelectorAll("mark");
        Assert.Equal(2, marks.Length);
        Assert.StartsWith("<script>alert(1)</script> bold", marks[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("bold", marks[0].QuerySelector("strong")?.TextContent);
        Assert.Equal("<b onmouseover=alert(1)>html</b>", marks[1].TextContent);
        Assert.Empty(root.QuerySelectorAll("script, img, b, [onerror], [onmouseover], code mark, pre mark"));
        Assert.All(root.QuerySelectorAll("a"), a => Assert.DoesNotContain("javascript", a.GetAttribute("href") ?? "", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("==not in code==", root.QuerySelector("code")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("==nor in a fence==", root.QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
    }
}

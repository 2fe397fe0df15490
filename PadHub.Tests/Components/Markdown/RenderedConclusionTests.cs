using PadHub.Components.Markdown;

namespace PadHub.Tests.Components.Markdown;

public sealed class RenderedConclusionTests
{
    [Fact]
    public void Render_Passages_EachOneSafeMarkedParagraphWithAUniqueKey()
    {
        var rendered = RenderedConclusion.Render(PadConclusions.Extract("==same== and ==same== and ==**bold** <b>x</b>=="));

        Assert.Equal([1, 2, 3], rendered.Select(r => r.Order));
        Assert.Equal(3, rendered.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("<p><mark>same</mark></p>", rendered[0].Html.Value.Trim());
        Assert.Equal("<p><mark><strong>bold</strong> &lt;b&gt;x&lt;/b&gt;</mark></p>", rendered[2].Html.Value.Trim());
    }

    [Fact]
    public void Render_WithThePreviousList_ReusesTheHtmlOfUnchangedPassages()
    {
        var before = RenderedConclusion.Render(PadConclusions.Extract("==kept== then ==edited=="));

        var after = RenderedConclusion.Render(PadConclusions.Extract("==new== then ==kept== then ==edited again=="), before);

        Assert.Same(before[0].Html.Value, after[1].Html.Value);
        Assert.Equal("<p><mark>new</mark></p>", after[0].Html.Value.Trim());
    }
}

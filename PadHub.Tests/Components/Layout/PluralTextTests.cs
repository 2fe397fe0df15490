using PadHub.Components.Layout;
using PadHub.Components.Questions;

namespace PadHub.Tests.Components.Layout;

/// <summary>Counted texts: "1 question" and "2 questions", with each language's own rule for 0.</summary>
public sealed class PluralTextTests
{
    [Theory]
    [InlineData(0, "0 questions")]
    [InlineData(1, "1 question")]
    [InlineData(2, "2 questions")]
    [InlineData(1234, "1,234 questions")]
    public void Format_English_OneIsSingularOnly(int count, string expected)
    {
        using var _ = new CultureScope("en");

        Assert.Equal(expected, PluralText.Format(TestLocalizer.For<QuestionsPanel>(), "QuestionsCount", count));
    }

    [Theory]
    [InlineData(0, "0 question")]
    [InlineData(1, "1 question")]
    [InlineData(2, "2 questions")]
    public void Format_French_ZeroAndOneAreSingular(int count, string expected)
    {
        using var _ = CultureScope.French();

        Assert.Equal(expected, PluralText.Format(TestLocalizer.For<QuestionsPanel>(), "QuestionsCount", count));
    }

    [Fact]
    public void Format_FrenchThousands_GroupedAsFrenchWritesThem()
    {
        using var _ = CultureScope.French();

        var text = PluralText.Format(TestLocalizer.For<QuestionsPanel>(), "QuestionsCount", 1234);

        Assert.Equal(1234.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("fr")) + " questions", text);
        Assert.DoesNotContain(",", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_FrenchVotes_SingularAndPlural()
    {
        using var _ = CultureScope.French();
        var text = TestLocalizer.For<AudienceQuestions>();

        Assert.Equal(("1 vote", "3 votes"), (PluralText.Format(text, "Votes", 1), PluralText.Format(text, "Votes", 3)));
    }
}

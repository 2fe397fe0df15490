using Bunit;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Questions;
using PadHub.Tests.Components.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Questions;

public sealed class AudienceQuestionsTests : SessionComponentTest
{
    private IRenderedComponent<AudienceQuestions> RenderQuestions()
    {
        var cut = Render<AudienceQuestions>(p => p.Add(x => x.Token, FakeWorkshopService.AudienceToken).Add(x => x.State, Workshops.State));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-questions]").GetAttribute("data-interactive")));
        return cut;
    }

    [Fact]
    public void Ask_ToAGroupWithAName_SendsTheBrowsersParticipantIdAndShowsItLive()
    {
        var cut = RenderQuestions();

        cut.Find("#padhub-question-text").Input("Why <b>this</b>?");
        cut.Find("#padhub-question-target").Change("g2");
        cut.Find("#padhub-question-name").Input("Ada");
        cut.WaitForAssertion(() => Assert.False(cut.Find("#padhub-ask").HasAttribute("disabled")));
        cut.Find("[data-ask-form]").Submit();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-question-id]")));
        Assert.Equal(["Ask:Why <b>this</b>?|g2|Ada"], Questions.Calls);
        Assert.Equal([ParticipantId], Questions.ParticipantIds);
        var item = cut.Find("[data-question-id]");
        Assert.Equal("Why <b>this</b>?", item.QuerySelector(".padhub-question-text")!.TextContent);
        Assert.Null(item.QuerySelector("b"));
        Assert.Contains("To group 2: Group 2", item.TextContent, StringComparison.Ordinal);
        Assert.Contains("Asked by Ada", item.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-question-sent]"));
        Assert.Equal("", cut.Find("#padhub-question-text").GetAttribute("value") ?? "");
    }

    [Fact]
    public void Board_OrderedByVotesThenTime_WithVoteCountsAndStates()
    {
        Questions.Seed("Older", votes: 1);
        Questions.Seed("Most voted", votes: 3, pinned: true);
        Questions.Seed("Newer", votes: 1, answered: true);

        var cut = RenderQuestions();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-question-id]").Count));
        Assert.Equal(["Most voted", "Older", "Newer"], cut.FindAll(".padhub-question-text").Select(e => e.TextContent));
        Assert.Equal(["3", "1", "1"], cut.FindAll("[data-question-id]").Select(e => e.GetAttribute("data-votes")));
        Assert.NotNull(cut.Find("[data-question-id=q2] [data-state=pinned]"));
        Assert.NotNull(cut.Find("[data-question-id=q3] [data-state=answered]"));
    }

    [Fact]
    public void Vote_TogglesAriaPressedAndWithdraws()
    {
        var question = Questions.Seed("Why?");
        var cut = RenderQuestions();
        var button = $"[data-question-id={question.QuestionId}] [data-action=vote]";
        cut.WaitForAssertion(() => Assert.False(cut.Find(button).HasAttribute("disabled")));

        cut.Find(button).Click();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(button).GetAttribute("aria-pressed")));
        Assert.Equal("1", cut.Find($"[data-question-id={question.QuestionId}]").GetAttribute("data-votes"));

        cut.Find(button).Click();
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find(button).GetAttribute("aria-pressed")));
        Assert.Equal(["Vote:q1|True", "Vote:q1|False"], Questions.Calls);
    }

    [Fact]
    public void Ask_Refused_ShowsTheReasonAndKeepsTheText()
    {
        var cut = RenderQuestions();
        Questions.Refuse(new PadException(PadErrorCodes.RateLimited, "You are asking questions too fast."));

        cut.Find("#padhub-question-text").Input("Again?");
        cut.WaitForAssertion(() => Assert.False(cut.Find("#padhub-ask").HasAttribute("disabled")));
        cut.Find("[data-ask-form]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("You are going too fast: wait a minute, then try again.", cut.Find("[data-question-error]").TextContent.Trim()));
        Assert.Equal("Again?", cut.Find("#padhub-question-text").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-question-id]"));
    }

    [Fact]
    public async Task Closed_HidesTheFormAndDisablesVotes()
    {
        Questions.Seed("Before?");
        var cut = RenderQuestions();

        await Questions.SetClosedAsync(FakeWorkshopService.ModeratorToken, true);

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-questions-closed]")));
        Assert.Empty(cut.FindAll("[data-ask-form]"));
        Assert.True(cut.Find("[data-action=vote]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Hidden_DisappearsFromTheAudienceAtOnce()
    {
        var question = Questions.Seed("Rude?");
        var cut = RenderQuestions();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-question-id]")));

        await Questions.SetHiddenAsync(FakeWorkshopService.ModeratorToken, question.QuestionId, true);

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-question-id]")));
    }
}

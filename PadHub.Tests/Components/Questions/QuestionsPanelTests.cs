using Bunit;
using Microsoft.AspNetCore.Components;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Questions;
using PadHub.Tests.Components.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Questions;

public sealed class QuestionsPanelTests : SessionComponentTest
{
    private IRenderedComponent<QuestionsPanel> RenderPanel(RenderFragment? feed = null)
    {
        var cut = Render<QuestionsPanel>(p => p.Add(x => x.Token, FakeWorkshopService.ModeratorToken).Add(x => x.State, Workshops.State).Add(x => x.Feed, feed));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-questions-panel]").GetAttribute("data-interactive")));
        return cut;
    }

    [Fact]
    public void Render_HiddenQuestionsToo_WithTheFeedSlotOnTop()
    {
        Questions.Seed("Visible?");
        Questions.Seed("Hidden?", hidden: true);

        var cut = RenderPanel(builder => builder.AddMarkupContent(0, "<p id=\"social-feed\">feed</p>"));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-question-id]").Count));
        Assert.Equal("true", cut.Find("[data-question-id=q2]").GetAttribute("data-hidden"));
        Assert.NotNull(cut.Find("[data-questions-feed] #social-feed"));
        Assert.Equal("/m/mod-token/questions", cut.Find("[data-questions-projector-link]").GetAttribute("href"));
    }

    [Fact]
    public void Actions_PinAnsweredHide_SendTheToggleAndShowTheState()
    {
        Questions.Seed("Why?");
        var cut = RenderPanel();

        cut.Find("[data-question-id=q1] [data-action=pin]").Click();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-question-id=q1] [data-action=pin]").GetAttribute("aria-pressed")));
        cut.Find("[data-question-id=q1] [data-action=answered]").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-question-id=q1] [data-state=answered]")));
        cut.Find("[data-question-id=q1] [data-action=hide]").Click();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-question-id=q1]").GetAttribute("data-hidden")));

        Assert.Equal(["Pin:q1|True", "Answered:q1|True", "Hidden:q1|True"], Questions.Calls);
    }

    [Fact]
    public void Edit_FixesATypo()
    {
        Questions.Seed("Waht?");
        var cut = RenderPanel();

        cut.Find("[data-question-id=q1] [data-action=edit]").Click();
        cut.Find("#padhub-edit-q1").Input("What?");
        cut.Find("[data-edit-form]").Submit();

        cut.WaitForAssertion(() => Assert.Equal("What?", cut.Find("[data-question-id=q1] .padhub-questions-panel-text").TextContent));
        Assert.Equal(["Edit:q1|What?"], Questions.Calls);
    }

    [Fact]
    public void AddFromElsewhere_WithSourceAndGroup()
    {
        var cut = RenderPanel();

        cut.Find("#padhub-add-question-text").Input("From the room?");
        cut.Find("#padhub-add-question-source").Input("In the room");
        cut.Find("#padhub-add-question-target").Change("g3");
        cut.Find("[data-add-question-form]").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Via In the room", cut.Find("[data-question-id=q1]").TextContent, StringComparison.Ordinal));
        Assert.Equal(["Add:From the room?|In the room|g3"], Questions.Calls);
    }

    [Fact]
    public void Forward_ToTheChosenGroup_MarksItForwarded()
    {
        Questions.Seed("Why?");
        var cut = RenderPanel();

        cut.Find("[data-question-id=q1] [data-forward-target]").Change("g2");
        cut.Find("[data-question-id=q1] [data-action=forward]").Click();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-question-id=q1] [data-state=forwarded]").GetAttribute("data-forwarded-group")));
        Assert.Equal(["Forward:q1|g2"], Questions.Calls);
        Assert.Equal("Forwarded to group 2.", cut.Find("[data-question-notice]").TextContent.Trim());
    }

    [Fact]
    public void Forward_Refused_SaysWhyInThePagesLanguage()
    {
        Questions.Seed("Why?");
        var cut = RenderPanel();
        Questions.Refuse(new PadException(PadErrorCodes.Forbidden, "The pads are locked by the moderator."));

        cut.Find("[data-question-id=q1] [data-action=forward]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Not allowed now: the pads may be locked or the session ended.", cut.Find("[data-question-error]").TextContent.Trim()));
        Assert.Null(cut.Find("[data-question-id=q1]").QuerySelector("[data-state=forwarded]"));
    }

    [Fact]
    public void CloseQuestions_Toggles()
    {
        var cut = RenderPanel();

        cut.Find("[data-action=close-questions]").Click();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-questions-panel]").GetAttribute("data-closed")));
        Assert.Equal("true", cut.Find("[data-action=close-questions]").GetAttribute("aria-pressed"));
        Assert.Equal(["Closed:True"], Questions.Calls);
    }
}

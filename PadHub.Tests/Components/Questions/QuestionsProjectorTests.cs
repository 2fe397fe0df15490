using Bunit;
using PadHub.Components.Questions;
using PadHub.Tests.Components.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Questions;

public sealed class QuestionsProjectorTests : SessionComponentTest
{
    [Fact]
    public async Task Render_PinnedLargeThenTheNextByVotes_Live()
    {
        Questions.Seed("Low", votes: 1);
        var pinned = Questions.Seed("Pinned one", votes: 0, pinned: true);
        Questions.Seed("High", votes: 5);
        Questions.Seed("Hidden", votes: 9, hidden: true);
        Questions.Seed("Answered", votes: 8, answered: true);

        var cut = Render<QuestionsProjector>(p => p.Add(x => x.Token, FakeWorkshopService.ModeratorToken));

        cut.WaitForAssertion(() => Assert.Equal(pinned.QuestionId, cut.Find("[data-pinned-question]").GetAttribute("data-pinned-question")));
        Assert.Equal("Pinned one", cut.Find(".padhub-questions-projector-pinned-text").TextContent);
        Assert.Equal(["High", "Low"], cut.FindAll(".padhub-questions-projector-text").Select(e => e.TextContent));

        await Questions.PinAsync(FakeWorkshopService.ModeratorToken, "q3", true);
        cut.WaitForAssertion(() => Assert.Equal("High", cut.Find(".padhub-questions-projector-pinned-text").TextContent));
    }

    [Fact]
    public void Render_AudienceLink_IsRefused()
    {
        var cut = Render<QuestionsProjector>(p => p.Add(x => x.Token, FakeWorkshopService.AudienceToken));

        cut.WaitForAssertion(() => Assert.Contains("Only the moderator's link", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-questions-projector]"));
    }
}

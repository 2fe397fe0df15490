using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Questions;
using PadHub.Components.Contracts.Results;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Persistence;
using PadHub.Tests.Server.Sessions;

namespace PadHub.Tests.Server.Questions;

// The question service on a real server and SQLite file: asking, votes, moderation, limits and refusals.
public sealed class QuestionServiceTests() : ServerTest(new PadHubServerFactory())
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private IQuestionService Questions => Server.Services.GetRequiredService<IQuestionService>();

    [Fact]
    public async Task Ask_AudienceToSpeakersAndToAGroup_BothWatchersSeeThemOrderedByVotesThenTime()
    {
        var created = await Server.CreateSessionAsync(groups: 2);
        var boards = new List<QuestionBoard>();
        await using var watch = await Questions.WatchAsync(created.AudienceToken, b => { lock (boards) { boards.Add(b); } return ValueTask.CompletedTask; });

        var first = await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "  First?  ", null, "Ada"));
        var second = await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("b"), "Second?", created.Groups[1].GroupId));
        await Questions.VoteAsync(created.AudienceToken, Participant("c"), second.QuestionId, vote: true);

        await Waits.UntilAsync(() => Latest(boards)?.Questions.Count == 2 && Latest(boards)!.Questions[0].Votes == 1, Deadline, () => "two questions, one voted");
        var board = Latest(boards)!;
        Assert.Equal([second.QuestionId, first.QuestionId], board.Questions.Select(q => q.QuestionId));
        Assert.Equal(("First?", "Ada", (string?)null), (first.Text, first.Name, first.GroupId));
        Assert.Equal(created.Groups[1].GroupId, board.Questions[0].GroupId);
    }

    [Fact]
    public async Task Vote_SameParticipantTwice_CountsOnceAndWithdrawRemovesIt()
    {
        var created = await Server.CreateSessionAsync(groups: 1);
        var question = await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "Why?"));

        await Questions.VoteAsync(created.AudienceToken, Participant("b"), question.QuestionId, vote: true);
        var twice = await Questions.VoteAsync(created.AudienceToken, Participant("b"), question.QuestionId, vote: true);
        Assert.Equal(1, twice.Votes);
        Assert.Equal([question.QuestionId], await Questions.GetVotesAsync(created.AudienceToken, Participant("b")));

        var withdrawn = await Questions.VoteAsync(created.AudienceToken, Participant("b"), question.QuestionId, vote: false);
        Assert.Equal(0, withdrawn.Votes);
        Assert.Empty(await Questions.GetVotesAsync(created.AudienceToken, Participant("b")));
    }

    [Fact]
    public async Task Votes_TheDatabaseRefusesASecondRowForOneParticipant()
    {
        var created = await Server.CreateSessionAsync(groups: 1);
        var question = await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "Why?"));
        var store = Server.Services.GetRequiredService<IQuestionStore>();

        Assert.True(await store.AddVoteAsync(new StoredQuestionVote(question.QuestionId, "key-1"), DateTimeOffset.UtcNow));
        Assert.False(await store.AddVoteAsync(new StoredQuestionVote(question.QuestionId, "key-1"), DateTimeOffset.UtcNow));

        await using var db = await Server.Services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.QuestionVotes.CountAsync());
        Assert.DoesNotContain(await db.Questions.Select(q => q.AskerKey).ToListAsync(), k => k == Participant("a"));
    }

    [Fact]
    public async Task Hide_ReachesAudienceWatchersAtOnce_ModeratorStillSeesIt()
    {
        var created = await Server.CreateSessionAsync(groups: 1);
        var question = await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "Rude?"));
        var audience = new List<QuestionBoard>();
        var moderator = new List<QuestionBoard>();
        await using var audienceWatch = await Questions.WatchAsync(created.AudienceToken, b => { lock (audience) { audience.Add(b); } return ValueTask.CompletedTask; });
        await using var moderatorWatch = await Questions.WatchAsync(created.ModeratorToken, b => { lock (moderator) { moderator.Add(b); } return ValueTask.CompletedTask; });
        Assert.Single(audienceWatch.Current.Questions);

        await Questions.SetHiddenAsync(created.ModeratorToken, question.QuestionId, hidden: true);

        await Waits.UntilAsync(() => Latest(audience)?.Questions.Count == 0, Deadline, () => "the audience's board without the hidden question");
        await Waits.UntilAsync(() => Latest(moderator)?.Questions.SingleOrDefault()?.Hidden == true, Deadline, () => "the moderator's board with it hidden");
        await SessionTestHelpers.RefusedAsync(
            () => Questions.VoteAsync(created.AudienceToken, Participant("b"), question.QuestionId, true), PadErrorCodes.NotFound);
    }

    [Fact]
    public async Task Moderation_PinAnswerEditAddFromElsewhere_AreStoredAndShown()
    {
        var created = await Server.CreateSessionAsync(groups: 2);
        var asked = await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "Waht?"));
        var added = await Questions.AddFromElsewhereAsync(created.ModeratorToken, "From Mastodon?", "Mastodon, @ada", created.Groups[0].GroupId);

        await Questions.PinAsync(created.ModeratorToken, asked.QuestionId, true);
        await Questions.PinAsync(created.ModeratorToken, added.QuestionId, true);
        await Questions.SetAnsweredAsync(created.ModeratorToken, asked.QuestionId, true);
        await Questions.EditAsync(created.ModeratorToken, asked.QuestionId, "What?");

        await using var watch = await Questions.WatchAsync(created.AudienceToken, _ => ValueTask.CompletedTask);
        var board = watch.Current;
        Assert.Equal(added.QuestionId, board.Pinned?.QuestionId);
        var edited = board.Questions.Single(q => q.QuestionId == asked.QuestionId);
        Assert.Equal(("What?", true, true, false), (edited.Text, edited.Edited, edited.Answered, edited.Pinned));
        Assert.Equal(("Mastodon, @ada", created.Groups[0].GroupId), (added.Source, added.GroupId));
    }

    [Fact]
    public async Task ModeratorActions_WithAnotherLink_AreForbiddenAndChangeNothing()
    {
        var created = await Server.CreateSessionAsync(groups: 1);
        var question = await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "Why?"));

        await SessionTestHelpers.RefusedAsync(() => Questions.SetHiddenAsync(created.AudienceToken, question.QuestionId, true), PadErrorCodes.Forbidden);
        await SessionTestHelpers.RefusedAsync(() => Questions.PinAsync(created.Groups[0].NoteTakerToken, question.QuestionId, true), PadErrorCodes.Forbidden);
        await SessionTestHelpers.RefusedAsync(() => Questions.AddFromElsewhereAsync(created.AudienceToken, "x", "y"), PadErrorCodes.Forbidden);
        await SessionTestHelpers.RefusedAsync(() => Questions.ForwardAsync(created.AudienceToken, question.QuestionId, created.Groups[0].GroupId), PadErrorCodes.Forbidden);
        await SessionTestHelpers.RefusedAsync(() => Questions.AskAsync(created.ResultsToken, new QuestionAsk(Participant("a"), "x")), PadErrorCodes.Forbidden);
        await SessionTestHelpers.RefusedAsync(() => Questions.AskAsync("made-up", new QuestionAsk(Participant("a"), "x")), PadErrorCodes.NotFound);

        await using var watch = await Questions.WatchAsync(created.ModeratorToken, _ => ValueTask.CompletedTask);
        Assert.Equal(question with { }, watch.Current.Questions.Single());
    }

    [Theory]
    [InlineData("", PadErrorCodes.InvalidOp)]
    [InlineData("   \n ", PadErrorCodes.InvalidOp)]
    [InlineData(null, PadErrorCodes.TooLarge)]
    public async Task Ask_BadText_IsRefusedAndNothingIsStored(string? text, string code)
    {
        var created = await Server.CreateSessionAsync(groups: 1);

        await SessionTestHelpers.RefusedAsync(
            () => Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), text ?? new string('x', QuestionLimits.MaxTextLength + 1))), code);
        await SessionTestHelpers.RefusedAsync(
            () => Questions.AskAsync(created.AudienceToken, new QuestionAsk("short", "Why?")), PadErrorCodes.InvalidOp);
        await SessionTestHelpers.RefusedAsync(
            () => Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "Why?", Name: new string('n', QuestionLimits.MaxNameLength + 1))), PadErrorCodes.TooLarge);
        await SessionTestHelpers.RefusedAsync(
            () => Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "Why?", GroupId: "no-such-group")), PadErrorCodes.NotFound);

        Assert.Equal(0, await CountQuestionsAsync());
    }

    [Fact]
    public async Task Ask_MaxLengthExactly_IsAccepted()
    {
        var created = await Server.CreateSessionAsync(groups: 1);

        var asked = await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), new string('x', QuestionLimits.MaxTextLength)));

        Assert.Equal(QuestionLimits.MaxTextLength, asked.Text.Length);
    }

    [Fact]
    public async Task Ask_PastTheBurst_IsRateLimitedPerParticipantAndPerPage()
    {
        var created = await Server.CreateSessionAsync(groups: 1);
        for (var i = 0; i < 3; i++)
        {
            await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), $"Question {i}?", ConnectionId: "page-1"));
        }

        var refused = await SessionTestHelpers.RefusedAsync(
            () => Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "One more?", ConnectionId: "page-2")), PadErrorCodes.RateLimited);
        Assert.Contains("too fast", refused.Message, StringComparison.Ordinal);

        // Another participant id from the same page is still limited by the page.
        await SessionTestHelpers.RefusedAsync(
            () => Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("b"), "Fresh id?", ConnectionId: "page-1")), PadErrorCodes.RateLimited);
        await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("c"), "Someone else?", ConnectionId: "page-3"));
        Assert.Equal(4, await CountQuestionsAsync());
    }

    [Fact]
    public async Task Close_RefusesAudienceAsksAndVotes_ModeratorStillAdds_OpenAgainAccepts()
    {
        var created = await Server.CreateSessionAsync(groups: 1);
        var question = await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "Before?"));

        await Questions.SetClosedAsync(created.ModeratorToken, true);

        var refused = await SessionTestHelpers.RefusedAsync(
            () => Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "After?")), PadErrorCodes.Forbidden);
        Assert.Contains("closed", refused.Message, StringComparison.Ordinal);
        await SessionTestHelpers.RefusedAsync(
            () => Questions.VoteAsync(created.AudienceToken, Participant("b"), question.QuestionId, true), PadErrorCodes.Forbidden);
        await Questions.AddFromElsewhereAsync(created.ModeratorToken, "From the room?", "In the room");
        await using (var watch = await Questions.WatchAsync(created.AudienceToken, _ => ValueTask.CompletedTask))
        {
            Assert.True(watch.Current.Closed);
        }

        await Questions.SetClosedAsync(created.ModeratorToken, false);
        await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "Open again?"));
        Assert.Equal(3, await CountQuestionsAsync());
    }

    [Fact]
    public async Task Forward_ToGroupTwo_AppendsUnderItsQuestionsHeadingAsARevisionByTheModerator()
    {
        var created = await Server.CreateSessionAsync(groups: 2);
        var question = await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "# Is this\nsafe ==x==?"));
        var authority = Server.Services.GetRequiredService<IPadAuthorityProvider>().GetAuthority(created.Groups[1].PadId);
        var before = await authority.GetStateAsync();

        await Questions.ForwardAsync(created.ModeratorToken, question.QuestionId, created.Groups[1].GroupId);

        var after = await authority.GetStateAsync();
        Assert.Equal(before.Revision + 1, after.Revision);
        Assert.Contains("## Questions\n\n- \\# Is this safe \\=\\=x\\=\\=?\n\n\n## Conclusions", after.Text, StringComparison.Ordinal);
        var history = await authority.GetHistoryAsync(before.Revision, 10);
        var moderator = Assert.Single(await Server.Services.GetRequiredService<IPadStore>().GetAuthorsAsync([history.Operations.Single().AuthorId]));
        Assert.Equal("Moderator", moderator.DisplayName);
        await using var watch = await Questions.WatchAsync(created.AudienceToken, _ => ValueTask.CompletedTask);
        Assert.Equal(created.Groups[1].GroupId, watch.Current.Questions.Single().ForwardedToGroupId);

        // A second forward goes under the same heading, after the first.
        await Questions.ForwardAsync(created.ModeratorToken, question.QuestionId, created.Groups[1].GroupId);
        Assert.Contains("safe \\=\\=x\\=\\=?\n- \\# Is this safe \\=\\=x\\=\\=?\n\n\n## Conclusions", (await authority.GetStateAsync()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forward_LockedSession_IsRefusedAndTheQuestionIsNotMarked()
    {
        var created = await Server.CreateSessionAsync(groups: 1);
        var question = await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "Why?"));
        await Server.Workshops().SetLockedAsync(created.ModeratorToken, true);

        await SessionTestHelpers.RefusedAsync(
            () => Questions.ForwardAsync(created.ModeratorToken, question.QuestionId, created.Groups[0].GroupId), PadErrorCodes.Forbidden);

        await using var watch = await Questions.WatchAsync(created.ModeratorToken, _ => ValueTask.CompletedTask);
        Assert.Null(watch.Current.Questions.Single().ForwardedToGroupId);
    }

    [Fact]
    public async Task Results_HoldTheVisibleQuestionsWithVotes_HiddenLeftOut()
    {
        var created = await Server.CreateSessionAsync(groups: 2);
        var asked = await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("a"), "Kept?", created.Groups[1].GroupId));
        var hidden = await Questions.AskAsync(created.AudienceToken, new QuestionAsk(Participant("b"), "Hidden?"));
        await Questions.VoteAsync(created.AudienceToken, Participant("c"), asked.QuestionId, true);
        await Questions.SetHiddenAsync(created.ModeratorToken, hidden.QuestionId, true);

        var snapshot = await Server.Services.GetRequiredService<IResultsService>().GetSnapshotAsync(created.ResultsToken);

        var question = Assert.Single(snapshot!.Questions!);
        Assert.Equal((asked.QuestionId, (int?)2, 1, "Kept?"), (question.QuestionId, question.Group, question.Votes, question.Text));
    }

    internal static string Participant(string name) => TestClientIds.For("participant-" + name);

    private static QuestionBoard? Latest(List<QuestionBoard> boards)
    {
        lock (boards)
        {
            return boards.Count == 0 ? null : boards[^1];
        }
    }

    private async Task<int> CountQuestionsAsync()
    {
        await using var db = await Server.Services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();
        return await db.Questions.CountAsync();
    }
}

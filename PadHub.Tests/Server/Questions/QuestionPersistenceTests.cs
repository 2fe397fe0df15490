using PadHub.Components.Contracts.Questions;
using PadHub.Components.Contracts.Sessions;
using PadHub.Tests.Server.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace PadHub.Tests.Server.Questions;

// Questions, votes and their states survive a restart: the room is rebuilt from the database alone.
public sealed class QuestionPersistenceTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("padhub-questions-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Restart_KeepsQuestionsVotesStatesAndClosed()
    {
        SessionCreated created;
        QuestionBoard before;
        await using (var first = Server())
        {
            first.Start();
            created = await first.CreateSessionAsync(groups: 2);
            var questions = first.Services.GetRequiredService<IQuestionService>();
            var asked = await questions.AskAsync(created.AudienceToken, new QuestionAsk(QuestionServiceTests.Participant("a"), "Asked?", created.Groups[0].GroupId, "Ada"));
            var added = await questions.AddFromElsewhereAsync(created.ModeratorToken, "Added?", "Twitter, @someone");
            var hidden = await questions.AskAsync(created.AudienceToken, new QuestionAsk(QuestionServiceTests.Participant("b"), "Hidden?"));
            await questions.VoteAsync(created.AudienceToken, QuestionServiceTests.Participant("c"), added.QuestionId, true);
            await questions.VoteAsync(created.AudienceToken, QuestionServiceTests.Participant("d"), added.QuestionId, true);
            await questions.PinAsync(created.ModeratorToken, asked.QuestionId, true);
            await questions.SetAnsweredAsync(created.ModeratorToken, added.QuestionId, true);
            await questions.SetHiddenAsync(created.ModeratorToken, hidden.QuestionId, true);
            await questions.EditAsync(created.ModeratorToken, asked.QuestionId, "Asked, edited?");
            await questions.ForwardAsync(created.ModeratorToken, asked.QuestionId, created.Groups[1].GroupId);
            await questions.SetClosedAsync(created.ModeratorToken, true);
            await using var watch = await questions.WatchAsync(created.ModeratorToken, _ => ValueTask.CompletedTask);
            before = watch.Current;
        }

        await using var second = Server();
        second.Start();
        var restarted = second.Services.GetRequiredService<IQuestionService>();

        await using var after = await restarted.WatchAsync(created.ModeratorToken, _ => ValueTask.CompletedTask);
        Assert.Equal(before.Questions, after.Current.Questions);
        Assert.True(after.Current.Closed);
        Assert.Equal(3, after.Current.Questions.Count);
        Assert.Equal(2, after.Current.Questions[0].Votes);
        Assert.Equal(
            [after.Current.Questions[0].QuestionId],
            await restarted.GetVotesAsync(created.AudienceToken, QuestionServiceTests.Participant("c")));
    }

    private PadHubServerFactory Server() => new(new Dictionary<string, string?>
    {
        ["PadHub:DataDirectory"] = _dataDirectory,
        ["Database:SqliteFile"] = Path.Combine(_dataDirectory, "padhub.db"),
    });
}

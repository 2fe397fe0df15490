using PadHub.Components.Contracts.Questions;
using PadHub.Server.Persistence;

namespace PadHub.Server.Questions;

// The moderator's actions on questions: each checks the moderator's link, stores, then publishes.
internal sealed partial class QuestionService
{
    public async Task PinAsync(string moderatorToken, string questionId, bool pinned, CancellationToken cancellationToken = default)
    {
        var access = await RequireModeratorAsync(moderatorToken, "pin questions", cancellationToken).ConfigureAwait(false);
        QuestionInput.Id(questionId, "question");
        await MutateAsync(moderatorToken, access, async room =>
        {
            var question = room.Find(questionId) ?? throw NoSuchQuestion();
            if (question.Pinned == pinned)
            {
                return true;
            }

            var target = pinned ? questionId : null;
            await store.PinAsync(room.SessionId, target, cancellationToken).ConfigureAwait(false);
            room.Pin(target);
            room.Publish();
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task SetAnsweredAsync(string moderatorToken, string questionId, bool answered, CancellationToken cancellationToken = default) =>
        UpdateAsync(moderatorToken, questionId, "mark questions answered", q => q with { Answered = answered }, cancellationToken);

    public Task SetHiddenAsync(string moderatorToken, string questionId, bool hidden, CancellationToken cancellationToken = default) =>
        UpdateAsync(moderatorToken, questionId, "hide questions", q => q with { Hidden = hidden }, cancellationToken);

    public Task EditAsync(string moderatorToken, string questionId, string text, CancellationToken cancellationToken = default)
    {
        var normalised = QuestionInput.Text(text);
        return UpdateAsync(moderatorToken, questionId, "edit questions",
            q => q.Text == normalised ? q : q with { Text = normalised, Edited = true }, cancellationToken);
    }

    public async Task<Question> AddFromElsewhereAsync(
        string moderatorToken, string text, string source, string? groupId = null, CancellationToken cancellationToken = default)
    {
        var access = await RequireModeratorAsync(moderatorToken, "add questions from elsewhere", cancellationToken).ConfigureAwait(false);
        var normalisedText = QuestionInput.Text(text);
        var normalisedSource = QuestionInput.Source(source);
        return await MutateAsync(moderatorToken, access, room =>
        {
            var question = new StoredQuestion(NewId(), room.SessionId, CheckGroup(room, groupId), normalisedText, Name: null, normalisedSource,
                AskerKey: null, time.GetUtcNow(), Pinned: false, Answered: false, Hidden: false, ForwardedToGroupId: null, Edited: false);
            return AddAsync(room, question, cancellationToken);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task SetClosedAsync(string moderatorToken, bool closed, CancellationToken cancellationToken = default)
    {
        var access = await RequireModeratorAsync(moderatorToken, "close or open questions", cancellationToken).ConfigureAwait(false);
        await MutateAsync(moderatorToken, access, async room =>
        {
            if (room.Closed != closed)
            {
                await store.SetClosedAsync(room.SessionId, closed, cancellationToken).ConfigureAwait(false);
                room.SetClosed(closed);
                room.Publish();
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateAsync(
        string moderatorToken, string questionId, string action, Func<StoredQuestion, StoredQuestion> change, CancellationToken cancellationToken)
    {
        var access = await RequireModeratorAsync(moderatorToken, action, cancellationToken).ConfigureAwait(false);
        QuestionInput.Id(questionId, "question");
        await MutateAsync(moderatorToken, access, async room =>
        {
            var question = room.Find(questionId) ?? throw NoSuchQuestion();
            var changed = change(question);
            if (changed != question)
            {
                await store.UpdateAsync(changed, cancellationToken).ConfigureAwait(false);
                room.Put(changed);
                room.Publish();
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
    }
}

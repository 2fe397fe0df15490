using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Questions;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Pads;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Persistence;

namespace PadHub.Server.Questions;

/// <summary>
/// Audience questions on the server: one <see cref="QuestionRoom"/> per session in memory (loaded on first use, dropped
/// when idle and unwatched), every token checked through <see cref="IWorkshopService"/> at each call, every change
/// stored before it is published (moderation: QuestionService.Moderation.cs; forwarding to a pad: .Forward.cs).
/// </summary>
internal sealed partial class QuestionService(
    IWorkshopService workshops,
    IQuestionStore store,
    IPadStore pads,
    IPadAuthorityProvider authorities,
    ISessionPadResolver padGates,
    IOptions<QuestionOptions> options,
    TimeProvider time,
    ILogger<QuestionService> logger) : IQuestionService
{
    // Rooms unused this long with nobody watching are dropped (swept when a room is loaded).
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Lazy<Task<QuestionRoom>>> _rooms = new(StringComparer.Ordinal);

    public async Task<Question> AskAsync(string token, QuestionAsk ask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var access = await RequireAsync(token, cancellationToken).ConfigureAwait(false);
        if (access.Role == SessionRole.Results)
        {
            throw new PadException(PadErrorCodes.Forbidden, "The results link cannot ask questions.");
        }

        var key = QuestionInput.ParticipantKey(ask.ParticipantId);
        var text = QuestionInput.Text(ask.Text);
        var name = QuestionInput.Name(ask.Name);
        return await MutateAsync(token, access, async room =>
        {
            var groupId = CheckGroup(room, ask.GroupId);
            if (room.Closed && access.Role != SessionRole.Moderator)
            {
                throw Closed();
            }

            if (!room.TryTakeAsk(Keys(key, ask.ConnectionId)))
            {
                throw new PadException(PadErrorCodes.RateLimited, "You are asking questions too fast: wait a minute, then ask again.");
            }

            var question = new StoredQuestion(NewId(), room.SessionId, groupId, text, name, Source: null, key, time.GetUtcNow(),
                Pinned: false, Answered: false, Hidden: false, ForwardedToGroupId: null, Edited: false);
            return await AddAsync(room, question, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Question> VoteAsync(string token, string participantId, string questionId, bool vote, CancellationToken cancellationToken = default)
    {
        var access = await RequireAsync(token, cancellationToken).ConfigureAwait(false);
        if (access.Role == SessionRole.Results)
        {
            throw new PadException(PadErrorCodes.Forbidden, "The results link cannot vote.");
        }

        var key = QuestionInput.ParticipantKey(participantId);
        QuestionInput.Id(questionId, "question");
        return await MutateAsync(token, access, async room =>
        {
            if (room.Find(questionId) is not { Hidden: false })
            {
                throw NoSuchQuestion();
            }

            if (room.Closed && access.Role != SessionRole.Moderator)
            {
                throw Closed();
            }

            if (room.Votes(questionId, key) == vote)
            {
                return room.ToQuestion(questionId);
            }

            if (!room.TryTakeVote([key]))
            {
                throw new PadException(PadErrorCodes.RateLimited, "You are voting too fast: wait a moment, then try again.");
            }

            var stored = new StoredQuestionVote(questionId, key);
            _ = vote
                ? await store.AddVoteAsync(stored, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
                : await store.RemoveVoteAsync(stored, cancellationToken).ConfigureAwait(false);
            room.SetVote(questionId, key, vote);
            room.Publish();
            return room.ToQuestion(questionId);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlySet<string>> GetVotesAsync(string token, string participantId, CancellationToken cancellationToken = default)
    {
        var access = await RequireAsync(token, cancellationToken).ConfigureAwait(false);
        var key = QuestionInput.ParticipantKey(participantId);
        var room = await GetRoomAsync(token, access.SessionId, cancellationToken).ConfigureAwait(false);
        return room.VotesOf(key);
    }

    public async Task<IQuestionSubscription> WatchAsync(string token, Func<QuestionBoard, ValueTask> onChanged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onChanged);
        var access = await RequireAsync(token, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var room = await GetRoomAsync(token, access.SessionId, cancellationToken).ConfigureAwait(false);
            if (room.AddWatcher(access.Role == SessionRole.Moderator, onChanged, ex => LogWatcherFailed(logger, room.SessionId, ex)) is { } watcher)
            {
                return watcher;
            }

            // Retired by the idle sweep between the lookup and now: the next lookup loads it afresh.
        }
    }

    private async Task<Question> AddAsync(QuestionRoom room, StoredQuestion question, CancellationToken cancellationToken)
    {
        if (room.Count >= QuestionLimits.MaxQuestionsPerSession)
        {
            throw new PadException(PadErrorCodes.TooLarge, $"This session has the most questions it can hold ({QuestionLimits.MaxQuestionsPerSession}).");
        }

        await store.AddAsync(question, cancellationToken).ConfigureAwait(false);
        room.Put(question);
        room.Publish();
        LogAsked(logger, room.SessionId, question.QuestionId);
        return room.ToQuestion(question.QuestionId);
    }

    /// <summary>Runs a change alone in its session's room, on a live (not retired) room.</summary>
    private async Task<T> MutateAsync<T>(string token, SessionAccess access, Func<QuestionRoom, Task<T>> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            var room = await GetRoomAsync(token, access.SessionId, cancellationToken).ConfigureAwait(false);
            await room.Mutations.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (room.Retired)
                {
                    continue;
                }

                room.Touch();
                return await change(room).ConfigureAwait(false);
            }
            finally
            {
                room.Mutations.Release();
            }
        }
    }

    private async Task<SessionAccess> RequireAsync(string token, CancellationToken cancellationToken) =>
        await workshops.ResolveAsync(token, cancellationToken).ConfigureAwait(false)
            ?? throw new PadException(PadErrorCodes.NotFound, "This link is not valid (unknown or revoked).");

    private async Task<SessionAccess> RequireModeratorAsync(string token, string action, CancellationToken cancellationToken)
    {
        var access = await RequireAsync(token, cancellationToken).ConfigureAwait(false);
        return access.Role == SessionRole.Moderator
            ? access
            : throw new PadException(PadErrorCodes.Forbidden, $"Only the moderator's link can {action}.");
    }

    private async Task<QuestionRoom> GetRoomAsync(string token, string sessionId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lazy = _rooms.GetOrAdd(sessionId, id => new Lazy<Task<QuestionRoom>>(() => LoadRoomAsync(token, id)));
            QuestionRoom room;
            try
            {
                room = await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (lazy.Value.IsFaulted)
            {
                _rooms.TryRemove(new KeyValuePair<string, Lazy<Task<QuestionRoom>>>(sessionId, lazy));
                throw;
            }

            if (!room.Retired)
            {
                room.Touch();
                return room;
            }

            _rooms.TryRemove(new KeyValuePair<string, Lazy<Task<QuestionRoom>>>(sessionId, lazy));
        }
    }

    private async Task<QuestionRoom> LoadRoomAsync(string token, string sessionId)
    {
        SweepIdleRooms();

        // Not the caller's cancellation: one caller giving up must not fail the load for the others waiting on it.
        SessionState state;
        var subscription = await workshops.WatchAsync(token, static _ => ValueTask.CompletedTask, CancellationToken.None).ConfigureAwait(false);
        await using (subscription.ConfigureAwait(false))
        {
            state = subscription.Current;
        }

        var stored = await store.LoadAsync(sessionId, CancellationToken.None).ConfigureAwait(false);
        return new QuestionRoom(sessionId, state.Groups, stored, options.Value, time);
    }

    private void SweepIdleRooms()
    {
        var cutoff = time.GetUtcNow() - IdleTimeout;
        foreach (var (sessionId, lazy) in _rooms)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && lazy.Value.Result.TryRetire(cutoff))
            {
                _rooms.TryRemove(new KeyValuePair<string, Lazy<Task<QuestionRoom>>>(sessionId, lazy));
            }
        }
    }

    private static string? CheckGroup(QuestionRoom room, string? groupId) =>
        groupId is null || room.Groups.ContainsKey(groupId)
            ? groupId
            : throw new PadException(PadErrorCodes.NotFound, "There is no such group in this session.");

    private static IEnumerable<string> Keys(string participantKey, string? connectionId) =>
        string.IsNullOrEmpty(connectionId) ? ["p:" + participantKey] : ["p:" + participantKey, "c:" + connectionId[..Math.Min(connectionId.Length, 64)]];

    private static PadException Closed() => new(PadErrorCodes.Forbidden, "Questions are closed for this session.");

    private static PadException NoSuchQuestion() => new(PadErrorCodes.NotFound, "There is no such question (it may have been removed).");

    private string NewId() => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId}: question {QuestionId} added")]
    private static partial void LogAsked(ILogger logger, string sessionId, string questionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: a questions watcher failed")]
    private static partial void LogWatcherFailed(ILogger logger, string sessionId, Exception exception);
}

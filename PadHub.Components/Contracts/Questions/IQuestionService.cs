namespace PadHub.Components.Contracts.Questions;

/// <summary>
/// A session's audience questions (Q&amp;A): asking, voting, the live ordered list and the moderator's actions. Scoped to
/// one session (the token says which), async with records in and out, so a per-session grain could implement it.
/// Every method checks its token on the server at that moment. Refusals are
/// <see cref="Pads.PadException"/>s with a code from <see cref="Pads.PadErrorCodes"/> and a message meant for the page
/// (<c>not-found</c> unknown or revoked token or question, <c>forbidden</c> without the power or while questions are
/// closed, <c>invalid-op</c> bad input, <c>too-large</c> over a limit, <c>rate-limited</c> too fast). A refused call
/// changed nothing.
/// </summary>
public interface IQuestionService
{
    /// <summary>
    /// Asks a question (audience, note-taker or moderator link), addressed to the speakers (<see cref="QuestionAsk.GroupId"/>
    /// null) or to one group of the session.
    /// </summary>
    Task<Question> AskAsync(string token, QuestionAsk ask, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sets whether <paramref name="participantId"/> votes for a question: <paramref name="vote"/> true adds the
    /// participant's one vote, false withdraws it; setting what is already so changes nothing. Returns the question after.
    /// </summary>
    Task<Question> VoteAsync(string token, string participantId, string questionId, bool vote, CancellationToken cancellationToken = default);

    /// <summary>The ids of the visible questions <paramref name="participantId"/> votes for (to show the vote toggles).</summary>
    Task<IReadOnlySet<string>> GetVotesAsync(string token, string participantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Follows the session's questions live. <paramref name="onChanged"/> is called (never concurrently, in order of
    /// <see cref="QuestionBoard.Version"/>) with each new board after the subscription's
    /// <see cref="IQuestionSubscription.Current"/>. Any valid session token may watch; hidden questions are delivered
    /// only to the moderator's.
    /// </summary>
    Task<IQuestionSubscription> WatchAsync(string token, Func<QuestionBoard, ValueTask> onChanged, CancellationToken cancellationToken = default);

    /// <summary>Pins a question (moderator only; one pinned at a time: pinning another unpins the previous) or unpins it.</summary>
    Task PinAsync(string moderatorToken, string questionId, bool pinned, CancellationToken cancellationToken = default);

    /// <summary>Marks a question answered or not (moderator only).</summary>
    Task SetAnsweredAsync(string moderatorToken, string questionId, bool answered, CancellationToken cancellationToken = default);

    /// <summary>Hides a question from every audience page at once, or shows it again (moderator only).</summary>
    Task SetHiddenAsync(string moderatorToken, string questionId, bool hidden, CancellationToken cancellationToken = default);

    /// <summary>Replaces a question's text, e.g. to fix a typo (moderator only; same limits as asking).</summary>
    Task EditAsync(string moderatorToken, string questionId, string text, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a question gathered elsewhere (social media, the room) with its <paramref name="source"/>, e.g.
    /// "Twitter, @someone" (moderator only; not subject to the closed state or the audience's rate limit), addressed to
    /// the speakers (<paramref name="groupId"/> null) or one group.
    /// </summary>
    Task<Question> AddFromElsewhereAsync(string moderatorToken, string text, string source, string? groupId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends the question as a bullet under the "Questions" heading of the group's pad (creating <c>## Questions</c>
    /// at the end when none), as an ordinary revision authored by the moderator, and marks it forwarded to that group
    /// (moderator only).
    /// </summary>
    Task ForwardAsync(string moderatorToken, string questionId, string groupId, CancellationToken cancellationToken = default);

    /// <summary>Closes (no new questions or votes from the audience) or reopens questions for the session (moderator only).</summary>
    Task SetClosedAsync(string moderatorToken, bool closed, CancellationToken cancellationToken = default);
}

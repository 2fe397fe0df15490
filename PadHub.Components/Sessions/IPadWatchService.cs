using PadHub.Components.Pads;

namespace PadHub.Components.Sessions;

/// <summary>
/// Read-only live mirrors of pads for the dashboard, the audience page and a pad's view page. The server keeps ONE mirror per pad however
/// many views watch it, and watching does not make anyone appear in the pad's presence list.
/// </summary>
public interface IPadWatchService
{
    /// <summary>
    /// Watches a pad of a session with any token of that session that may read it (moderator, audience, or the
    /// group's note-taker). <paramref name="onChanged"/> is called after the pad changes (text, participants, activity);
    /// it may be called often: views throttle their own rendering (at most ~10 renders a second).
    /// </summary>
    /// <exception cref="PadException"><c>not-found</c> for an unknown token, <c>forbidden</c> when it cannot read this pad.</exception>
    Task<IPadWatch> WatchAsync(string token, string padId, Func<ValueTask> onChanged, CancellationToken cancellationToken = default);

    /// <summary>
    /// Watches the stand-alone pad that its own link (edit or view: the <c>/v/{token}</c> page) names; the watch's
    /// <see cref="IPadWatch.Current"/> tells which pad. Otherwise as <see cref="WatchAsync"/>.
    /// </summary>
    /// <exception cref="PadException"><c>not-found</c> when the token is no pad's own live link.</exception>
    Task<IPadWatch> WatchPadLinkAsync(string token, Func<ValueTask> onChanged, CancellationToken cancellationToken = default);
}

/// <summary>One view's watch of a pad. Dispose to stop.</summary>
public interface IPadWatch : IAsyncDisposable
{
    /// <summary>The pad's state now (cheap: a reference to the mirror's latest immutable snapshot).</summary>
    PadWatchSnapshot Current { get; }
}

/// <summary>A pad as the live views show it.</summary>
/// <param name="Revision">The revision <paramref name="Text"/> is at.</param>
/// <param name="Participants">Who has the pad open now.</param>
/// <param name="TypingAuthorIds">Authors who committed an edit in the last few seconds.</param>
/// <param name="EditsPerMinute">Committed operations per minute over the last 5 minutes, oldest first (5 buckets).</param>
/// <param name="LastEditAt">Server time of the last committed edit; null when none since the server started watching.</param>
public sealed record PadWatchSnapshot(
    string PadId,
    int Revision,
    string Text,
    IReadOnlyList<PadParticipant> Participants,
    IReadOnlyList<string> TypingAuthorIds,
    IReadOnlyList<int> EditsPerMinute,
    DateTimeOffset? LastEditAt);

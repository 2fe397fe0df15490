using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Components.Sessions;

/// <summary>
/// A polite live region that puts into words what changed between two states of the session, and the phase's last
/// minute and end as they come (one timer to the next of the two, on the server's clock), never a tick.
/// </summary>
public sealed partial class SessionAnnouncer : IDisposable
{
    private static readonly TimeSpan LastMinute = TimeSpan.FromMinutes(1);

    private SessionState? _previous;
    private string _message = "";
    private bool _alternate;
    private ITimer? _milestone;
    private (int Phase, DateTimeOffset At)? _armedFor;
    private bool _disposed;

    /// <summary>The session's state, as the page shows it.</summary>
    [Parameter, EditorRequired]
    public required SessionState State { get; set; }

    /// <summary>The group whose announcements are read besides those sent to everyone.</summary>
    [Parameter]
    public string? GroupId { get; set; }

    /// <summary>Read announcements to any group (the moderator's view).</summary>
    [Parameter]
    public bool AllAnnouncements { get; set; }

    [Inject]
    private IStringLocalizer<SessionAnnouncer> L { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override void OnParametersSet()
    {
        var previous = _previous;
        if (ReferenceEquals(previous, State))
        {
            return;
        }

        _previous = State;
        ArmMilestone();
        // The first state is what the page shows as it opens: only changes are news.
        if (previous is null)
        {
            return;
        }

        var changes = new List<string>();
        if (State.Ended is not null != previous.Ended is not null)
        {
            changes.Add(L[State.Ended is null ? "SessionReopened" : "SessionEnded"]);
        }
        else if (State.Locked != previous.Locked)
        {
            changes.Add(L[State.Locked ? "PadsLocked" : "PadsUnlocked"]);
        }

        if (State.Timer.PhaseIndex != previous.Timer.PhaseIndex)
        {
            changes.Add(Format("PhaseChanged", State.Timer.PhaseIndex + 1, State.Phases.Count, PhaseName));
        }
        else if (State.Timer.Running != previous.Timer.Running)
        {
            changes.Add(L[State.Timer.Running ? "TimerStarted" : "TimerPaused"]);
        }

        if (Newest(State) is { } announcement && announcement.AnnouncementId != Newest(previous)?.AnnouncementId)
        {
            changes.Add(Format("NewAnnouncement", announcement.Text));
        }

        if (changes.Count > 0)
        {
            Say(string.Join(" ", changes));
        }
    }

    private string PhaseName =>
        State.Timer.PhaseIndex >= 0 && State.Timer.PhaseIndex < State.Phases.Count ? State.Phases[State.Timer.PhaseIndex].Name : "";

    private Announcement? Newest(SessionState state) =>
        state.Announcements.LastOrDefault(a => AllAnnouncements || a.GroupId is null || a.GroupId == GroupId);

    private string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, L[key], args);

    // The same words twice in a row would not be read again: every other message ends with a no-break space.
    private void Say(string text)
    {
        _alternate = !_alternate;
        _message = _alternate ? text : text + "\u00a0";
    }

    /// <summary>One timer, to the next of the running phase's last minute and its end; re-armed when the timer changes.</summary>
    private void ArmMilestone()
    {
        var timer = State.Timer;
        var now = Time.GetUtcNow();
        (int Phase, DateTimeOffset At)? next = null;
        if (timer.Running && timer.EndsAt is { } end && State.Ended is null)
        {
            var lastMinute = end - LastMinute;
            next = lastMinute > now ? (timer.PhaseIndex, lastMinute) : end > now ? (timer.PhaseIndex, end) : null;
        }

        if (next == _armedFor)
        {
            return;
        }

        _milestone?.Dispose();
        _milestone = null;
        _armedFor = next;
        if (next is { } due && !_disposed)
        {
            _milestone = Time.CreateTimer(_ => _ = InvokeAsync(() => Reached(due)), null, due.At - now, Timeout.InfiniteTimeSpan);
        }
    }

    private void Reached((int Phase, DateTimeOffset At) due)
    {
        if (_disposed || _armedFor != due)
        {
            return;
        }

        var end = State.Timer.EndsAt;
        Say(Format(due.At == end ? "TimeUp" : "LastMinute", PhaseName));
        _armedFor = null;
        ArmMilestone();
        StateHasChanged();
    }

    public void Dispose()
    {
        _disposed = true;
        _milestone?.Dispose();
    }
}

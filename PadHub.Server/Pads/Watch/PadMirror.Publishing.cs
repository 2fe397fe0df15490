using System.Collections.Immutable;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Watch;

// The one place a live view's change is paced: a snapshot at most once per NotifyInterval for every watcher of the pad,
// and one more after the last change (or when activity changes with time alone). Watches and views deliver what it
// publishes without pacing again.
internal sealed partial class PadMirror
{
    private bool _publishQueued;
    private DateTimeOffset? _timerDue;
    private DateTimeOffset _lastPublishAt = DateTimeOffset.MinValue;
    private DateTimeOffset? _activityDue;

    /// <summary>Arms the one timer for the next publish: throttled after a change, or when activity changes with time.</summary>
    private void ScheduleLocked()
    {
        if (_closed || _publishQueued || _pending is not null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        DateTimeOffset? due = _dirty
            ? (now > _lastPublishAt + _options.NotifyInterval ? now : _lastPublishAt + _options.NotifyInterval)
            : _activityDue;
        if (due == _timerDue)
        {
            return;
        }

        if (due is not { } at)
        {
            _timerDue = null;
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        else if (at <= now)
        {
            _publishQueued = true;
            ThreadPool.QueueUserWorkItem(static mirror => mirror.Publish(), this, preferLocal: false);
        }
        else
        {
            _timerDue = at;
            _timer.Change(at - now, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            _timerDue = null;
        }

        Publish();
    }

    private void Publish()
    {
        ImmutableArray<PadWatch> watchers;
        PadWatchSnapshot snapshot;
        lock (_gate)
        {
            _publishQueued = false;
            if (_closed || _pending is not null)
            {
                return;
            }

            var now = _time.GetUtcNow();
            if (_dirty && now < _lastPublishAt + _options.NotifyInterval)
            {
                ScheduleLocked(); // Early: keep the rate.
                return;
            }

            var previous = _current;
            var typing = TypingLocked(now);
            var buckets = BucketsLocked(now);
            var changed = _dirty || previous is null
                || !typing.SequenceEqual(previous.TypingAuthorIds, StringComparer.Ordinal)
                || !buckets.SequenceEqual(previous.EditsPerMinute);
            _activityDue = NextActivityChange(now, typing.Length > 0, buckets);
            if (changed)
            {
                var text = _textDirty || previous is null ? _text.GetText() : previous.Text;
                var participants = _participantsDirty || previous is null ? _fanout.GetParticipants(PadId) : previous.Participants;
                Volatile.Write(ref _current, new PadWatchSnapshot(PadId, _revision, text, participants, typing, buckets, _lastEditAt));
                _dirty = false;
                _textDirty = false;
                _participantsDirty = false;
                _lastPublishAt = now;
            }

            ScheduleLocked();
            if (!changed)
            {
                return;
            }

            watchers = _watchers;
            snapshot = _current!;
        }

        foreach (var watcher in watchers)
        {
            watcher.Signal(snapshot);
        }
    }
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;

namespace PadHub.Server.Pads.Fanout;

internal sealed partial class PadFanout
{
    private readonly ConcurrentDictionary<string, ImmutableArray<IPadFanoutObserver>> _observers = new(StringComparer.Ordinal);
    private readonly Lock _observersGate = new();

    /// <summary>Adds a hidden observer of <paramref name="padId"/>; dispose the result to remove it.</summary>
    public IDisposable Observe(string padId, IPadFanoutObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_observersGate)
        {
            _observers[padId] = _observers.TryGetValue(padId, out var current) ? current.Add(observer) : [observer];
        }

        return new ObserverRegistration(this, padId, observer);
    }

    /// <summary>Hidden observers of <paramref name="padId"/> now (tests and diagnostics).</summary>
    public int ObserverCount(string padId) => _observers.TryGetValue(padId, out var observers) ? observers.Length : 0;

    /// <summary>Queues a pad's changed comments to each of its connections, in order with their other events.</summary>
    public void PublishComments(string padId, PadComments comments)
    {
        if (_pads.TryGetValue(padId, out var group))
        {
            foreach (var member in group.Members)
            {
                member.EnqueueComments(comments);
            }
        }
    }

    private void NotifyObservers(string padId, IReadOnlyList<CommittedOperation> operations)
    {
        if (_observers.TryGetValue(padId, out var observers))
        {
            foreach (var observer in observers)
            {
                observer.OnCommitted(operations);
            }
        }
    }

    private void SignalObserversParticipants(string padId)
    {
        if (_observers.TryGetValue(padId, out var observers))
        {
            foreach (var observer in observers)
            {
                observer.OnParticipantsChanged();
            }
        }
    }

    private void RemoveObserver(string padId, IPadFanoutObserver observer)
    {
        lock (_observersGate)
        {
            if (!_observers.TryGetValue(padId, out var current))
            {
                return;
            }

            var next = current.Remove(observer);
            if (next.IsEmpty)
            {
                _observers.TryRemove(padId, out _);
            }
            else
            {
                _observers[padId] = next;
            }
        }
    }

    private sealed class ObserverRegistration(PadFanout fanout, string padId, IPadFanoutObserver observer) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                fanout.RemoveObserver(padId, observer);
            }
        }
    }
}

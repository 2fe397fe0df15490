namespace PadHub.Server.Concurrency;

/// <summary>
/// Latest-value-wins delivery to one slow consumer: producers <see cref="Post"/> values without ever waiting, and one
/// loop on the thread pool hands them to the consumer one at a time. A value posted while another waits replaces it, so
/// a slow consumer never queues up and never holds up its producers or other consumers.
/// </summary>
/// <remarks>
/// <para>Guarantees:</para>
/// <list type="bullet">
/// <item>Never concurrent: the consumer is called by at most one loop at a time, and never on the producer's thread.</item>
/// <item>In order: values are delivered in the order they were accepted; skipped ones are only ever older ones.</item>
/// <item>The last value is never lost: an accepted value is delivered, even when it lands while the loop is finishing,
/// unless <see cref="Stop"/> comes first (it drops a waiting value).</item>
/// <item>Stop is final: no delivery starts after <see cref="Stop"/> returns (one already running is not waited for: it
/// may be waiting for the very caller).</item>
/// <item>A consumer that throws is reported to <c>onError</c> and keeps receiving the next values.</item>
/// <item>In the consumer's language: deliveries run with the culture and UI culture current where the pump was made
/// (a view's circuit), not the producer's (another person's circuit, in another language).</item>
/// </list>
/// <para>
/// <c>supersedes(latest, candidate)</c> decides whether a posted value is news: <c>latest</c> is the value waiting, else
/// the last one taken for delivery, else the initial one. Values that are not news are dropped (e.g. an older version).
/// </para>
/// </remarks>
/// <param name="initial">What the consumer is known to have already (the baseline for <c>supersedes</c>).</param>
/// <param name="deliver">The consumer.</param>
/// <param name="onError">Told about each exception of <paramref name="deliver"/>; must not throw.</param>
/// <param name="supersedes">Whether a candidate replaces the latest value; null accepts every value.</param>
internal sealed class LatestValuePump<T>(T initial, Func<T, ValueTask> deliver, Action<Exception> onError, Func<T, T, bool>? supersedes = null)
{
    private readonly Lock _gate = new();
    private readonly SubscriberCulture _culture = SubscriberCulture.Capture();
    private T _current = initial;
    private T _pending = initial;
    private bool _hasPending;
    private bool _running;
    private bool _stopped;

    /// <summary>The value most recently taken for delivery (the initial one before any).</summary>
    public T Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>True once <see cref="Stop"/> was called.</summary>
    public bool Stopped
    {
        get
        {
            lock (_gate)
            {
                return _stopped;
            }
        }
    }

    /// <summary>Offers a value; returns false when it was dropped (stopped, or not news).</summary>
    public bool Post(T value)
    {
        lock (_gate)
        {
            if (_stopped || (supersedes is not null && !supersedes(_hasPending ? _pending : _current, value)))
            {
                return false;
            }

            _pending = value;
            _hasPending = true;
            if (_running)
            {
                return true; // The running loop picks it up before it ends.
            }

            _running = true;
        }

        _ = Task.Run(RunAsync);
        return true;
    }

    /// <summary>Delivers nothing more: a waiting value is dropped and later posts are ignored.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            _hasPending = false;
            _pending = default!;
        }
    }

    private async Task RunAsync()
    {
        // Task.Run flowed the producer's culture.
        _culture.Apply();
        while (true)
        {
            T next;
            lock (_gate)
            {
                // Deciding to end and clearing _running under the same lock as Post: a value posted now starts a new loop.
                if (_stopped || !_hasPending)
                {
                    _running = false;
                    return;
                }

                next = _pending;
                _pending = default!;
                _hasPending = false;
                _current = next;
            }

            try
            {
                await deliver(next).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failing consumer (a view whose circuit went away) must not stop its next values.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                onError(ex);
            }
        }
    }
}

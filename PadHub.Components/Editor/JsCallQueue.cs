using Microsoft.JSInterop;

namespace PadHub.Components.Editor;

/// <summary>
/// Issues a component's calls into its JS module in the order they were enqueued. Nothing is issued until
/// <see cref="Open"/> (the module's <c>attach</c> goes first). Enqueue only on the component's dispatcher.
/// </summary>
/// <remarks>
/// <para>
/// Calls are pipelined: each is sent as soon as it is enqueued, without waiting for the browser to answer the one
/// before. The circuit carries them in order on one connection and the browser runs them in that order (the module's
/// functions are synchronous), so order is kept; waiting for each answer would add a round trip per queued event, and a
/// remote keystroke that arrived behind a caret move or a presence list would wait for both.
/// </para>
/// <para>
/// A call that fails (the socket is down, the call timed out) is reported and dropped: the editor fetches history and
/// resends on its own when it notices a gap, a missing acknowledgement or a reconnect, so a lost event costs latency,
/// never text. While calls are failing the queue drops new ones at once instead of letting each wait out its timeout;
/// <see cref="MarkAlive"/> (the browser called in) resumes delivery.
/// </para>
/// <para>
/// At most <c>maxInFlight</c> calls go unanswered: <see cref="Room"/> tells the producer when it may go on, so a
/// browser that cannot keep up (a slow phone on a busy pad) holds back the pad's delivery to this connection, whose
/// bounded queue then overflows and asks the editor to resync, instead of calls piling up in the circuit.
/// </para>
/// </remarks>
internal sealed class JsCallQueue(TimeSpan callTimeout, Action<Exception> onFailure, int maxInFlight = int.MaxValue)
{
    private readonly List<Func<CancellationToken, ValueTask>> _waiting = [];
    private readonly Lock _gate = new();
    private Task _tail = Task.CompletedTask;
    private TaskCompletionSource? _roomWaiter;
    private int _inFlight;
    private bool _open;
    private bool _stalled;
    private bool _closed;

    /// <summary>Completes when every call issued so far has finished (calls still waiting for <see cref="Open"/> are not counted).</summary>
    public Task Idle => _tail;

    /// <summary>Calls issued and not answered yet.</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>
    /// Completes once fewer than <c>maxInFlight</c> calls are unanswered (at once when that is already so, or when the
    /// queue is closed or stalled: it drops calls then rather than issuing them).
    /// </summary>
    public Task Room
    {
        get
        {
            lock (_gate)
            {
                if (_inFlight < maxInFlight || _closed || _stalled)
                {
                    return Task.CompletedTask;
                }

                _roomWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _roomWaiter.Task;
            }
        }
    }

    /// <summary>Issues the calls that waited for the module, in order; later calls are issued as they come.</summary>
    public void Open()
    {
        if (_open)
        {
            return;
        }

        _open = true;
        foreach (var call in _waiting)
        {
            Issue(call);
        }

        _waiting.Clear();
    }

    /// <summary>The browser reached the server: the socket is up, deliver again.</summary>
    public void MarkAlive() => _stalled = false;

    /// <summary>Drops everything not yet issued.</summary>
    public void Close()
    {
        _closed = true;
        _waiting.Clear();
        ReleaseRoom();
    }

    public void Enqueue(Func<CancellationToken, ValueTask> call)
    {
        if (_closed)
        {
            return;
        }

        if (!_open)
        {
            _waiting.Add(call);
            return;
        }

        Issue(call);
    }

    private void Issue(Func<CancellationToken, ValueTask> call)
    {
        if (_closed || _stalled)
        {
            return;
        }

        // Invoking sends the call at once (synchronously, in this order); only its answer is awaited, off the queue.
        lock (_gate)
        {
            _inFlight++;
        }

        var timeout = new CancellationTokenSource(callTimeout);
        ValueTask pending;
        try
        {
            pending = call(timeout.Token);
        }
        catch (Exception ex)
        {
            timeout.Dispose();
            pending = ValueTask.FromException(ex);
        }

        var completion = ObserveAsync(pending, timeout);
        _tail = _tail.IsCompleted ? completion : Task.WhenAll(_tail, completion);
    }

    private async Task ObserveAsync(ValueTask pending, CancellationTokenSource timeout)
    {
        try
        {
            await pending;
        }
        catch (JSDisconnectedException)
        {
            _closed = true;
        }
        catch (Exception ex) when (ex is JSException or OperationCanceledException or InvalidOperationException)
        {
            _stalled = true;
            onFailure(ex);
        }
        finally
        {
            timeout.Dispose();
            lock (_gate)
            {
                _inFlight--;
            }

            ReleaseRoom();
        }
    }

    private void ReleaseRoom()
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            if (_roomWaiter is null || (_inFlight >= maxInFlight && !_closed && !_stalled))
            {
                return;
            }

            waiter = _roomWaiter;
            _roomWaiter = null;
        }

        waiter.TrySetResult();
    }
}

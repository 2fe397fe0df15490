using Microsoft.JSInterop;

namespace PadHub.Components.Editor;

/// <summary>
/// Runs a component's calls into its JS module one at a time, in the order they were enqueued. Nothing runs until
/// <see cref="Open"/> (the module's <c>attach</c> goes first). Enqueue only on the component's dispatcher.
/// </summary>
/// <remarks>
/// A call that fails (the socket is down, the call timed out) is reported and dropped: the editor fetches history and
/// resends on its own when it notices a gap, a missing acknowledgement or a reconnect, so a lost event costs latency,
/// never text. While calls are failing the queue drops new ones at once instead of letting each wait out its timeout;
/// <see cref="MarkAlive"/> (the browser called in) resumes delivery.
/// </remarks>
internal sealed class JsCallQueue(TimeSpan callTimeout, Action<Exception> onFailure)
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _tail = Task.CompletedTask;
    private bool _stalled;
    private bool _closed;

    /// <summary>Completes when every call enqueued so far has finished.</summary>
    public Task Idle => _tail;

    public void Open() => _gate.TrySetResult();

    /// <summary>The browser reached the server: the socket is up, deliver again.</summary>
    public void MarkAlive() => _stalled = false;

    /// <summary>Drops everything not yet started.</summary>
    public void Close()
    {
        _closed = true;
        _gate.TrySetResult();
    }

    public void Enqueue(Func<CancellationToken, ValueTask> call)
    {
        if (_closed)
        {
            return;
        }

        var previous = _tail;
        _tail = RunAsync(previous, call);
    }

    private async Task RunAsync(Task previous, Func<CancellationToken, ValueTask> call)
    {
        await _gate.Task;
        await previous;
        if (_closed || _stalled)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(callTimeout);
        try
        {
            await call(timeout.Token);
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
    }
}

namespace PadHub.Tests.Server;

/// <summary>Values delivered to a live callback, and a wait (with a deadline) for one matching a condition.</summary>
internal sealed class Watched<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly List<(Func<T, bool> Condition, TaskCompletionSource<T> Done)> _waits = [];
    private T? _latest;

    public ValueTask OnChanged(T value)
    {
        lock (_gate)
        {
            _latest = value;
            foreach (var wait in _waits.Where(w => w.Condition(value)).ToList())
            {
                wait.Done.TrySetResult(value);
                _waits.Remove(wait);
            }
        }

        return ValueTask.CompletedTask;
    }

    public async Task<T> WaitAsync(Func<T, bool> condition, TimeSpan deadline)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_latest is not null && condition(_latest))
            {
                return _latest;
            }

            _waits.Add((condition, done));
        }

        return await done.Task.WaitAsync(deadline);
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PadHub.Server.Sessions;

/// <summary>Counts home-page session creations (and wrong organiser keys) per client address in fixed windows.</summary>
internal sealed class SessionCreationLimiter(TimeProvider time, IOptions<SessionOptions> options)
{
    // Beyond this many tracked clients, expired windows are dropped so that address churn cannot grow memory for ever.
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Counts one use for <paramref name="client"/>; false (and when to retry) when its window is full.</summary>
    public bool TryTake(string client, out TimeSpan retryAfter) => Use(client, take: true, out retryAfter);

    /// <summary>Whether <paramref name="client"/>'s window is full, without counting anything.</summary>
    public bool IsExhausted(string client, out TimeSpan retryAfter) => !Use(client, take: false, out retryAfter);

    private bool Use(string client, bool take, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var limits = options.Value;
        if (_windows.Count > PruneAbove)
        {
            foreach (var (key, old) in _windows)
            {
                if (now - old.Start >= limits.CreationWindow)
                {
                    _windows.TryRemove(new KeyValuePair<string, Window>(key, old));
                }
            }
        }

        var window = _windows.GetOrAdd(client, _ => new Window(now));
        lock (window)
        {
            if (now - window.Start >= limits.CreationWindow)
            {
                window.Start = now;
                window.Count = 0;
            }

            if (window.Count >= limits.MaxCreationsPerClient)
            {
                retryAfter = window.Start + limits.CreationWindow - now;
                return false;
            }

            if (take)
            {
                window.Count++;
            }

            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public int Count { get; set; }
    }
}

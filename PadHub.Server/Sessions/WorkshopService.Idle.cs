namespace PadHub.Server.Sessions;

// Dropping idle sessions from memory (the sweep), so that sessions nobody uses any more do not stay loaded for ever.
internal sealed partial class WorkshopService
{
    /// <summary>Sessions in memory.</summary>
    public int LoadedCount => _runtimes.Count;

    /// <summary>
    /// Drops every session not used for <see cref="SessionOptions.IdleTimeout"/> that nobody watches and no pad connection
    /// holds; the next use of one of its links loads it again from the store. Returns how many were dropped.
    /// </summary>
    public int UnloadIdle()
    {
        var cutoff = time.GetUtcNow() - sessionOptions.Value.IdleTimeout;
        var unloaded = 0;
        foreach (var (sessionId, lazy) in _runtimes)
        {
            if (!lazy.IsValueCreated || !lazy.Value.IsCompletedSuccessfully)
            {
                continue;
            }

            var runtime = lazy.Value.Result;
            if (!runtime.TryRetire(cutoff))
            {
                continue;
            }

            _runtimes.TryRemove(new KeyValuePair<string, Lazy<Task<SessionRuntime>>>(sessionId, lazy));
            foreach (var grant in runtime.Grants)
            {
                _tokens.TryRemove(new KeyValuePair<string, SessionRuntime>(grant.Key, runtime));
            }

            LogUnloaded(logger, sessionId);
            unloaded++;
        }

        return unloaded;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId} unloaded after being idle")]
    private static partial void LogUnloaded(ILogger logger, string sessionId);
}

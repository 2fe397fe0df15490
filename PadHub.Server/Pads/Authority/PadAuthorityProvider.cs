using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
using PadHub.Server.Hosting;
using PadHub.Server.Pads.Fanout;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads.Authority;

/// <summary>
/// The single-node authority: one <see cref="PadActor"/> per loaded pad, created on first use and unloaded when idle
/// (after a final snapshot). Callers hold a <see cref="PadAuthorityHandle"/>, which always reaches the live actor, so an
/// actor that closes under a caller is replaced transparently.
/// </summary>
internal sealed partial class PadAuthorityProvider(
    IPadStore store,
    PadFanout fanout,
    IOptions<PadAuthorityOptions> options,
    IOptions<PadLimitsOptions> limits,
    TimeProvider time,
    ILoggerFactory loggerFactory) : IPadAuthorityProvider, IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<PadActor>> _actors = new(StringComparer.Ordinal);

    // Actors taken out of _actors that may still be draining: the next actor of the same pad waits for them to close.
    private readonly ConcurrentDictionary<string, PadActor> _closing = new(StringComparer.Ordinal);
    private readonly ILogger _logger = loggerFactory.CreateLogger<PadAuthorityProvider>();
    private readonly PadDocumentOptions _documentOptions = new(limits.Value.ToOperationLimits(), options.Value.RetainedHistory);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _sweeper;
    private int _disposed;

    public IPadAuthority GetAuthority(string padId)
    {
        ArgumentException.ThrowIfNullOrEmpty(padId);
        return new PadAuthorityHandle(this, padId);
    }

    /// <summary>Number of pads loaded now.</summary>
    public int LoadedCount => _actors.Count;

    internal async Task<T> PostAsync<T>(string padId, Func<TaskCompletionSource<T>, PadWork> create, CancellationToken cancellationToken)
    {
        while (true)
        {
            var lazy = _actors.GetOrAdd(padId, static (id, self) => new Lazy<PadActor>(() => self.CreateActor(id)), this);
            var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (lazy.Value.TryPost(create(completion)))
            {
                return await completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            // The actor is closing (idle unload): forget it and ask a fresh one, which reloads from the store.
            _actors.TryRemove(new KeyValuePair<string, Lazy<PadActor>>(padId, lazy));
        }
    }

    /// <summary>Settles the pad's actor if there is one (loaded or still closing); null when there is none.</summary>
    internal Task<int?> SettleAsync(string padId, CancellationToken cancellationToken)
    {
        if (!_actors.ContainsKey(padId) && !_closing.TryGetValue(padId, out _))
        {
            return Task.FromResult<int?>(null);
        }

        return PostAsync<int?>(padId, c => new SettleWork(c), cancellationToken);
    }

    private PadActor CreateActor(string padId) =>
        new(padId, store, fanout, options.Value, _documentOptions, time, _logger,
            _closing.TryGetValue(padId, out var previous) ? previous.CloseAsync() : null);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _sweeper = SweepAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        if (_sweeper is not null)
        {
            await _sweeper.ConfigureAwait(false);
        }

        // Finish queued work and snapshot every loaded pad before the process ends.
        await Task.WhenAll(_actors.Values.Where(a => a.IsValueCreated).Select(a => a.Value.CloseAsync())).WaitAsync(cancellationToken).ConfigureAwait(false);
        _actors.Clear();
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var idle = options.Value.IdleTimeout;
        using var timer = new PeriodicTimer(idle / 4, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var (padId, lazy) in _actors)
                {
                    if (!lazy.IsValueCreated || lazy.Value.IdleFor < idle || fanout.HasSubscribers(padId))
                    {
                        continue;
                    }

                    // Registered before the removal: an actor created for this pad from now on loads only once this
                    // one has drained its mailbox and written its closing snapshot (unload and reload are exclusive).
                    var actor = lazy.Value;
                    _closing[padId] = actor;
                    if (_actors.TryRemove(new KeyValuePair<string, Lazy<PadActor>>(padId, lazy)))
                    {
                        await actor.CloseAsync().ConfigureAwait(false);
                        LogUnloaded(_logger, padId);
                    }

                    _closing.TryRemove(new KeyValuePair<string, PadActor>(padId, actor));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Registered as itself, as IPadAuthorityProvider and as a hosted service: the container may dispose it more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pad {PadId} unloaded after being idle")]
    private static partial void LogUnloaded(ILogger logger, string padId);
}

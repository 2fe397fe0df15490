using System.Collections.Concurrent;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads.Fanout;
using PadHub.Server.Persistence;

namespace PadHub.Server.Pads.Comments;

/// <summary>
/// One <see cref="PadCommentState"/> per pad on this node, created on first use and kept while the process runs (a
/// pad's comments are a few hundred records at most); stopping the host writes every moved anchor back.
/// </summary>
internal sealed class PadCommentsProvider(
    IPadAuthorityProvider authorities,
    ICommentStore store,
    PadFanout fanout,
    TimeProvider time,
    ILogger<PadCommentState> logger) : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<PadCommentState>> _pads = new(StringComparer.Ordinal);

    /// <summary>The comments of <paramref name="padId"/> (an existing pad: its authority says not-found otherwise).</summary>
    public IPadComments Get(string padId)
    {
        ArgumentNullException.ThrowIfNull(padId);
        return _pads.GetOrAdd(padId, id => new Lazy<PadCommentState>(() =>
            new PadCommentState(id, authorities.GetAuthority(id), store, fanout, time, logger))).Value;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        foreach (var pad in _pads.Values)
        {
            if (pad.IsValueCreated)
            {
                await pad.Value.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

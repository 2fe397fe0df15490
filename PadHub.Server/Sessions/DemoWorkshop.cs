using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Sessions;

/// <summary>
/// <see cref="IDemoWorkshop"/>: the demo's links, derived live from its moderator link (kept in the data directory,
/// since the database holds only hashes). Null when there is no demo or its moderator link no longer works.
/// </summary>
internal sealed class DemoWorkshop(WorkshopService workshops) : IDemoWorkshop, IAsyncDisposable
{
    private volatile string? _moderatorToken;
    private ISessionSubscription? _pin;

    public SessionLinks? Links => _moderatorToken is { } token ? workshops.TryGetLinks(token) : null;

    /// <summary>
    /// Shows the demo on the home page. Its links are read synchronously from the loaded session, so the demo watches its
    /// own session, which keeps it from being dropped when idle.
    /// </summary>
    internal async Task SetAsync(string moderatorToken, CancellationToken cancellationToken)
    {
        _pin = await workshops.WatchAsync(moderatorToken, _ => ValueTask.CompletedTask, cancellationToken).ConfigureAwait(false);
        _moderatorToken = moderatorToken;
    }

    public async ValueTask DisposeAsync()
    {
        if (_pin is not null)
        {
            await _pin.DisposeAsync().ConfigureAwait(false);
        }
    }
}

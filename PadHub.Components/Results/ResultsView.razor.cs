using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Results;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Pads;
using PadHub.Components.Sessions;

namespace PadHub.Components.Results;

/// <summary>
/// The results page (<c>/r/{token}</c>): the session's title, description, schedule, licence, groups with their
/// rapporteurs, conclusions, named versions and pads in full, links to the pads' live read-only views, and the downloads.
/// Before the end it follows the session and its pads live (a change refreshes the snapshot, at most once per
/// <see cref="RefreshInterval"/>); once the session ends it shows the recorded result and stops following the pads.
/// </summary>
public sealed partial class ResultsView : ComponentBase, IAsyncDisposable
{
    /// <summary>A burst of edits becomes one refresh: every viewer costs the server at most one snapshot per interval.</summary>
    internal static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _disposed = new();
    private readonly List<LivePadFeed> _padFeeds = [];
    private ResultsSnapshot? _snapshot;
    private ViewStatus _status = ViewStatus.Opening;
    private ISessionSubscription? _session;
    private int _refreshQueued;

    /// <summary>The results link's token.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    [Inject]
    private IResultsService Results { get; set; } = default!;

    [Inject]
    private IWorkshopService Workshops { get; set; } = default!;

    [Inject]
    private IPadWatchService Watches { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<ResultsView> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _snapshot = await Results.GetSnapshotAsync(Token, _disposed.Token);
        if (_snapshot is null)
        {
            _status = ViewStatus.NotFound;
            return;
        }

        _status = ViewStatus.Ready;
        if (!RendererInfo.IsInteractive)
        {
            return; // The prerendered page is complete; following starts once interactive.
        }

        try
        {
            _session = await Workshops.WatchAsync(Token, _ => QueueRefresh(), _disposed.Token);
            if (!_snapshot.Ended)
            {
                await FollowPadsAsync(_snapshot);
            }
        }
        catch (PadException ex)
        {
            _status = ex.ToViewStatus();
        }
    }

    private async Task FollowPadsAsync(ResultsSnapshot snapshot)
    {
        foreach (var group in snapshot.Groups)
        {
            var feed = await LivePadFeed.StartAsync(Watches, Token, group.Pad.PadId, () => QueueRefresh().AsTask(), _disposed.Token);
            _padFeeds.Add(feed);
        }
    }

    private ValueTask QueueRefresh()
    {
        if (Interlocked.CompareExchange(ref _refreshQueued, 1, 0) == 0)
        {
            _ = InvokeAsync(RefreshAsync);
        }

        return ValueTask.CompletedTask;
    }

    private async Task RefreshAsync()
    {
        try
        {
            await Task.Delay(RefreshInterval, Time, _disposed.Token);
            Volatile.Write(ref _refreshQueued, 0);
            var snapshot = await Results.GetSnapshotAsync(Token, _disposed.Token);
            if (snapshot is null)
            {
                _status = ViewStatus.NotFound; // The link was replaced while the page was open.
                await StopFollowingPadsAsync();
            }
            else
            {
                _snapshot = snapshot;
                if (snapshot.Ended)
                {
                    await StopFollowingPadsAsync();
                }
                else if (_padFeeds.Count == 0)
                {
                    await FollowPadsAsync(snapshot); // Reopened.
                }
            }

            StateHasChanged();
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        catch (PadException ex)
        {
            LogRefreshRefused(Logger, ex.Code);
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task StopFollowingPadsAsync()
    {
        foreach (var feed in _padFeeds)
        {
            await feed.DisposeAsync();
        }

        _padFeeds.Clear();
    }

    // In the page's language: "3 December 2026, 14:30 UTC", "3 décembre 2026, 14:30 UTC".
    internal static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.CurrentCulture);

    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        await _disposed.CancelAsync();
        await StopFollowingPadsAsync();
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        _disposed.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refreshing the results page was refused ({Code})")]
    private static partial void LogRefreshRefused(ILogger logger, string code);
}

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Markdown;
using PadHub.Components.Sessions;

namespace PadHub.Components.Pads;

/// <summary>
/// Follows a stand-alone pad read-only through its own link and shows it as rendered Markdown. It is a live view like
/// the audience page: one shared mirror of the pad, paced by the mirror to ~10 renders a second, only changed blocks re-rendered
/// and resent (<see cref="LivePadMarkdown"/>). It holds no write path at all: no connection, no submit, no caret, no script.
/// </summary>
public sealed partial class PadViewer : ComponentBase, IAsyncDisposable
{
    private LivePadFeed? _feed;
    private ViewStatus _status = ViewStatus.Opening;
    private bool _disposed;
    private bool _historyOpen;

    /// <summary>The capability token from the pad's view (or edit) link.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    [Inject]
    private IPadWatchService Watches { get; set; } = default!;

    [Inject]
    private ILogger<PadViewer> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // Watch only once interactive: a prerender would load the pad's mirror for nothing.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        LivePadFeed feed;
        try
        {
            feed = await LivePadFeed.StartForPadLinkAsync(Watches, Token, () => InvokeAsync(StateHasChanged));
        }
        catch (PadException ex)
        {
            _status = ex.ToViewStatus();
            if (_status == ViewStatus.Failed)
            {
                LogWatchFailed(Logger, ex);
            }

            return;
        }

        if (_disposed)
        {
            await feed.DisposeAsync();
            return;
        }

        _feed = feed;
        _status = ViewStatus.Ready;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_feed is not null)
        {
            await _feed.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Opening a pad's live view failed")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception);
}

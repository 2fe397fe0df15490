using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using PadHub.Components.Pads;

namespace PadHub.Components.Viewer;

/// <summary>
/// Follows a pad read-only and shows it as rendered Markdown. It holds no write path at all: it never submits, never
/// sends a caret and loads no script.
/// </summary>
public sealed partial class PadViewer : ComponentBase, IPadListener, IAsyncDisposable
{
    private IPadConnection? _connection;
    private Phase _phase = Phase.Starting;
    private string? _padId;
    private string? _sessionId;
    private string _text = "";
    private int _revision;
    private int _renderedRevision = -1;
    private MarkupString _html;
    private IReadOnlyList<PadParticipant> _participants = [];
    private bool _disposed;

    private enum Phase
    {
        Starting,
        Ready,
        InvalidLink,
        Failed,
    }

    /// <summary>The capability token from the pad's view link.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    [Inject]
    private IPadSessionService Sessions { get; set; } = default!;

    [Inject]
    private ILogger<PadViewer> Logger { get; set; } = default!;

    private MarkupString RenderedHtml
    {
        get
        {
            if (_renderedRevision != _revision)
            {
                _html = new MarkupString(PadMarkdown.ToSafeHtml(_text));
                _renderedRevision = _revision;
            }

            return _html;
        }
    }

    protected override async Task OnInitializedAsync()
    {
        // Join only once interactive: a prerender would join and leave at once, flickering in everyone's presence.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            // A viewer never resends edits, so a fresh client id per page is all it needs.
            _connection = await Sessions.ConnectAsync(new PadJoinRequest(Token, Guid.NewGuid().ToString("N"), "Viewer"), this);
        }
        catch (PadException ex) when (ex.Code is PadErrorCodes.NotFound or PadErrorCodes.Forbidden)
        {
            _phase = Phase.InvalidLink;
            return;
        }
        catch (PadException ex)
        {
            LogJoinFailed(Logger, ex);
            _phase = Phase.Failed;
            return;
        }

        if (_disposed)
        {
            await _connection.DisposeAsync();
            return;
        }

        var joined = _connection.Joined;
        _padId = joined.PadId;
        _sessionId = joined.SessionId;
        _text = joined.Text;
        _revision = joined.Revision;
        _participants = joined.Participants;
        _phase = Phase.Ready;
    }

    ValueTask IPadListener.OnOperationAppliedAsync(PadOperationEvent operation) =>
        new(InvokeAsync(async () =>
        {
            if (operation.Revision == _revision + 1)
            {
                Apply(operation);
                StateHasChanged();
            }
            else if (operation.Revision > _revision + 1)
            {
                await CatchUpAsync(); // a gap: history fills it (and includes this operation)
            }
        }));

    ValueTask IPadListener.OnResyncRequiredAsync(int fromRevision) => new(InvokeAsync(CatchUpAsync));

    ValueTask IPadListener.OnParticipantsChangedAsync(IReadOnlyList<PadParticipant> participants) =>
        new(InvokeAsync(() =>
        {
            _participants = participants;
            StateHasChanged();
        }));

    // Remote carets mean nothing in rendered Markdown.
    ValueTask IPadListener.OnCaretMovedAsync(PadCaret caret) => ValueTask.CompletedTask;

    private void Apply(PadOperationEvent operation)
    {
        _text = operation.Operation.Apply(_text);
        _revision = operation.Revision;
    }

    private async Task CatchUpAsync()
    {
        if (_connection is null)
        {
            return;
        }

        try
        {
            PadHistoryPage page;
            do
            {
                page = await _connection.GetHistoryAsync(_revision);
                foreach (var operation in page.Operations)
                {
                    if (operation.Revision == _revision + 1)
                    {
                        Apply(operation);
                    }
                }
            }
            while (page.HasMore && page.Operations.Count > 0);

            StateHasChanged();
        }
        catch (PadException ex)
        {
            // History no longer reaches back (stale-revision) or the pad is gone: ask for a reload (it rejoins).
            LogCatchUpFailed(Logger, ex);
            _phase = Phase.Failed;
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pad viewer could not catch up with the pad")]
    private static partial void LogCatchUpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Joining a pad to view it failed")]
    private static partial void LogJoinFailed(ILogger logger, Exception exception);
}

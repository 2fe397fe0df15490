using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Pads;

namespace PadHub.Components.Editor;

/// <summary>
/// The live pad editor. The browser side (CodeMirror and the ot.js client state machine, see Editor/src) owns the
/// document; this side is its adapter onto <see cref="IPadSessionService"/>: it joins the pad, submits the operations
/// the JS hands it and forwards the connection's events to the JS in order.
/// </summary>
public sealed partial class PadEditor : ComponentBase, IPadListener, IAsyncDisposable
{
    internal const string ModulePath = "./_content/PadHub.Components/Editor/PadEditor.razor.js";

    /// <summary>How long one call into the browser may take before the socket is presumed down.</summary>
    internal static readonly TimeSpan JsCallTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Most calls into the browser left unanswered before the pad's events to this editor wait: a browser that falls
    /// further behind lets its connection's bounded queue overflow and is told to resync (docs/ARCHITECTURE.md).
    /// </summary>
    internal const int MaxJsCallsInFlight = 256;

    /// <summary>The shortcut of "Mark as conclusion" as shown (Editor/src/conclusions.js binds it: Mod-Shift-h).</summary>
    internal const string MarkConclusionShortcut = "Ctrl+Shift+H";

    private readonly JsCallQueue _queue;
    private ElementReference _root;
    private IJSObjectReference? _module;
    private DotNetObjectReference<PadEditor>? _self;
    private IPadConnection? _connection;
    private EditorIdentity? _identity;
    private ViewStatus _status = ViewStatus.Opening;
    private bool _askingName;
    private string? _padId;
    private string _nameInput = "";
    private bool _nameMissing;
    private bool _attached;
    private bool _showAuthorship = true;
    private bool _disposed;
    private IReadOnlyList<PadParticipant> _participants = [];
    private PadAccessState? _access;
    private string? _sessionId;
    private List<PadAuthor> _authors = [];
    private bool _historyOpen;
    private int _head;

    public PadEditor() => _queue = new JsCallQueue(JsCallTimeout, ex => LogJsCallFailed(Logger, ex), MaxJsCallsInFlight);

    /// <summary>The capability token from the pad's edit link.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>
    /// The pad to open, for session links that reach several pads (the moderator's, an audience contributor's); null
    /// for links that name one pad.
    /// </summary>
    [Parameter]
    public string? PadId { get; set; }

    /// <summary>Opens the History panel once the pad is open (the dashboard's "History" link).</summary>
    [Parameter]
    public bool OpenHistory { get; set; }

    /// <summary>Whether the pad takes edits from this page now (false until joined, while locked, or once revoked).</summary>
    private bool CanWrite => _access?.CanWrite == true;

    // Everyone whose name the history may show: the authors at join and whoever has been in the pad since.
    private IReadOnlyList<PadAuthor> KnownAuthors =>
        [.. _authors, .. _participants.Select(p => new PadAuthor(p.AuthorId, p.DisplayName, p.Color))];

    [Inject]
    private IPadSessionService Sessions { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<PadEditor> Logger { get; set; } = default!;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _queue.Close();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        if (_module is not null)
        {
            try
            {
                if (_attached)
                {
                    await _module.InvokeVoidAsync("detach", _root);
                }

                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone and the browser with it: nothing to detach.
            }
        }

        _self?.Dispose();
    }

    private void ToggleHistory() => _historyOpen = !_historyOpen;

    private void CloseHistory() => _historyOpen = false;

    // The history slider ends at the newest revision this page has seen: joined, committed by others, or its own.
    private void SeeRevision(int revision)
    {
        if (revision > _head)
        {
            _head = revision;
            if (_historyOpen)
            {
                StateHasChanged();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A call into the pad editor's JS failed; the editor resyncs on its own")]
    private static partial void LogJsCallFailed(ILogger logger, Exception exception);
}

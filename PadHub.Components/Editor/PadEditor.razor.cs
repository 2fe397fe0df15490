using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Operations;

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

    private readonly JsCallQueue _queue;
    private ElementReference _root;
    private IJSObjectReference? _module;
    private DotNetObjectReference<PadEditor>? _self;
    private IPadConnection? _connection;
    private EditorIdentity? _identity;
    private Phase _phase = Phase.Starting;
    private string? _padId;
    private string _nameInput = "";
    private bool _attached;
    private bool _showAuthorship = true;
    private bool _disposed;
    private IReadOnlyList<PadParticipant> _participants = [];
    private PadAccessState? _access;
    private string? _sessionId;
    private List<PadAuthor> _authors = [];

    public PadEditor() => _queue = new JsCallQueue(JsCallTimeout, ex => LogJsCallFailed(Logger, ex), MaxJsCallsInFlight);

    private enum Phase
    {
        Starting,
        AskName,
        Joining,
        Ready,
        InvalidLink,
        Failed,
    }

    /// <summary>The capability token from the pad's edit link.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>
    /// The pad to open, for session links that reach several pads (the moderator's, an audience contributor's); null
    /// for links that name one pad.
    /// </summary>
    [Parameter]
    public string? PadId { get; set; }

    /// <summary>Whether the pad takes edits from this page now (false until joined, while locked, or once revoked).</summary>
    private bool CanWrite => _access?.CanWrite == true;

    [Inject]
    private IPadSessionService Sessions { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<PadEditor> Logger { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _identity = await _module.InvokeAsync<EditorIdentity>("identity");
        }
        catch (JSDisconnectedException)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(_identity.DisplayName))
        {
            _phase = Phase.AskName;
            StateHasChanged();
            return;
        }

        await JoinAsync(_identity.DisplayName.Trim());
    }

    private async Task SubmitNameAsync()
    {
        var name = _nameInput.Trim();

        // Only the first submit joins: a second one (a double click, Enter then a click) can reach the circuit before
        // the form is gone from the browser, and would open a second connection that nothing ever disposes.
        if (name.Length == 0 || _module is null || _phase != Phase.AskName)
        {
            return;
        }

        _phase = Phase.Joining;
        await _module.InvokeVoidAsync("rememberName", name);
        await JoinAsync(name);
    }

    private async Task JoinAsync(string displayName)
    {
        _phase = Phase.Joining;
        StateHasChanged();
        try
        {
            try
            {
                _connection = await Sessions.ConnectAsync(new PadJoinRequest(Token, _identity!.ClientId, displayName, PadId), this);
            }
            catch (PadException ex) when (ex.ClientIdInUse)
            {
                // This tab used its id on this pad with the other kind of link: it has a second id for that.
                _identity = _identity! with { ClientId = await _module!.InvokeAsync<string>("swapClientId") };
                _connection = await Sessions.ConnectAsync(new PadJoinRequest(Token, _identity.ClientId, displayName, PadId), this);
            }
        }
        catch (JSDisconnectedException)
        {
            return;
        }
        catch (PadException ex) when (ex.Code is PadErrorCodes.NotFound or PadErrorCodes.Forbidden)
        {
            _phase = Phase.InvalidLink;
            StateHasChanged();
            return;
        }
        catch (PadException ex)
        {
            LogJoinRefused(Logger, ex.Code);
            _phase = Phase.Failed;
            StateHasChanged();
            return;
        }

        if (_disposed)
        {
            await _connection.DisposeAsync();
            return;
        }

        var joined = _connection.Joined;
        _padId = joined.PadId;
        _participants = joined.Participants;
        _authors = [.. joined.Authors];
        _access = joined.EffectiveAccess;
        _sessionId = joined.SessionId;
        _phase = Phase.Ready;
        _self = DotNetObjectReference.Create(this);
        var start = new EditorStart(
            joined.PadId, _identity.ClientId, joined.ClientTag, joined.ParticipantId, joined.Revision, joined.Text, joined.Role != PadRole.Editor, _access.CanWrite, joined.AuthorId,
            joined.Color, joined.Authorship, joined.Authors, joined.Participants, _showAuthorship);
        try
        {
            await _module!.InvokeVoidAsync("attach", _root, _self, start);
        }
        catch (JSDisconnectedException)
        {
            return;
        }

        // Events that arrived while attaching waited behind the gate; they go now, in order.
        _queue.Open();
        _attached = true;
        StateHasChanged();
    }

    /// <summary>The JS hands over an operation (ot.js JSON) made against <paramref name="baseRevision"/>.</summary>
    [JSInvokable]
    public async Task SubmitOperation(long seq, int baseRevision, string operation)
    {
        _queue.MarkAlive();
        if (_connection is null)
        {
            return;
        }

        try
        {
            var revision = await _connection.SubmitAsync(seq, baseRevision, TextOperation.Parse(operation, _connection.Limits));
            Enqueue((m, ct) => m.InvokeVoidAsync("acknowledge", ct, _root, seq, revision));
        }
        catch (PadException ex)
        {
            Enqueue((m, ct) => m.InvokeVoidAsync("reject", ct, _root, seq, ex.Code, ex.Message));
        }
        catch (OperationTooLargeException ex)
        {
            Enqueue((m, ct) => m.InvokeVoidAsync("reject", ct, _root, seq, PadErrorCodes.TooLarge, ex.Message));
        }
        catch (OtException ex)
        {
            Enqueue((m, ct) => m.InvokeVoidAsync("reject", ct, _root, seq, PadErrorCodes.InvalidOp, ex.Message));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not the client's fault (storage, authority): the JS keeps the edit and resends it under the same seq.
            LogSubmitFailed(Logger, ex);
            Enqueue((m, ct) => m.InvokeVoidAsync("reject", ct, _root, seq, "unavailable", "The server could not save the edit."));
        }
    }

    /// <summary>
    /// A page of the operations committed after <paramref name="fromRevision"/> (the JS resyncs and rebases with them,
    /// asking for the next page while <see cref="EditorHistory.HasMore"/>).
    /// </summary>
    [JSInvokable]
    public async Task<EditorHistory> GetHistory(int fromRevision)
    {
        _queue.MarkAlive();
        if (_connection is null)
        {
            return new EditorHistory(PadErrorCodes.NotFound, []);
        }

        try
        {
            var page = await _connection.GetHistoryAsync(fromRevision);
            return new EditorHistory(null, [.. page.Operations.Select(EditorOperation.From)], page.HeadRevision, page.HasMore);
        }
        catch (PadException ex)
        {
            return new EditorHistory(ex.Code, []);
        }
    }

    /// <summary>Shares this user's caret or selection, in coordinates of <paramref name="revision"/>.</summary>
    [JSInvokable]
    public async Task UpdateCaret(int revision, int anchor, int head)
    {
        _queue.MarkAlive();
        if (_connection is null)
        {
            return;
        }

        try
        {
            await _connection.UpdateCaretAsync(revision, anchor, head);
        }
        catch (PadException)
        {
            // A caret is advisory: the next move sends a fresh one.
        }
    }

    ValueTask IPadListener.OnOperationAppliedAsync(PadOperationEvent operation) =>
        Forward(() => Enqueue((m, ct) => m.InvokeVoidAsync("receive", ct, _root, EditorOperation.From(operation))));

    ValueTask IPadListener.OnResyncRequiredAsync(int fromRevision) =>
        Forward(() => Enqueue((m, ct) => m.InvokeVoidAsync("resync", ct, _root)));

    ValueTask IPadListener.OnCaretMovedAsync(PadCaret caret) =>
        Forward(() => Enqueue((m, ct) => m.InvokeVoidAsync("moveCaret", ct, _root, caret)));

    ValueTask IPadListener.OnParticipantsChangedAsync(IReadOnlyList<PadParticipant> participants) =>
        Forward(() =>
        {
            _participants = participants;
            StateHasChanged();
            Enqueue((m, ct) => m.InvokeVoidAsync("setParticipants", ct, _root, participants, _authors));
        });

    ValueTask IPadListener.OnAccessChangedAsync(PadAccessState access) =>
        Forward(() =>
        {
            // A revoked link never comes back: later changes (there should be none) cannot make it writable again.
            _access = _access?.Revoked == true ? _access : access;
            StateHasChanged();
            Enqueue((m, ct) => m.InvokeVoidAsync("setReadOnly", ct, _root, !CanWrite));
        });

    private async Task SetAuthorshipVisibleAsync(bool visible)
    {
        _showAuthorship = visible;
        Enqueue((m, ct) => m.InvokeVoidAsync("setAuthorshipVisible", ct, _root, visible));
        await _queue.Idle;
    }

    // Listener calls come from the authority's threads: hop onto the circuit's dispatcher, keeping their order; then
    // hold the delivery loop while the browser has too many calls to answer (the loop's queue overflows, not the circuit).
    private async ValueTask Forward(Action action)
    {
        var room = Task.CompletedTask;
        await InvokeAsync(() =>
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                _ = DispatchExceptionAsync(ex);
            }

            room = _queue.Room;
        });
        await room;
    }

    private void Enqueue(Func<IJSObjectReference, CancellationToken, ValueTask> call)
    {
        var module = _module;
        if (module is not null && !_disposed)
        {
            _queue.Enqueue(ct => call(module, ct));
        }
    }

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

    [LoggerMessage(Level = LogLevel.Debug, Message = "A call into the pad editor's JS failed; the editor resyncs on its own")]
    private static partial void LogJsCallFailed(ILogger logger, Exception exception);

    // The client's doing (a refused join), not a server fault: no stack trace, and not the message (it may quote input).
    [LoggerMessage(Level = LogLevel.Information, Message = "Joining a pad was refused ({Code})")]
    private static partial void LogJoinRefused(ILogger logger, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Submitting an operation failed")]
    private static partial void LogSubmitFailed(ILogger logger, Exception exception);
}

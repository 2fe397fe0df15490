using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Layout;
using PadHub.Components.Pads;

namespace PadHub.Components.Editor;

/// <summary>Opening the pad: the tab's identity from the JS, the name form on a first visit, the join, then attaching the JS.</summary>
public sealed partial class PadEditor
{
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
            _askingName = true;
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
        _nameMissing = name.Length == 0;
        if (_nameMissing || _module is null || !_askingName)
        {
            return;
        }

        _askingName = false;
        await _module.InvokeVoidAsync("rememberName", name);
        await JoinAsync(name);
    }

    private async Task JoinAsync(string displayName)
    {
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
        catch (PadException ex)
        {
            _status = ex.ToViewStatus();
            if (_status == ViewStatus.Failed)
            {
                LogJoinRefused(Logger, ex.Code);
            }

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
        // An access change can be delivered while the join is still returning (the server listens before it answers);
        // it is newer than the join's snapshot, so it wins.
        _access ??= joined.EffectiveAccess;
        _sessionId = joined.SessionId;
        _head = joined.Revision;
        _historyOpen = OpenHistory;
        _status = ViewStatus.Ready;
        _self = DotNetObjectReference.Create(this);
        var start = new EditorStart(
            joined.PadId, _identity.ClientId, joined.ClientTag, joined.ParticipantId, joined.Revision, joined.Text, joined.Role != PadRole.Editor, _access.CanWrite, joined.AuthorId,
            joined.Color, joined.Authorship, joined.Authors, joined.Participants, _showAuthorship, EditorStrings());
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

    // The JS's texts in the page's language: PadEditor's resource keys starting "Js", as the camelCase names of
    // Editor/src/strings.js ("JsOfflineTitle" is offlineTitle).
    private Dictionary<string, string> EditorStrings() => JsStrings.From(L);

    // The client's doing (a refused join), not a server fault: no stack trace, and not the message (it may quote input).
    [LoggerMessage(Level = LogLevel.Information, Message = "Joining a pad was refused ({Code})")]
    private static partial void LogJoinRefused(ILogger logger, string code);
}

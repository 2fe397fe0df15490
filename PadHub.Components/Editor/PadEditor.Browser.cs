using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Operations;

namespace PadHub.Components.Editor;

/// <summary>The calls the JS makes into the circuit: its operations, its history requests, its caret.</summary>
public sealed partial class PadEditor
{
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
            SeeRevision(revision);
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
            Enqueue((m, ct) => m.InvokeVoidAsync("reject", ct, _root, seq, EditorErrorCodes.Unavailable, L["NotSaved"].Value));
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
            SeeRevision(page.HeadRevision);
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


    [LoggerMessage(Level = LogLevel.Error, Message = "Submitting an operation failed")]
    private static partial void LogSubmitFailed(ILogger logger, Exception exception);
}

using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.Editor;

/// <summary>The pad's events into the JS, in order, through the call queue.</summary>
public sealed partial class PadEditor
{
    ValueTask IPadListener.OnOperationAppliedAsync(PadOperationEvent operation) =>
        Forward(() =>
        {
            SeeRevision(operation.Revision);
            Enqueue((m, ct) => m.InvokeVoidAsync("receive", ct, _root, EditorOperation.From(operation)));
        });

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

    /// <summary>The toolbar's "Mark as conclusion": the browser toggles the mark on its selection and submits the edit.</summary>
    private async Task MarkConclusionAsync()
    {
        Enqueue((m, ct) => m.InvokeVoidAsync("markConclusion", ct, _root));
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
}

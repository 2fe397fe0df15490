using System.Globalization;
using Microsoft.AspNetCore.Components;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.History;

/// <summary>The history panel's restore: the whole shown revision or a selected passage of it, after a confirmation.</summary>
public sealed partial class HistoryRestore
{
    private PendingRestore? _pending;
    private string? _message;
    private bool _failed;
    private bool _busy;

    /// <summary>The revision shown, the one a restore takes its text from.</summary>
    [Parameter, EditorRequired]
    public required PadRevision Revision { get; set; }

    /// <summary>Restores (revision, passage from, passage to); returns the revision produced.</summary>
    [Parameter, EditorRequired]
    public required Func<int, int?, int?, Task<int>> Restore { get; set; }

    /// <summary>The selection in the shown text as UTF-16 offsets of that revision's text, or null when none.</summary>
    [Parameter, EditorRequired]
    public required Func<Task<HistorySelection?>> ReadSelection { get; set; }

    private void AskWhole()
    {
        _message = null;
        _pending = new PendingRestore(Revision.Revision, null, null,
            L["AskWhole", Revision.Revision]);
    }

    private async Task AskPassageAsync()
    {
        _message = null;
        var selection = await ReadSelection();
        if (selection is not { } s || s.Revision != Revision.Revision || s.From >= s.To || s.To > Revision.Text.Length)
        {
            _failed = true;
            _message = L["SelectFirst"];
            return;
        }

        var passage = Revision.Text[s.From..s.To];
        var preview = passage.Length <= 80 ? passage : string.Concat(passage.AsSpan(0, 77), "…");
        _pending = new PendingRestore(Revision.Revision, s.From, s.To,
            L["AskPassage", Revision.Revision, passage.Length, preview.ReplaceLineEndings(" ")]);
    }

    private void Cancel() => _pending = null;

    private async Task ConfirmAsync()
    {
        if (_pending is not { } pending || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var produced = await Restore(pending.Revision, pending.From, pending.To);
            _failed = false;
            _message = L["Restored", produced];
        }
        catch (PadException ex)
        {
            _failed = true;
            _message = HistoryErrors.Describe(ex, ErrorText);
        }
        finally
        {
            _busy = false;
            _pending = null;
        }
    }

    private sealed record PendingRestore(int Revision, int? From, int? To, string Question);
}

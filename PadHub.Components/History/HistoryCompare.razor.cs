using Microsoft.AspNetCore.Components;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Diffs;

namespace PadHub.Components.History;

/// <summary>The history panel's diff of two revisions, shown with authors and downloadable as a unified diff.</summary>
public sealed partial class HistoryCompare : ComponentBase
{
    private int _from;
    private int _to;

    // Until someone edits them, the fields follow the slider (from) and the live head (to).
    private bool _fromFollows = true;
    private bool _toFollows = true;
    private bool _loading;
    private string? _error;
    private PadDiff? _diff;
    private int _inserted;
    private int _deleted;

    /// <summary>The page's connection to the pad.</summary>
    [Parameter, EditorRequired]
    public required IPadConnection Connection { get; set; }

    /// <summary>Names and colours of the authors.</summary>
    [Parameter, EditorRequired]
    public required HistoryAuthors Authors { get; set; }

    /// <summary>The live head revision.</summary>
    [Parameter]
    public int HeadRevision { get; set; }

    /// <summary>The revision the slider is on.</summary>
    [Parameter]
    public int ShownRevision { get; set; }

    /// <summary>Hands a file (name, content) to the browser to save.</summary>
    [Parameter, EditorRequired]
    public required Func<string, string, Task> Download { get; set; }

    protected override void OnParametersSet()
    {
        _from = _fromFollows ? Math.Min(ShownRevision, HeadRevision) : _from;
        _to = _toFollows ? HeadRevision : _to;
    }

    private void SetFrom(int revision)
    {
        _from = revision;
        _fromFollows = false;
    }

    private void SetTo(int revision)
    {
        _to = revision;
        _toFollows = false;
    }

    private void UseShown()
    {
        _fromFollows = _toFollows = true;
        OnParametersSet();
    }

    private async Task CompareAsync()
    {
        if (_from > _to)
        {
            (_from, _to) = (_to, _from);
        }

        _loading = true;
        _error = null;
        try
        {
            var diff = await Connection.GetDiffAsync(_from, _to);
            _inserted = diff.Parts.Where(p => p.Kind == DiffKind.Insert).Sum(p => p.Text.Length);
            _deleted = diff.Parts.Where(p => p.Kind == DiffKind.Delete).Sum(p => p.Text.Length);
            _diff = diff;
        }
        catch (PadException ex)
        {
            _error = HistoryErrors.Describe(ex, ErrorText);
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task DownloadAsync()
    {
        if (_diff is not { } diff)
        {
            return;
        }

        // The equal and delete parts are the older text, the equal and insert parts the newer one: no second call.
        var older = string.Concat(diff.Parts.Where(p => p.Kind != DiffKind.Insert).Select(p => p.Text));
        var newer = string.Concat(diff.Parts.Where(p => p.Kind != DiffKind.Delete).Select(p => p.Text));
        var padId = Connection.Joined.PadId;
        var unified = UnifiedDiff.Format(older, newer, $"a/{padId}.md", $"b/{padId}.md");
        await Download($"pad-{padId}-r{diff.FromRevision}-r{diff.ToRevision}.diff", unified);
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Components;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.History;

/// <summary>The history panel's named versions: the list, and naming the live head for those who can edit.</summary>
public sealed partial class HistoryNames
{
    private string _name = "";
    private string? _error;
    private string? _saved;
    private bool _saving;

    /// <summary>The pad's named revisions, in revision order.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<PadNamedRevision> Named { get; set; }

    /// <summary>Whether this page may name versions (write access now; the server checks again).</summary>
    [Parameter]
    public bool CanName { get; set; }

    /// <summary>The live head: the revision a new name goes to.</summary>
    [Parameter]
    public int HeadRevision { get; set; }

    /// <summary>Why the names could not be read, if they could not.</summary>
    [Parameter]
    public string? Error { get; set; }

    /// <summary>Names the head; returns the error to show, or null once named.</summary>
    [Parameter, EditorRequired]
    public required Func<string, Task<string?>> Name { get; set; }

    /// <summary>Moves the slider to a revision.</summary>
    [Parameter, EditorRequired]
    public required EventCallback<int> Go { get; set; }

    private async Task SubmitAsync()
    {
        var name = _name.Trim();
        _saved = null;
        _error = name.Length switch
        {
            0 => L["Required"].Value,
            > PadNamedRevision.MaxNameLength => L["TooLong", PadNamedRevision.MaxNameLength].Value,
            _ when name.Any(char.IsControl) => L["Control"].Value,
            _ => null,
        };
        if (_error is not null || _saving)
        {
            return;
        }

        _saving = true;
        var revision = HeadRevision;
        try
        {
            _error = await Name(name);
        }
        finally
        {
            _saving = false;
        }

        if (_error is null)
        {
            _saved = L["Saved", revision, name];
            _name = "";
        }
    }
}

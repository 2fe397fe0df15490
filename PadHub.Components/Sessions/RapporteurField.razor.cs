using Microsoft.AspNetCore.Components;
using MudBlazor;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Components.Sessions;

/// <summary>
/// Names (or clears) who presents a group's conclusions. What the server published wins whenever the moderator is not
/// in the middle of typing, so two dashboards stay in step.
/// </summary>
public sealed partial class RapporteurField : ComponentBase
{
    private string? _text;
    private string? _shown;
    private bool _busy;

    /// <summary>The moderator's token.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>The group, as last published (its <see cref="SessionGroup.Rapporteur"/> is the saved value).</summary>
    [Parameter, EditorRequired]
    public required SessionGroup Group { get; set; }

    [Inject]
    private IWorkshopService Workshops { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override void OnParametersSet()
    {
        // A newly published value replaces the field's text only when it changed and no unsaved text would be lost.
        if (!string.Equals(Group.Rapporteur, _shown, StringComparison.Ordinal))
        {
            if (string.Equals(_text ?? "", _shown ?? "", StringComparison.Ordinal))
            {
                _text = Group.Rapporteur;
            }

            _shown = Group.Rapporteur;
        }
    }

    private async Task SaveAsync()
    {
        var text = string.IsNullOrWhiteSpace(_text) ? null : _text.Trim();
        if (_busy || string.Equals(text, _shown, StringComparison.Ordinal))
        {
            return;
        }

        _busy = true;
        try
        {
            await Workshops.SetRapporteurAsync(Token, Group.GroupId, text);
            _text = _shown = text;
            Snackbar.Add(text is null ? L["Cleared", Group.Name] : L["Set", Group.Name, text], Severity.Success);
        }
        catch (SessionValidationException ex)
        {
            Snackbar.Add(string.Join(" ", ex.Errors.SelectMany(e => e.Value)), Severity.Error);
        }
        catch (PadException ex)
        {
            Snackbar.Add(ModeratorRefusal.Message(ex, L, Refusals), Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}

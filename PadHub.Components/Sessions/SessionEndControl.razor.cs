using Microsoft.AspNetCore.Components;
using MudBlazor;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Components.Sessions;

/// <summary>
/// Ends the session after a confirmation (every pad locked, each pad's final revision recorded, the timer at its end)
/// or reopens it. The server checks the moderator's token each time; the view follows the published state.
/// </summary>
public sealed partial class SessionEndControl : ComponentBase
{
    private bool _busy;

    /// <summary>The moderator's token.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>The session's live state.</summary>
    [Parameter, EditorRequired]
    public required SessionState State { get; set; }

    [Inject]
    private IWorkshopService Workshops { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private async Task EndAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["ConfirmTitle"],
            L["ConfirmText"],
            yesText: L["End"], cancelText: L["Cancel"]);
        if (confirmed == true)
        {
            await RunAsync(() => Workshops.EndSessionAsync(Token), L["EndedDone"]);
        }
    }

    private Task ReopenAsync() =>
        RunAsync(() => Workshops.ReopenSessionAsync(Token), L["Reopened"]);

    private async Task RunAsync(Func<Task> action, string success)
    {
        _busy = true;
        try
        {
            await action();
            Snackbar.Add(success, Severity.Success);
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

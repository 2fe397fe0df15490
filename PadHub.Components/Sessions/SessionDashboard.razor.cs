using Microsoft.AspNetCore.Components;
using MudBlazor;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Pads;

namespace PadHub.Components.Sessions;

/// <summary>
/// The moderator's dashboard: the session followed live through <see cref="IWorkshopService.WatchAsync"/>, every
/// facilitation action sent with the moderator's token (the server checks it each time), one live pane per group.
/// </summary>
public sealed partial class SessionDashboard : ComponentBase, IAsyncDisposable
{
    private LiveSessionFeed? _feed;
    private ViewStatus _status = ViewStatus.Opening;
    private string? _audienceToken;
    private string? _announcement;
    private string _announceTo = "";
    private int _extendMinutes = 10;
    private bool _busy;
    private bool _disposed;

    /// <summary>The moderator's token.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>Minutes without an edit after which a group is highlighted as quiet.</summary>
    [Parameter]
    public double QuietAfterMinutes { get; set; } = 3;

    [Inject]
    private IWorkshopService Workshops { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var (feed, status) = await LiveSessionFeed.StartForModeratorAsync(Workshops, Token, () => InvokeAsync(StateHasChanged));
        if (feed is null || _disposed)
        {
            await (feed?.DisposeAsync() ?? ValueTask.CompletedTask);
            _status = feed is null ? status : ViewStatus.Forbidden;
            return;
        }

        _feed = feed;
        _status = ViewStatus.Ready;
        try
        {
            _audienceToken = (await Workshops.GetLinksAsync(Token)).AudienceToken;
        }
        catch (PadException)
        {
            // The audience button stays disabled; everything else works.
        }
    }

    private static string PhaseName(SessionState state) =>
        state.Timer.PhaseIndex >= 0 && state.Timer.PhaseIndex < state.Phases.Count ? state.Phases[state.Timer.PhaseIndex].Name : "";

    private string GroupName(SessionState state, string groupId) =>
        state.Groups.FirstOrDefault(g => g.GroupId == groupId)?.Name ?? L["OneGroup"];

    private Task ExtendAsync(int minutes)
    {
        if (minutes < 1 || minutes > SessionLimits.MaxExtension.TotalMinutes)
        {
            Snackbar.Add(L["ExtendRange", (int)SessionLimits.MaxExtension.TotalMinutes], Severity.Warning);
            return Task.CompletedTask;
        }

        return RunAsync(() => Workshops.ExtendPhaseAsync(Token, TimeSpan.FromMinutes(minutes)), L["Extended", minutes]);
    }

    private Task<bool> ToggleLockAsync(SessionState state) =>
        RunAsync(() => Workshops.SetLockedAsync(Token, !state.Locked), state.Locked ? L["Unlocked"] : L["Locked"]);

    private async Task AnnounceAsync()
    {
        var text = _announcement?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var groupId = _announceTo.Length == 0 ? null : _announceTo;
        if (await RunAsync(() => Workshops.AnnounceAsync(Token, text, groupId), L["AnnouncementSent"]))
        {
            _announcement = null;
        }
    }

    private async Task<bool> RunAsync(Func<Task> action, string? success)
    {
        _busy = true;
        try
        {
            await action();
            if (success is not null)
            {
                Snackbar.Add(success, Severity.Success);
            }

            return true;
        }
        catch (PadException ex)
        {
            Snackbar.Add(ex.Code switch
            {
                PadErrorCodes.NotFound => L["LinkReplaced"],
                PadErrorCodes.Forbidden => L["CannotDoThat"],
                _ => PadRefusals.Describe(ex, Refusals),
            }, Severity.Error);
            return false;
        }
        finally
        {
            _busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_feed is not null)
        {
            await _feed.DisposeAsync();
        }
    }
}

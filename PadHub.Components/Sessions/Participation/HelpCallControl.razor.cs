using PadHub.Components.Pads;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Participation;

namespace PadHub.Components.Sessions.Participation;

/// <summary>
/// "Call the moderator" in a session pad. The server decides who may call (<see cref="IParticipationService.CallModeratorAsync"/>:
/// this group's note-takers and the moderator) and how often; the control follows the group's call live to show
/// whether the moderator has seen it.
/// </summary>
public sealed partial class HelpCallControl : ComponentBase, IAsyncDisposable
{
    private IParticipationSubscription? _subscription;
    private bool _composing;
    private bool _busy;
    private bool _disposed;
    private string? _message;
    private string? _error;

    /// <summary>The page's session token (note-taker or moderator).</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>The pad the page edits: the call goes to its group.</summary>
    [Parameter, EditorRequired]
    public required string PadId { get; set; }

    /// <summary>The pad's group.</summary>
    [Parameter, EditorRequired]
    public required string GroupId { get; set; }

    [Inject]
    private IParticipationService Participation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<HelpCallControl> L { get; set; } = default!;

    /// <summary><c>none</c>, <c>open</c> (waiting for the moderator) or <c>seen</c>.</summary>
    private string CallState => _subscription?.Current.CallOf(GroupId) switch
    {
        null => "none",
        { IsOpen: true } => "open",
        _ => "seen",
    };

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            var subscription = await Participation.WatchAsync(Token, _ => new ValueTask(InvokeAsync(StateHasChanged)));
            if (_disposed)
            {
                await subscription.DisposeAsync();
                return;
            }

            _subscription = subscription;
        }
        catch (PadException)
        {
            // This link cannot call (the audience): the button stays disabled.
        }
    }

    private async Task CallAsync()
    {
        _busy = true;
        try
        {
            await Participation.CallModeratorAsync(Token, PadId, _message);
            _composing = false;
            _message = null;
            _error = null;
        }
        catch (PadException ex)
        {
            _error = ex.Code == PadErrorCodes.RateLimited ? L["TooSoon"] : PadRefusals.Describe(ex, Refusals);
        }
        finally
        {
            _busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_subscription is not null)
        {
            await _subscription.DisposeAsync();
        }
    }
}

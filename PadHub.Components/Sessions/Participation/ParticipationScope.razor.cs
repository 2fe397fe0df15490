using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Participation;

namespace PadHub.Components.Sessions.Participation;

/// <summary>
/// Follows a session's participation (<see cref="IParticipationService.WatchAsync"/>) for the moderator's dashboard and
/// cascades the latest <see cref="ParticipationState"/> to the panes; beeps (WebAudio, generated in the browser) when
/// a new call opens unless the moderator switched the sound off.
/// </summary>
public sealed partial class ParticipationScope : ComponentBase, IAsyncDisposable
{
    internal const string ModulePath = "./_content/PadHub.Components/Sessions/Participation/ParticipationScope.razor.js";

    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private IParticipationSubscription? _subscription;
    private IJSObjectReference? _module;
    private bool _sound = true;
    private bool _disposed;

    /// <summary>The moderator's token.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>The panes.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    [Inject]
    private IParticipationService Participation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IStringLocalizer<ParticipationScope> L { get; set; } = default!;

    private ParticipationState State => _subscription?.Current ?? ParticipationState.Empty;

    private int OpenCalls => State.HelpCalls.Count(c => c.IsOpen);

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            var subscription = await Participation.WatchAsync(Token, _ => new ValueTask(InvokeAsync(OnChangedAsync)));
            if (_disposed)
            {
                await subscription.DisposeAsync();
                return;
            }

            _subscription = subscription;
            // Calls already open when the dashboard opens are shown, not rung.
            _announced.UnionWith(subscription.Current.HelpCalls.Select(c => c.CallId));
        }
        catch (PadException)
        {
            // Not the moderator's link: the dashboard says so itself; the panes show no participation.
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _sound = _module is null || await _module.InvokeAsync<bool>("soundOn");
            StateHasChanged();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone.
        }
        catch (JSException)
        {
            // No storage: the sound stays on.
        }
    }

    private async Task OnChangedAsync()
    {
        var fresh = State.HelpCalls.Where(c => c.IsOpen && _announced.Add(c.CallId)).ToList();
        StateHasChanged();
        if (fresh.Count > 0 && _sound && _module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("beep");
            }
            catch (JSException)
            {
                // No audio (autoplay refused before any click, no device): the call is still shown and announced.
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone.
            }
        }
    }

    private async Task SetSoundAsync(bool on)
    {
        _sound = on;
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("setSound", on);
        }
        catch (JSException)
        {
            // Not remembered; it holds on this page.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_subscription is not null)
        {
            await _subscription.DisposeAsync();
        }

        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the module.
            }
        }
    }
}

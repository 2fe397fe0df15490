using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Pads;
using PadHub.Components.Sessions;

namespace PadHub.Components.Plenary;

/// <summary>
/// The plenary page (<c>/m/{moderatorToken}/plenary</c>): the session followed live, one <see cref="PlenaryGroup"/> per
/// group (each follows its pad), the spotlight sent with the moderator's token (the server checks it), and a JS module
/// that scales the type so that everything fits the screen without scrolling and turns the arrow keys into group changes.
/// </summary>
public sealed partial class PlenaryView : ComponentBase, IAsyncDisposable
{
    internal const string ModulePath = "./_content/PadHub.Components/Plenary/PlenaryView.razor.js";

    private LiveSessionFeed? _feed;
    private ViewStatus _status = ViewStatus.Opening;
    private ResultsLink? _results;
    private int? _focused;
    private bool _busy;
    private bool _disposed;
    private ElementReference _root;
    private IJSObjectReference? _module;
    private DotNetObjectReference<PlenaryView>? _self;
    private bool _attached;

    private sealed record ResultsLink(string Url, MarkupString Qr);

    /// <summary>The moderator's token.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>The group (1-based) to open full-screen, or null for every group.</summary>
    [Parameter]
    public int? Group { get; set; }

    [Inject]
    private IWorkshopService Workshops { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _focused = Group;
        if (!RendererInfo.IsInteractive)
        {
            // Prerendering already answers another link with the invalid-link view; the live page checks again.
            if ((await Workshops.ResolveAsync(Token))?.Role != SessionRole.Moderator)
            {
                _status = ViewStatus.NotFound;
            }

            return;
        }

        var (feed, status) = await LiveSessionFeed.StartForModeratorAsync(Workshops, Token, () => InvokeAsync(StateHasChanged));
        if (feed is null || _disposed)
        {
            await (feed?.DisposeAsync() ?? ValueTask.CompletedTask);
            // Another link of the session reads like an unknown one: the page does not tell which link it was.
            _status = status == ViewStatus.Ready ? ViewStatus.Opening : ViewStatus.NotFound;
            return;
        }

        _feed = feed;
        _status = ViewStatus.Ready;
        try
        {
            _results = Link((await Workshops.GetLinksAsync(Token)).ResultsToken);
        }
        catch (PadException)
        {
            // The results link is left out; the conclusions and the spotlight work without it.
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_attached || _status != ViewStatus.Ready || _disposed)
        {
            return;
        }

        _attached = true;
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            _self = DotNetObjectReference.Create(this);
            await _module.InvokeVoidAsync("attach", _root, _self);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone with the page.
        }
    }

    /// <summary>The arrow keys and Escape, from the page's key listener.</summary>
    [JSInvokable]
    public Task OnKeyAsync(string key)
    {
        if (_feed?.Current is not { } state || state.Groups.Count == 0)
        {
            return Task.CompletedTask;
        }

        var count = state.Groups.Count;
        var index = FocusedGroup(state) is { } focused ? IndexOf(state, focused) : -1;
        int? next = key switch
        {
            "ArrowRight" => index < 0 ? 0 : (index + 1) % count,
            "ArrowLeft" => index < 0 ? count - 1 : (index - 1 + count) % count,
            "Escape" => null,
            _ => index < 0 ? null : index,
        };
        _focused = next is { } n ? state.Groups[n].Number : null;
        return InvokeAsync(StateHasChanged);
    }

    private static int IndexOf(SessionState state, SessionGroup group)
    {
        for (var i = 0; i < state.Groups.Count; i++)
        {
            if (state.Groups[i].GroupId == group.GroupId)
            {
                return i;
            }
        }

        return -1;
    }

    private SessionGroup? FocusedGroup(SessionState state) =>
        _focused is { } n ? state.Groups.FirstOrDefault(g => g.Number == n) : null;

    private void ToggleFocus(SessionGroup group) => _focused = _focused == group.Number ? null : group.Number;

    /// <summary>Columns and rows of the group grid: side by side up to four groups, then two or three rows.</summary>
    private string GridStyle(SessionState state)
    {
        var count = FocusedGroup(state) is null ? Math.Max(1, state.Groups.Count) : 1;
        var rows = count <= 4 ? 1 : count <= 8 ? 2 : 3;
        var columns = (count + rows - 1) / rows;
        return $"--plenary-columns: {columns}; --plenary-rows: {rows}";
    }

    private ResultsLink? Link(string resultsToken)
    {
        if (string.IsNullOrEmpty(resultsToken))
        {
            return null;
        }

        var url = (Services.GetService<IPublicLinkBase>()?.BaseUrl ?? Navigation.BaseUri.TrimEnd('/')) + SessionRoutes.Results(resultsToken);
        return new ResultsLink(url, QrCodes.Svg(url));
    }

    private Task ToggleSpotlightAsync(Spotlight wanted) =>
        SetSpotlightAsync(SpotlightRequests.Toggle(_feed?.Current.Spotlight, wanted));

    private async Task SetSpotlightAsync(Spotlight? spotlight)
    {
        _busy = true;
        try
        {
            await SpotlightRequests.SetAsync(Workshops, Token, spotlight, Snackbar, L, Refusals);
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

        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("detach", _root);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the module.
            }
        }

        _self?.Dispose();
    }
}

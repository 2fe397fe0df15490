using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Pads;

namespace PadHub.Components.Sessions;

/// <summary>
/// The audience's page: the session followed live, every group's pad (or one, <c>?group=N</c>) as rendered Markdown.
/// When the session allows it, "join as contributor" asks a name (remembered like the editor does) and opens the editor.
/// </summary>
public sealed partial class AudienceView : ComponentBase, IAsyncDisposable
{
    internal const string ModulePath = "./_content/PadHub.Components/Sessions/AudienceView.razor.js";

    private LiveSessionFeed? _feed;
    private ViewStatus _status = ViewStatus.Opening;
    private int? _group;
    private int? _groupParameter;
    private bool _follow;
    private SessionGroup? _contributeTo;
    private string? _name;
    private IJSObjectReference? _module;
    private bool _disposed;

    /// <summary>The audience token.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>The group to show (1-based), or null for every group.</summary>
    [Parameter]
    public int? Group { get; set; }

    [Inject]
    private IWorkshopService Workshops { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (_groupParameter != Group)
        {
            _groupParameter = Group;
            _group = Group;
        }
    }

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            var feed = await LiveSessionFeed.StartAsync(Workshops, Token, () => InvokeAsync(StateHasChanged));
            if (_disposed)
            {
                await feed.DisposeAsync();
                return;
            }

            _feed = feed;
            _status = ViewStatus.Ready;
        }
        catch (PadException ex)
        {
            _status = ex.ToViewStatus();
        }
    }

    private SessionGroup? SelectedGroup(SessionState state) =>
        _group is { } n ? state.Groups.FirstOrDefault(g => g.Number == n) : null;

    private IEnumerable<SessionGroup> VisibleGroups(SessionState state) =>
        _group is null ? state.Groups : state.Groups.Where(g => g.Number == _group);

    private void Select(int? group)
    {
        _group = group;
        _groupParameter = group;
        // Keep the address shareable (?group=N) without a new history entry or a reload.
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("group", group), replace: true);
    }

    private async Task StartContributing(SessionGroup group)
    {
        _contributeTo = group;
        if (_name is null)
        {
            try
            {
                _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
                _name = await _module.InvokeAsync<string?>("displayName");
            }
            catch (JSDisconnectedException)
            {
                // Asked again below; nothing else depends on it.
            }
        }
    }

    private async Task ContributeAsync()
    {
        var name = _name?.Trim();
        if (_contributeTo is not { } group || string.IsNullOrEmpty(name))
        {
            return;
        }

        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            await _module.InvokeVoidAsync("rememberName", name);
        }
        catch (JSDisconnectedException)
        {
            return;
        }

        // The editor finds the remembered name and joins with it; the server decides whether this link may write.
        Navigation.NavigateTo(SessionRoutes.EditSessionPad(Token, group.PadId));
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
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the module.
            }
        }
    }
}

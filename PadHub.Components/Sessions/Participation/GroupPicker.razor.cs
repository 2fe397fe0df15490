using PadHub.Components.Pads;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Participation;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Components.Sessions.Participation;

/// <summary>
/// The audience's choice of group. It counts this page once as a follower of the chosen group on the server
/// (<see cref="IParticipationService.FollowAsync"/>) until the page goes, remembers the choice in this browser
/// (<c>localStorage</c>, per session) and, when the address names no group, restores the remembered one.
/// </summary>
public sealed partial class GroupPicker : ComponentBase, IAsyncDisposable
{
    internal const string ModulePath = "./_content/PadHub.Components/Sessions/Participation/GroupPicker.razor.js";

    private IGroupFollow? _follow;
    private IJSObjectReference? _module;
    private string? _followError;
    private string? _followedGroupId;
    private Task _following = Task.CompletedTask;
    private bool _restored;
    private bool _disposed;

    /// <summary>The page's session token (the audience link).</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>The session (the remembered choice is per session).</summary>
    [Parameter, EditorRequired]
    public required string SessionId { get; set; }

    /// <summary>The session's groups, in order.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<SessionGroup> Groups { get; set; }

    /// <summary>The followed group's number, or null for every group.</summary>
    [Parameter]
    public int? Selected { get; set; }

    /// <summary>The reader chose a group (or null: every group).</summary>
    [Parameter]
    public EventCallback<int?> OnSelect { get; set; }

    [Inject]
    private IParticipationService Participation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IStringLocalizer<GroupPicker> L { get; set; } = default!;

    private static string CardClass(bool selected) => selected ? "padhub-group-card padhub-group-card-selected" : "padhub-group-card";

    protected override async Task OnParametersSetAsync()
    {
        if (RendererInfo.IsInteractive && _restored)
        {
            await FollowAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }

        int? remembered = null;
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            remembered = _module is null ? null : await _module.InvokeAsync<int?>("followedGroup", SessionId);
        }
        catch (JSDisconnectedException)
        {
            return;
        }
        catch (JSException)
        {
            // Storage refused (private mode): the choice is simply not remembered.
        }

        if (Selected is null && remembered is { } number && Groups.Any(g => g.Number == number))
        {
            await OnSelect.InvokeAsync(number);
        }

        _restored = true;
        await FollowAsync();
        StateHasChanged();
    }

    private async Task ChooseAsync(int? number)
    {
        await OnSelect.InvokeAsync(number);
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("rememberGroup", SessionId, number);
            }
        }
        catch (JSException)
        {
            // Not remembered; the choice still holds on this page.
        }
    }

    // One follow per page: created once, then moved; the server counts it once whatever the group. Renders can ask
    // again while a call is out, so the calls run one after the other.
    private Task FollowAsync() => _following = FollowAfterAsync(_following);

    private async Task FollowAfterAsync(Task previous)
    {
        await previous;
        var groupId = Groups.FirstOrDefault(g => g.Number == Selected)?.GroupId;
        if (_disposed || (_follow is not null && string.Equals(_followedGroupId, groupId, StringComparison.Ordinal)))
        {
            return;
        }

        try
        {
            if (_follow is null)
            {
                var follow = await Participation.FollowAsync(Token, groupId);
                if (_disposed)
                {
                    await follow.DisposeAsync();
                    return;
                }

                _follow = follow;
            }
            else
            {
                await _follow.ChangeAsync(groupId);
            }

            _followedGroupId = groupId;
            _followError = null;
        }
        catch (PadException ex)
        {
            _followError = string.Format(CultureInfo.CurrentCulture, L["FollowFailed"], PadRefusals.Describe(ex, Refusals));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_follow is not null)
        {
            await _follow.DisposeAsync();
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

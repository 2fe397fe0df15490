using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using MudBlazor;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Pads;

namespace PadHub.Components.Sessions;

/// <summary>
/// The moderator's share page: every link (absolute, from <see cref="IPublicLinkBase"/> when the host has a public
/// address, else from <see cref="NavigationManager.BaseUri"/>) with its QR code, a
/// copy button and "replace link" (the old token stops working at once).
/// </summary>
public sealed partial class SessionShare : ComponentBase, IAsyncDisposable
{
    internal const string ModulePath = "./_content/PadHub.Components/Sessions/SessionShare.razor.js";

    private ViewStatus _status = ViewStatus.Opening;
    private SessionLinks? _links;
    private List<ShareItem> _items = [];
    private string? _loadedToken;
    private IJSObjectReference? _module;
    private bool _busy;

    /// <summary>One link as the page shows it.</summary>
    private sealed record ShareItem(string Id, SessionLinkKind Kind, string? GroupId, string Title, string What, string Url, MarkupString Qr);

    /// <summary>The moderator's token.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    [Inject]
    private IWorkshopService Workshops { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive || Token == _loadedToken)
        {
            return;
        }

        _loadedToken = Token;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _links = await Workshops.GetLinksAsync(Token);
        }
        catch (PadException ex)
        {
            _status = ex.ToViewStatus();
            return;
        }

        _items = [.. Items(_links)];
        _status = ViewStatus.Ready;
    }

    private IEnumerable<ShareItem> Items(SessionLinks links)
    {
        yield return Item("moderator", SessionLinkKind.Moderator, null, L["Moderator"],
            L["ModeratorWhat"], SessionRoutes.Dashboard(links.ModeratorToken));
        yield return Item("audience", SessionLinkKind.Audience, null, L["Audience"],
            L["AudienceWhat"], SessionRoutes.Audience(links.AudienceToken));

        // A session created before results links existed has none (empty) until the moderator creates one below.
        if (links.ResultsToken.Length > 0)
        {
            yield return Item("results", SessionLinkKind.Results, null, L["Results"],
                L["ResultsWhat"], SessionRoutes.Results(links.ResultsToken));
        }

        var number = 0;
        foreach (var group in links.Groups)
        {
            number++;
            yield return Item($"group-{group.GroupId}", SessionLinkKind.NoteTaker, group.GroupId, L["GroupTitle", number, group.Name],
                L["NoteTakerWhat"], SessionRoutes.EditPad(group.NoteTakerToken));
        }
    }

    private ShareItem Item(string id, SessionLinkKind kind, string? groupId, string title, string what, string path)
    {
        var url = (Services.GetService<IPublicLinkBase>()?.BaseUrl ?? Navigation.BaseUri.TrimEnd('/')) + path;
        return new ShareItem(id, kind, groupId, title, what, url, QrCodes.Svg(url));
    }

    private async Task CopyAsync(ShareItem item)
    {
        var copied = false;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            copied = await _module.InvokeAsync<bool>("copy", item.Url);
        }
        catch (JSException)
        {
            copied = false;
        }

        if (copied)
        {
            Snackbar.Add(L["Copied", item.Title], Severity.Success);
        }
        else
        {
            Snackbar.Add(L["CopyFailed"], Severity.Warning);
        }
    }

    private async Task PrintAsync()
    {
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
        await _module.InvokeVoidAsync("print");
    }

    private async Task RegenerateAsync(ShareItem item)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["ReplaceTitle", item.Title],
            L["ReplaceText"],
            yesText: L["Replace"], cancelText: L["Cancel"]);
        if (confirmed == true)
        {
            await ReplaceAsync(item);
        }
    }

    private Task CreateResultsLinkAsync() =>
        ReplaceAsync(new ShareItem("results", SessionLinkKind.Results, null, "Results", "", "", default));

    private async Task ReplaceAsync(ShareItem item)
    {
        _busy = true;
        try
        {
            var token = await Workshops.RegenerateLinkAsync(Token, item.Kind, item.GroupId);
            Snackbar.Add(L["Replaced", item.Title], Severity.Success);
            if (item.Kind == SessionLinkKind.Moderator)
            {
                // This page's own key was replaced: carry on with the new one.
                Navigation.NavigateTo(SessionRoutes.Share(token), replace: true);
                return;
            }

            await LoadAsync();
        }
        catch (PadException ex)
        {
            Snackbar.Add(ex.Code == PadErrorCodes.NotFound ? L["ShareLinkReplaced"] : PadRefusals.Describe(ex, Refusals), Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
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

using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.Comments;

/// <summary>
/// A group's comments on the audience page, through <see cref="IPadCommentService"/> with the page's link (the server
/// checks it at every call). A passage is chosen by selecting it in the rendered pad: its text is found in the pad's
/// Markdown (the nearest occurrence to none: the first), since the rendered page has no source offsets.
/// </summary>
public sealed partial class AudienceComments : IAsyncDisposable
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private IPadCommentWatch? _watch;
    private PadComments? _comments;
    private PadCommentRights _rights = PadCommentRights.None;
    private (int From, int To)? _passage;
    private string? _hint;
    private string? _name;
    private bool _failed;
    private bool _allowedBefore = true;
    private string? _passagesSent;
    private bool _disposed;

    /// <summary>The page's link (the audience's, or any session link reaching the pad).</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>The group's pad.</summary>
    [Parameter, EditorRequired]
    public required string PadId { get; set; }

    /// <summary>The pad's text as the page shows it (passages are quoted and found in it).</summary>
    [Parameter]
    public string? Text { get; set; }

    /// <summary>The session lets the audience comment now (the server decides; this only hides the controls).</summary>
    [Parameter]
    public bool AllowComments { get; set; } = true;

    [Inject]
    private IPadCommentService CommentService { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            var watch = await CommentService.WatchAsync(Token, PadId, c => _ = InvokeAsync(() => Show(c)));
            if (_disposed)
            {
                watch.Dispose();
                return;
            }

            _watch = watch;
            _comments = watch.Initial;
            _rights = await watch.GetRightsAsync();
        }
        catch (PadException)
        {
            _failed = true;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        // Parameters change with every edit of the pad: only a changed session setting asks the server again.
        if (_watch is { } watch && AllowComments != _allowedBefore)
        {
            _allowedBefore = AllowComments;
            // The session's setting may have changed (the moderator's switch): ask the server what this link may do.
            _rights = await watch.GetRightsAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_disposed || !RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            if (firstRender)
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "./_content/PadHub.Components/Comments/AudienceComments.razor.js");
                await _module.InvokeVoidAsync("attach", _element);
            }

            var passages = Passages();
            var key = string.Join('\u0001', passages);
            if (_module is not null && key != _passagesSent)
            {
                _passagesSent = key;
                await _module.InvokeVoidAsync("setPassages", _element, passages);
            }
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private string[] Passages() =>
        Text is null || _comments is null
            ? []
            : [.. CommentThreads.ThreadsOf(_comments).Select(t => t[0])
                .Where(c => !c.Resolved && !c.OnDeletedText && c.To <= Text.Length)
                .Select(c => Text[c.From..c.To])];

    private void Show(PadComments comments)
    {
        _comments = comments;
        StateHasChanged();
    }

    private async Task UseSelectionAsync()
    {
        var selected = _module is null ? null : await _module.InvokeAsync<string?>("takeSelection", _element);
        var found = PassageFinder.Find(Text, selected);
        _passage = found;
        _hint = found is null ? L["SelectFirst"].Value : null;
    }

    private async Task AddAsync(string text)
    {
        if (_watch is null || _passage is not { } passage)
        {
            return;
        }

        await _watch.AddAsync(new PadCommentRequest(passage.From, passage.To, text), _name);
        _passage = null;
    }

    private Task ReplyAsync(string threadId, string text) =>
        _watch is null ? Task.CompletedTask : _watch.AddAsync(new PadCommentRequest(0, 0, text, threadId), _name);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _watch?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("detach", _element);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
            }
        }
    }
}

using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace PadHub.Components.Markdown;

/// <summary>
/// Pad text rendered as sanitised Markdown, block by block (see <see cref="MarkdownBlocks"/>), for the live views.
/// Blocks that arrive after the first render are marked fresh (a short CSS highlight); the most recent one carries
/// <c>data-latest</c>, and with <see cref="FollowLatest"/> it is scrolled into view.
/// </summary>
public sealed partial class LivePadMarkdown : ComponentBase, IAsyncDisposable
{
    internal const string ModulePath = "./_content/PadHub.Components/Markdown/LivePadMarkdown.razor.js";

    private readonly HashSet<string> _fresh = new(StringComparer.Ordinal);
    private IReadOnlyList<MarkdownBlock> _blocks = [];
    private string? _text;
    private string? _latestKey;
    private string? _scrolledKey;
    private bool _rendered;
    private ElementReference _root;
    private IJSObjectReference? _module;

    /// <summary>The pad's Markdown.</summary>
    [Parameter, EditorRequired]
    public required string Text { get; set; }

    /// <summary>Shown when the text is empty (by default "Nothing written yet." in the page's language).</summary>
    [Parameter]
    public string? EmptyText { get; set; }

    /// <summary>Attributes for the container (e.g. the <c>data-pad-text</c> test hook).</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    /// <summary>Scroll the most recently changed block into view after each change.</summary>
    [Parameter]
    public bool FollowLatest { get; set; }

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IOptions<PadMarkdownOptions> MarkdownOptions { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (string.Equals(_text, Text, StringComparison.Ordinal))
        {
            return;
        }

        _text = Text;
        var blocks = MarkdownBlocks.Split(Text, MarkdownOptions.Value.AllowRemoteImages);
        var previous = new HashSet<string>(_blocks.Select(b => b.Key), StringComparer.Ordinal);
        string? latest = null;
        foreach (var block in blocks)
        {
            if (_rendered && !previous.Contains(block.Key))
            {
                _fresh.Add(block.Key);
                latest = block.Key;
            }
        }

        var keys = new HashSet<string>(blocks.Select(b => b.Key), StringComparer.Ordinal);
        _fresh.IntersectWith(keys);
        if (latest is not null)
        {
            _latestKey = latest;
        }
        else if (_latestKey is not null && !keys.Contains(_latestKey))
        {
            _latestKey = null;
        }

        _blocks = blocks;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        _rendered = true;
        if (!FollowLatest || _latestKey is null || _latestKey == _scrolledKey)
        {
            return;
        }

        _scrolledKey = _latestKey;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            await _module.InvokeVoidAsync("scrollToLatest", _root);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone: nothing to scroll.
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

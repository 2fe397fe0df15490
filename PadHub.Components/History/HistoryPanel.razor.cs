using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Components.History;

/// <summary>
/// A pad's history beside its live view: a slider over revisions 0 to the head with play/pause and speeds, the shown
/// revision's time, authors and text in authorship colours, named versions (marks on the slider and a list), a diff of
/// any two revisions with a unified-diff download, and, for those who may, restoring a revision or a passage of it.
/// Everything goes through the page's own <see cref="IPadConnection"/>, so the server checks each call.
/// </summary>
public sealed partial class HistoryPanel : ComponentBase, IAsyncDisposable
{
    internal const string ModulePath = "./_content/PadHub.Components/History/HistoryPanel.razor.js";

    /// <summary>Revisions per playback step: each step takes <see cref="PlaybackTick"/>.</summary>
    internal static readonly int[] Speeds = [1, 2, 5, 10, 50];

    internal static readonly TimeSpan PlaybackTick = TimeSpan.FromMilliseconds(250);

    private RevisionLoader<PadRevision>? _loader;
    private HistoryAuthors _authors = new([], "");
    private List<PadNamedRevision> _named = [];
    private PadRevision? _shown;
    private int _target;
    private string? _error;
    private string? _namesError;
    private bool _playing;
    private int _speed = Speeds[1];
    private CancellationTokenSource? _playback;
    private bool? _sessionRoleMayRestore;
    private ElementReference _textBox;
    private IJSObjectReference? _module;
    private bool _disposed;

    /// <summary>The page's connection to the pad (the editor's, or a read-only viewer's).</summary>
    [Parameter, EditorRequired]
    public required IPadConnection Connection { get; set; }

    /// <summary>The pad's live head revision, as the page knows it; the slider's end.</summary>
    [Parameter, EditorRequired]
    public required int HeadRevision { get; set; }

    /// <summary>Whether this page may edit now (naming a version needs it; the server checks again).</summary>
    [Parameter]
    public bool CanWrite { get; set; }

    /// <summary>The page's link token: for a session pad, its role decides whether restoring is offered.</summary>
    [Parameter]
    public string? Token { get; set; }

    /// <summary>Authors the page knows (names and colours); more are learned as they arrive.</summary>
    [Parameter]
    public IReadOnlyList<PadAuthor> Authors { get; set; } = [];

    /// <summary>"Back to live": the page closes the panel.</summary>
    [Parameter]
    public EventCallback OnClose { get; set; }

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IWorkshopService Workshops { get; set; } = default!;

    private bool IsLoading => _loader?.IsBusy == true;

    // Viewers and audience members never see restore (the server refuses them anyway): a stand-alone pad's edit link,
    // a note-taker's or the moderator's may.
    private bool CanRestore => CanWrite && (Connection.Joined.SessionId is null || _sessionRoleMayRestore == true);

    protected override async Task OnInitializedAsync()
    {
        _authors = new HistoryAuthors(Connection.Joined.Authors, L["EarlierAuthor"]);
        _authors.Learn(Authors);
        _loader = new RevisionLoader<PadRevision>(
            (revision, ct) => Connection.GetRevisionAsync(revision, ct), OnRevisionLoadedAsync, OnRevisionFailedAsync, Time);
        _target = HeadRevision;
        _loader.Request(_target);
        await LoadNamesAsync();
        if (Connection.Joined.SessionId is not null && CanWrite && Token is not null)
        {
            var access = await Workshops.ResolveAsync(Token);
            _sessionRoleMayRestore = access?.Role is SessionRole.Moderator or SessionRole.NoteTaker;
        }
    }

    protected override void OnParametersSet()
    {
        _authors.Learn(Authors);
        if (_target > HeadRevision)
        {
            Go(HeadRevision);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        StopPlayback();
        _loader?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }

    /// <summary>Moves the slider to <paramref name="revision"/> and loads it (coalesced with any load in flight).</summary>
    private void Go(int revision)
    {
        _target = Math.Clamp(revision, 0, HeadRevision);
        _loader?.Request(_target);
    }

    private void Step(int delta)
    {
        StopPlayback();
        Go(_target + delta);
    }

    private void OnSliderInput(ChangeEventArgs e)
    {
        if (int.TryParse(e.Value as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision))
        {
            StopPlayback();
            Go(revision);
        }
    }

    private Task OnRevisionLoadedAsync(int revision, PadRevision loaded)
    {
        _shown = loaded;
        _error = null;
        StateHasChanged();
        return Task.CompletedTask;
    }

    private Task OnRevisionFailedAsync(int revision, Exception exception)
    {
        _error = exception is PadException ex ? HistoryErrors.Describe(ex, ErrorText) : L["LoadFailed"];
        StopPlayback();
        StateHasChanged();
        return Task.CompletedTask;
    }

    private async Task BackToLiveAsync()
    {
        StopPlayback();
        await OnClose.InvokeAsync();
    }

    private async Task LoadNamesAsync()
    {
        try
        {
            _named = [.. await Connection.GetNamedRevisionsAsync()];
            _namesError = null;
        }
        catch (PadException ex)
        {
            _namesError = HistoryErrors.Describe(ex, ErrorText);
        }
    }

    private async Task<string?> NameAsync(string name)
    {
        try
        {
            var named = await Connection.NameRevisionAsync(HeadRevision, name);
            _named.RemoveAll(n => n.Revision == named.Revision);
            _named.Add(named);
            _named.Sort((a, b) => a.Revision.CompareTo(b.Revision));
            StateHasChanged();
            return null;
        }
        catch (PadException ex)
        {
            return HistoryErrors.Describe(ex, ErrorText);
        }
    }

    private string MarkStyle(int revision) =>
        string.Create(CultureInfo.InvariantCulture, $"left: {(HeadRevision == 0 ? 0 : revision * 100.0 / HeadRevision):0.###}%");

    private string TimeText(DateTimeOffset time)
    {
        var ago = Time.GetUtcNow() - time;
        var relative = ago.TotalSeconds < 60 ? L["JustNow"]
            : ago.TotalMinutes < 60 ? L["MinAgo", (int)ago.TotalMinutes]
            : ago.TotalHours < 24 ? L["HoursAgo", (int)ago.TotalHours]
            : L["DaysAgo", (int)ago.TotalDays];
        return L["TimeText", time.UtcDateTime.ToString("d MMM yyyy, HH:mm:ss", CultureInfo.CurrentCulture), relative];
    }

    // Who wrote the shown text, most text first, with their share of it.
    private static IEnumerable<(string AuthorId, string Share)> AuthorShares(PadRevision revision)
    {
        var total = Math.Max(1, revision.Text.Length);
        return revision.Authorship
            .GroupBy(r => r.AuthorId, StringComparer.Ordinal)
            .Select(g => (AuthorId: g.Key, Length: g.Sum(r => r.Length)))
            .OrderByDescending(a => a.Length)
            .Select(a => (a.AuthorId, string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)Math.Round(a.Length * 100.0 / total))}%")));
    }

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
}

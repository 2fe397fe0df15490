using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Markdown;
using PadHub.Components.Pads;

namespace PadHub.Components.Sessions;

/// <summary>
/// A group's pane on the moderator's dashboard. Live through <see cref="IPadWatchService"/>, which paces it to ~10 renders
/// a second; a slow clock (every 5 s) keeps "last edit" and the quiet highlight current when nothing happens.
/// </summary>
public sealed partial class GroupPane : ComponentBase, IAsyncDisposable
{
    internal const int SparkWidth = 100;
    internal const int SparkHeight = 24;
    private static readonly TimeSpan ClockPeriod = TimeSpan.FromSeconds(5);

    private LivePadFeed? _feed;
    private ITimer? _clock;
    private ViewStatus _status = ViewStatus.Opening;
    private bool _zoomed;
    private bool _disposed;
    private string? _conclusionsOf;
    private IReadOnlyList<RenderedConclusion> _conclusions = [];

    /// <summary>The moderator's token (it watches the pad and opens it in the editor).</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>The group shown.</summary>
    [Parameter, EditorRequired]
    public required SessionGroup Group { get; set; }

    /// <summary>What the moderator has in the spotlight now, or null.</summary>
    [Parameter]
    public Spotlight? Spotlight { get; set; }

    /// <summary>Minutes without an edit after which the group is highlighted as quiet.</summary>
    [Parameter]
    public double QuietAfterMinutes { get; set; } = 3;

    [Inject]
    private IPadWatchService Watches { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private string PaneClass => "padhub-pane" + (IsQuiet ? " padhub-pane-quiet" : "") + (_zoomed ? " padhub-pane-zoomed" : "");

    private bool IsQuiet =>
        _feed?.Current?.LastEditAt is { } last && Time.GetUtcNow() - last >= TimeSpan.FromMinutes(QuietAfterMinutes);

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            var feed = await LivePadFeed.StartAsync(Watches, Token, Group.PadId, () => InvokeAsync(StateHasChanged));
            if (_disposed)
            {
                await feed.DisposeAsync();
                return;
            }

            _feed = feed;
            _status = ViewStatus.Ready;
            _clock = Time.CreateTimer(_ => _ = InvokeAsync(StateHasChanged), null, ClockPeriod, ClockPeriod);
        }
        catch (PadException ex)
        {
            _status = ex.ToViewStatus();
        }
    }

    private void ToggleZoom() => _zoomed = !_zoomed;

    // Every watcher of a pad gets the same snapshot string, so a reference check is enough to skip unchanged text.
    private IReadOnlyList<RenderedConclusion> ConclusionsOf(string text)
    {
        if (!ReferenceEquals(text, _conclusionsOf))
        {
            _conclusions = RenderedConclusion.Render(PadConclusions.Extract(text), _conclusions);
            _conclusionsOf = text;
        }

        return _conclusions;
    }

    /// <summary>Everything the pane's header shows.</summary>
    private (SessionGroup, bool, string) HeaderVersion => (Group, _zoomed, Token);

    /// <summary>Changes exactly when the participant chips would: who, under which name and colour, with which role.</summary>
    private static string ParticipantsKey(PadWatchSnapshot pad) =>
        string.Join('\n', pad.Participants.Select(p => $"{p.ParticipantId}\t{p.DisplayName}\t{p.Color}\t{p.Role}"));

    private static List<string> TypingNames(PadWatchSnapshot pad) =>
        [.. pad.TypingAuthorIds
            .Select(id => pad.Participants.FirstOrDefault(p => p.AuthorId == id)?.DisplayName)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];

    private string LastEditText(PadWatchSnapshot pad) =>
        pad.LastEditAt is { } last ? L["LastEdit", SessionFormat.Ago(Time.GetUtcNow() - last, L)] : L["NoEdits"];

    /// <summary>The sparkline's polyline points: oldest minute on the left, scaled to the busiest minute.</summary>
    internal static string SparklinePoints(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return "";
        }

        var max = Math.Max(1, values.Max());
        var text = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            var x = values.Count == 1 ? SparkWidth / 2.0 : i * (SparkWidth - 2) / (double)(values.Count - 1) + 1;
            var y = SparkHeight - 1 - Math.Max(0, values[i]) * (SparkHeight - 2) / (double)max;
            text.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : " ")}{x:0.#},{y:0.#}");
        }

        return text.ToString();
    }

    private string SparklineLabel(IReadOnlyList<int> values) =>
        L["Sparkline", string.Join(", ", values.Select(v => v.ToString(CultureInfo.CurrentCulture)))];

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _clock?.Dispose();
        if (_feed is not null)
        {
            await _feed.DisposeAsync();
        }
    }
}

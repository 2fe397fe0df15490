using PadHub.Components.Pads;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using PadHub.Components.Contracts.Feed;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Questions;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Components.Sessions.Feed;

/// <summary>
/// The session's social feed for the moderator (<see cref="ISocialFeedService.WatchAsync"/>: polled on the server only
/// while a panel watches). Posts arrive as plain text and are rendered as text only. "Add as a question" goes to
/// <see cref="IQuestionService.AddFromElsewhereAsync"/> with the author and the link as its source; the settings go to
/// <see cref="IWorkshopService.SetFeedAsync"/>, which checks them again.
/// </summary>
public sealed partial class SocialFeedPanel : ComponentBase, IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly HashSet<string> _added = new(StringComparer.Ordinal);
    private readonly HashSet<string> _adding = new(StringComparer.Ordinal);
    private ISocialFeedSubscription? _subscription;
    private SocialFeedState? _state;
    private ITimer? _clock;
    private bool _editing;
    private bool _busy;
    private bool _disposed;
    private string? _hashtag;
    private string? _instance;
    private string? _settingsError;

    /// <summary>The moderator's token.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>The group a question added from the feed is addressed to, or null for the speakers.</summary>
    [Parameter]
    public string? TargetGroupId { get; set; }

    [Inject]
    private ISocialFeedService Feeds { get; set; } = default!;

    [Inject]
    private IQuestionService Questions { get; set; } = default!;

    [Inject]
    private IWorkshopService Workshops { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SocialFeedPanel> L { get; set; } = default!;

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private SocialFeedStatus Status => _state?.Status ?? SocialFeedStatus.Connecting;

    /// <summary>"retrying in …" for an unreachable feed, on the server's clock.</summary>
    private string RetryIn
    {
        get
        {
            var left = (_state?.RetryAt ?? Time.GetUtcNow()) - Time.GetUtcNow();
            return left <= TimeSpan.Zero ? L["Now"] : SessionFormat.Countdown(left);
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
            var subscription = await Feeds.WatchAsync(Token, state =>
            {
                Volatile.Write(ref _state, state);
                return new ValueTask(InvokeAsync(StateHasChanged));
            });
            if (_disposed)
            {
                await subscription.DisposeAsync();
                return;
            }

            _subscription = subscription;
            if (_state is null || subscription.Current.Version > _state.Version)
            {
                _state = subscription.Current;
            }

            // The countdown to the next try moves on its own while the feed is unreachable.
            _clock = Time.CreateTimer(_ => _ = InvokeAsync(() =>
            {
                if (_state?.Status == SocialFeedStatus.Unreachable)
                {
                    StateHasChanged();
                }
            }), null, Tick, Tick);
        }
        catch (PadException ex)
        {
            Snackbar.Add(PadRefusals.Describe(ex, Refusals), Severity.Error);
        }
    }

    private void ToggleSettings()
    {
        _editing = !_editing;
        _hashtag = _state?.Settings?.Hashtag;
        _instance = _state?.Settings?.Instance;
        _settingsError = null;
    }

    private async Task SaveSettingsAsync()
    {
        SessionFeedSettings? settings;
        try
        {
            settings = SessionFeedRules.Normalize(_hashtag, _instance);
        }
        catch (ArgumentException ex)
        {
            _settingsError = ex.ParamName == "instance" ? L["InvalidInstance"] : L["InvalidHashtag"];
            return;
        }

        _busy = true;
        try
        {
            await Workshops.SetFeedAsync(Token, settings);
            _editing = false;
            _settingsError = null;
        }
        catch (PadException ex)
        {
            _settingsError = PadRefusals.Describe(ex, Refusals);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task AddAsQuestionAsync(SocialPost post)
    {
        if (!_adding.Add(post.PostId))
        {
            return;
        }

        try
        {
            await Questions.AddFromElsewhereAsync(Token, Bounded(post.Text, QuestionLimits.MaxTextLength), Source(post), TargetGroupId);
            _added.Add(post.PostId);
            Snackbar.Add(L["AddedMessage"], Severity.Success);
        }
        catch (PadException ex)
        {
            Snackbar.Add(PadRefusals.Describe(ex, Refusals), Severity.Error);
        }
        finally
        {
            _adding.Remove(post.PostId);
        }
    }

    /// <summary>"Mastodon, @user@host, https://…": the author and the link, within the question's source limit (the link goes first when too long).</summary>
    internal static string Source(SocialPost post)
    {
        var source = post.Url is null ? $"Mastodon, {post.Account}" : $"Mastodon, {post.Account}, {post.Url}";
        return source.Length <= QuestionLimits.MaxSourceLength ? source : Bounded($"Mastodon, {post.Account}", QuestionLimits.MaxSourceLength);
    }

    private static string Bounded(string text, int max) => text.Length <= max ? text : text[..max];

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _clock?.Dispose();
        if (_subscription is not null)
        {
            await _subscription.DisposeAsync();
        }
    }
}

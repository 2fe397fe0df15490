using System.Security.Cryptography;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Layout;
using PadHub.Components.Contracts.Questions;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Components.Questions;

/// <summary>
/// The audience page's questions: asks and votes go to <see cref="IQuestionService"/> with the page's token and the
/// browser's participant id (a secret random id kept in localStorage by the collocated module, never shown), and the
/// live board comes through <see cref="LiveQuestionFeed"/>. Every refusal is shown on the page; nothing is half-saved.
/// </summary>
public sealed partial class AudienceQuestions : ComponentBase, IAsyncDisposable
{
    internal const string ModulePath = "./_content/PadHub.Components/Questions/AudienceQuestions.razor.js";

    // This page's connection, for the server's per-page rate limit: random, made here on the server, never sent to the browser.
    private readonly string _connectionId = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
    private LiveQuestionFeed? _feed;
    private IJSObjectReference? _module;
    private string? _participantId;
    private IReadOnlySet<string> _votes = new HashSet<string>();
    private string? _text;
    private string? _name;
    private string _target = "";
    private string? _error;
    private string? _failed;
    private bool _sent;
    private bool _busy;
    private bool _disposed;

    /// <summary>The page's session token (audience, note-taker or moderator).</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>The session's live state (for its groups).</summary>
    [Parameter, EditorRequired]
    public required SessionState State { get; set; }

    [Inject]
    private IQuestionService Questions { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private IStringLocalizer<QuestionRefusals> RefusalText { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            var feed = await LiveQuestionFeed.StartAsync(Questions, Token, () => InvokeAsync(StateHasChanged));
            if (_disposed)
            {
                await feed.DisposeAsync();
                return;
            }

            _feed = feed;
        }
        catch (PadException ex)
        {
            _failed = new QuestionRefusals(RefusalText).Describe(ex, closed: false);
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
            _participantId = await _module.InvokeAsync<string>("participantId");
            _votes = await Questions.GetVotesAsync(Token, _participantId);
        }
        catch (JSDisconnectedException)
        {
            return;
        }
        catch (PadException ex)
        {
            _error = new QuestionRefusals(RefusalText).Describe(ex, closed: false);
        }

        StateHasChanged();
    }

    private async Task AskAsync()
    {
        if (_participantId is not { } participant || string.IsNullOrWhiteSpace(_text) || _busy)
        {
            return;
        }

        _busy = true;
        _error = null;
        _sent = false;
        try
        {
            await Questions.AskAsync(Token, new QuestionAsk(participant, _text, _target.Length == 0 ? null : _target, _name, _connectionId));
            _text = null;
            _sent = true;
        }
        catch (PadException ex)
        {
            _error = new QuestionRefusals(RefusalText).Describe(ex, _feed?.Current.Closed == true);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task VoteAsync(Question question, bool vote)
    {
        if (_participantId is not { } participant)
        {
            return;
        }

        _error = null;
        _sent = false;
        try
        {
            await Questions.VoteAsync(Token, participant, question.QuestionId, vote);
            var votes = new HashSet<string>(_votes, StringComparer.Ordinal);
            _ = vote ? votes.Add(question.QuestionId) : votes.Remove(question.QuestionId);
            _votes = votes;
        }
        catch (PadException ex)
        {
            _error = new QuestionRefusals(RefusalText).Describe(ex, _feed?.Current.Closed == true);
        }
    }

    private string VotesText(int votes) => PluralText.Format(L, "Votes", votes);

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

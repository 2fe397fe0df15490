using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Layout;
using PadHub.Components.Contracts.Questions;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Components.Questions;

/// <summary>
/// The dashboard's questions panel: the moderator's live board through <see cref="LiveQuestionFeed"/> (hidden questions
/// included) and every moderation action sent with the moderator's token (the server checks it each time).
/// </summary>
public sealed partial class QuestionsPanel : ComponentBase, IAsyncDisposable
{
    private readonly Dictionary<string, string> _forwardTo = new(StringComparer.Ordinal);
    private LiveQuestionFeed? _feed;
    private string? _addText;
    private string? _addSource;
    private string _addTarget = "";
    private string? _editing;
    private string? _editText;
    private string? _error;
    private string? _notice;
    private bool _busy;
    private bool _disposed;

    /// <summary>The moderator's token.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    /// <summary>The session's live state (for its groups).</summary>
    [Parameter, EditorRequired]
    public required SessionState State { get; set; }

    /// <summary>
    /// Shown at the top of the panel, above the questions: the slot for the session's social feed (issue 13, section 5),
    /// whose "add as a question" calls <see cref="IQuestionService.AddFromElsewhereAsync"/>.
    /// </summary>
    [Parameter]
    public RenderFragment? Feed { get; set; }

    [Inject]
    private IQuestionService Questions { get; set; } = default!;

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
            _error = new QuestionRefusals(RefusalText).Describe(ex, closed: false);
        }
    }

    private async Task AddAsync()
    {
        if (string.IsNullOrWhiteSpace(_addText) || string.IsNullOrWhiteSpace(_addSource))
        {
            return;
        }

        if (await RunAsync(() => Questions.AddFromElsewhereAsync(Token, _addText, _addSource, _addTarget.Length == 0 ? null : _addTarget)))
        {
            _addText = null;
        }
    }

    private void StartEdit(Question question)
    {
        _editing = question.QuestionId;
        _editText = question.Text;
    }

    private async Task SaveEditAsync(Question question)
    {
        if (string.IsNullOrWhiteSpace(_editText))
        {
            return;
        }

        if (await RunAsync(() => Questions.EditAsync(Token, question.QuestionId, _editText)))
        {
            _editing = null;
        }
    }

    private async Task ForwardAsync(Question question)
    {
        var groupId = ForwardTarget(question);
        if (await RunAsync(() => Questions.ForwardAsync(Token, question.QuestionId, groupId)))
        {
            _notice = L["Forwarded", GroupNumber(groupId)];
        }
    }

    /// <summary>Runs one action; a refusal is shown on the panel. True when it went through.</summary>
    private async Task<bool> RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        _notice = null;
        try
        {
            await action();
            return true;
        }
        catch (PadException ex)
        {
            _error = new QuestionRefusals(RefusalText).Describe(ex, _feed?.Current.Closed == true);
            return false;
        }
        finally
        {
            _busy = false;
        }
    }

    private string ForwardTarget(Question question) =>
        _forwardTo.TryGetValue(question.QuestionId, out var chosen) && chosen.Length > 0
            ? chosen
            : question.GroupId ?? State.Groups[0].GroupId;

    private int GroupNumber(string groupId) => State.Groups.FirstOrDefault(g => g.GroupId == groupId)?.Number ?? 0;

    private static string Pressed(bool on) => on ? "true" : "false";

    private static string ItemClass(Question question) =>
        question.Hidden ? "padhub-questions-panel-item padhub-questions-panel-hidden"
        : question.Pinned ? "padhub-questions-panel-item padhub-question-pinned"
        : "padhub-questions-panel-item";

    private string VotesText(int votes) =>
        PluralText.Format(L, "Votes", votes);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_feed is not null)
        {
            await _feed.DisposeAsync();
        }
    }
}

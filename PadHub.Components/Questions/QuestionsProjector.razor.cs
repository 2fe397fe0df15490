using Microsoft.AspNetCore.Components;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Layout;
using PadHub.Components.Contracts.Questions;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Pads;
using PadHub.Components.Sessions;

namespace PadHub.Components.Questions;

/// <summary>
/// The projector view of a session's questions (<c>/m/{moderatorToken}/questions</c>): the session through
/// <see cref="LiveSessionFeed.StartForModeratorAsync"/> (any other link is refused), the board through <see cref="LiveQuestionFeed"/>.
/// </summary>
public sealed partial class QuestionsProjector : ComponentBase, IAsyncDisposable
{
    /// <summary>How many questions follow the pinned one (a projector shows a few, large).</summary>
    internal const int MaxNext = 5;

    private LiveSessionFeed? _session;
    private LiveQuestionFeed? _questions;
    private ViewStatus _status = ViewStatus.Opening;
    private bool _disposed;

    /// <summary>The moderator's token.</summary>
    [Parameter, EditorRequired]
    public required string Token { get; set; }

    [Inject]
    private IWorkshopService Workshops { get; set; } = default!;

    [Inject]
    private IQuestionService Questions { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var (session, status) = await LiveSessionFeed.StartForModeratorAsync(Workshops, Token, () => InvokeAsync(StateHasChanged));
        if (session is null)
        {
            _status = status;
            return;
        }

        try
        {
            var questions = await LiveQuestionFeed.StartAsync(Questions, Token, () => InvokeAsync(StateHasChanged));
            (_session, _questions, _status) = (session, questions, ViewStatus.Ready);
        }
        catch (PadException ex)
        {
            await session.DisposeAsync();
            _status = ex.ToViewStatus();
            return;
        }

        if (_disposed)
        {
            await DisposeAsync();
        }
    }

    private string Meta(SessionState state, Question question)
    {
        var target = question.GroupId is null
            ? L["ToSpeakers"].Value
            : state.Groups.FirstOrDefault(g => g.GroupId == question.GroupId) is { } group ? L["ToGroup", group.Number, group.Name].Value : "";
        var who = question.Source ?? question.Name;
        return who is null ? target : $"{target} · {who}";
    }

    private string VotesText(int votes) =>
        PluralText.Format(L, "Votes", votes);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_questions is not null)
        {
            await _questions.DisposeAsync();
        }

        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
    }
}

using PadHub.Components.Contracts.Questions;

namespace PadHub.Components.Questions;

/// <summary>
/// A view's follow of a session's questions: <see cref="Current"/> is the newest board seen, by
/// <see cref="QuestionBoard.Version"/>, and <c>render</c> is called after each newer one (the service delivers boards in
/// order, one call at a time; the version check covers a board delivered before the subscription was returned).
/// </summary>
internal sealed class LiveQuestionFeed : IAsyncDisposable
{
    private readonly Func<Task> _render;
    private IQuestionSubscription? _subscription;
    private QuestionBoard? _latest;

    private LiveQuestionFeed(Func<Task> render) => _render = render;

    /// <summary>The newest board seen.</summary>
    public QuestionBoard Current => Volatile.Read(ref _latest)!;

    /// <summary>Starts following; <paramref name="render"/> is called (from any thread, one call at a time) after newer boards.</summary>
    /// <exception cref="Contracts.Pads.PadException">The token is unknown or revoked.</exception>
    public static async Task<LiveQuestionFeed> StartAsync(IQuestionService questions, string token, Func<Task> render, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var feed = new LiveQuestionFeed(render);
        feed._subscription = await questions.WatchAsync(token, feed.OnChangedAsync, cancellationToken);
        feed.Offer(feed._subscription.Current);
        return feed;
    }

    public ValueTask DisposeAsync() => _subscription?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async ValueTask OnChangedAsync(QuestionBoard board)
    {
        if (Offer(board))
        {
            await _render();
        }
    }

    private bool Offer(QuestionBoard board)
    {
        while (true)
        {
            var latest = Volatile.Read(ref _latest);
            if (latest is not null && latest.Version >= board.Version)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _latest, board, latest) == latest)
            {
                return true;
            }
        }
    }
}

namespace PadHub.Components.Contracts.Questions;

/// <summary>A live view of a session's questions. Dispose to stop.</summary>
public interface IQuestionSubscription : IAsyncDisposable
{
    /// <summary>Whether this watch sees hidden questions (the moderator's).</summary>
    bool SeesHidden { get; }

    /// <summary>The board when subscribed, then the latest one delivered.</summary>
    QuestionBoard Current { get; }
}

namespace PadHub.Components.Contracts.Questions;

/// <summary>The limits of questions, the same for the server and the forms.</summary>
public static class QuestionLimits
{
    /// <summary>A question's text, in characters (UTF-16 code units).</summary>
    public const int MaxTextLength = 500;

    /// <summary>The optional name of who asks.</summary>
    public const int MaxNameLength = 60;

    /// <summary>Where a question added by the moderator came from.</summary>
    public const int MaxSourceLength = 200;

    /// <summary>The shortest participant id (long enough to be unguessable).</summary>
    public const int MinParticipantIdLength = 32;

    /// <summary>The longest participant id.</summary>
    public const int MaxParticipantIdLength = 64;

    /// <summary>Questions a session can hold (hidden ones included).</summary>
    public const int MaxQuestionsPerSession = 2000;
}

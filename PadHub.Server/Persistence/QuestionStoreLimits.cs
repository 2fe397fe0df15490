namespace PadHub.Server.Persistence;

/// <summary>
/// Column sizes of the questions tables (beside <see cref="StoreLimits"/>). They hold what the question service lets
/// through (<c>QuestionLimits</c>, checked by a test); <see cref="EfQuestionStore"/> checks them itself, as SQLite does not.
/// </summary>
public static class QuestionStoreLimits
{
    public const int MaxTextLength = 500;

    public const int MaxNameLength = 60;

    public const int MaxSourceLength = 200;

    /// <summary>A participant key: base64url of a SHA-256 (43 characters).</summary>
    public const int MaxParticipantKeyLength = 64;
}

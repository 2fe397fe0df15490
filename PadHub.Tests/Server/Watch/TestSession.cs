namespace PadHub.Tests.Server.Watch;

internal sealed record TestSession(string ModeratorToken, string AudienceToken, IReadOnlyList<string> PadIds)
{
    public string NoteTakerToken(int group) => $"note-{ModeratorToken[4..]}-{group}";
}

namespace PadHub.Components.Contracts.Pads;

/// <summary>A pad as the live views show it.</summary>
/// <param name="Revision">The revision <paramref name="Text"/> is at.</param>
/// <param name="Participants">Who has the pad open now.</param>
/// <param name="TypingAuthorIds">Authors who committed an edit in the last few seconds.</param>
/// <param name="EditsPerMinute">Committed operations per minute over the last 5 minutes, oldest first (5 buckets).</param>
/// <param name="LastEditAt">Server time of the last committed edit; null when none since the server started watching.</param>
public sealed record PadWatchSnapshot(
    string PadId,
    int Revision,
    string Text,
    IReadOnlyList<PadParticipant> Participants,
    IReadOnlyList<string> TypingAuthorIds,
    IReadOnlyList<int> EditsPerMinute,
    DateTimeOffset? LastEditAt);

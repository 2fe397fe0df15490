namespace PadHub.Components.Contracts.Questions;

/// <summary>A question asked from a page.</summary>
/// <param name="ParticipantId">
/// The asking browser's participant id: a secret random id kept in its localStorage
/// (<see cref="QuestionLimits.MinParticipantIdLength"/> to <see cref="QuestionLimits.MaxParticipantIdLength"/> characters of
/// A-Z, a-z, 0-9, '-', '_'). Never shown, never logged.
/// </param>
/// <param name="Text">At most <see cref="QuestionLimits.MaxTextLength"/> characters.</param>
/// <param name="GroupId">The group the question is for, or null for the speakers (the plenary).</param>
/// <param name="Name">Who asks (optional, at most <see cref="QuestionLimits.MaxNameLength"/> characters).</param>
/// <param name="ConnectionId">
/// The asking page's connection (a circuit's own random id, made on the server), limited like the participant; null
/// when the caller has none.
/// </param>
public sealed record QuestionAsk(string ParticipantId, string Text, string? GroupId = null, string? Name = null, string? ConnectionId = null);

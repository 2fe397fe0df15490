namespace PadHub.Components.Contracts.Participation;

/// <summary>The bounds the participation service enforces (the UI shows the same).</summary>
public static class ParticipationLimits
{
    /// <summary>A help call's message, in characters.</summary>
    public const int MaxHelpMessageLength = 200;

    /// <summary>Live follows one session counts at most (every page beyond it is refused <c>too-large</c>).</summary>
    public const int MaxFollowersPerSession = 20_000;

    /// <summary>The shortest time between two calls of one group.</summary>
    public static readonly TimeSpan HelpCallInterval = TimeSpan.FromSeconds(15);
}

namespace PadHub.Components.Contracts.Sessions;

/// <summary>The phase timer: running toward <see cref="EndsAt"/>, or paused/not started with <see cref="Remaining"/> left.</summary>
/// <param name="PhaseIndex">Index into <see cref="SessionState.Phases"/>.</param>
/// <param name="Running">Counting down now.</param>
/// <param name="EndsAt">Server UTC time the phase ends when running; null otherwise.</param>
/// <param name="Remaining">Time left when not running (the full duration before the phase starts).</param>
public sealed record PhaseTimer(int PhaseIndex, bool Running, DateTimeOffset? EndsAt, TimeSpan Remaining)
{
    /// <summary>Time left at <paramref name="now"/> (server clock); negative once overrun.</summary>
    public TimeSpan RemainingAt(DateTimeOffset now) => Running && EndsAt is { } end ? end - now : Remaining;
}

namespace PadHub.Server.Sessions;

/// <summary>Workshop-session settings, bound from the <c>PadHub</c> configuration section.</summary>
public sealed record WorkshopOptions
{
    public const string SectionName = "PadHub";

    /// <summary>
    /// Seed the reference workshop ("IGF 2018 WS #42") when the database has no session at all, and print its moderator
    /// link at start-up. Tests turn it off.
    /// </summary>
    public bool SeedDemo { get; init; } = true;
}

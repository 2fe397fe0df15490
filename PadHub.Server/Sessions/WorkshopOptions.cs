namespace PadHub.Server.Sessions;

/// <summary>Workshop-session settings, bound from the <c>PadHub</c> configuration section.</summary>
public sealed record WorkshopOptions
{
    public const string SectionName = "PadHub";

    /// <summary>
    /// Seed the reference workshop ("IGF 2018 WS #42") when the database has no session at all. Unset: on in Development
    /// only. Its moderator link is printed at start-up in Development only (elsewhere it is only in the owner-only file).
    /// </summary>
    public bool? SeedDemo { get; init; }

    /// <summary>Whether to seed the demo in <paramref name="environment"/>.</summary>
    public bool ShouldSeedDemo(IHostEnvironment environment) => SeedDemo ?? environment.IsDevelopment();
}

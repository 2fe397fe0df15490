namespace PadHub.Components.Contracts.Sessions;

/// <summary>Defaults for a new session.</summary>
public static class SessionDefaults
{
    /// <summary>Introduction 15 min, Breakout groups 45 min, Conclusions 20 min, Wrap-up 10 min.</summary>
    public static IReadOnlyList<SessionPhase> Phases { get; } =
    [
        new("Introduction", TimeSpan.FromMinutes(15)),
        new("Breakout groups", TimeSpan.FromMinutes(45)),
        new("Conclusions", TimeSpan.FromMinutes(20)),
        new("Wrap-up", TimeSpan.FromMinutes(10)),
    ];

    /// <summary>The heading of the section the dashboard and the conclusions page gather.</summary>
    public const string ConclusionsHeading = "Conclusions";

    /// <summary>Every pad's initial Markdown.</summary>
    public const string PadTemplate = "# {group}: {topic}\n\n## Participants\n\n\n## Key points\n\n\n## Questions\n\n\n## Conclusions\n\n";
}

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

    /// <summary>The pad template's last section, and the title of the dashboard's box of marked conclusions.</summary>
    public const string ConclusionsHeading = "Conclusions";

    /// <summary>
    /// Every pad's initial Markdown. Its Conclusions section says how to mark a conclusion; the example sits in a code
    /// span, so the hint itself is never one (<see cref="Markdown.PadConclusions"/>).
    /// </summary>
    public const string PadTemplate = "# {group}: {topic}\n\n## Participants\n\n\n## Key points\n\n\n## Questions\n\n\n## Conclusions\n\n"
        + ConclusionsHint + "\n\n";

    /// <summary>The template's line under Conclusions telling how to mark one (a code span: not itself a conclusion).</summary>
    public const string ConclusionsHint =
        "*Mark each conclusion: select it and press **Mark as conclusion** (Ctrl+Shift+H), or type `==your conclusion==`. "
        + "Only marked passages count as the group's conclusions.*";
}

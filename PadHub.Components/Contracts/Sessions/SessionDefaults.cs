using PadHub.Components.Layout;

namespace PadHub.Components.Contracts.Sessions;

/// <summary>Defaults for a new session, in each language a session can have.</summary>
public static class SessionDefaults
{
    /// <summary>A session's language when it names none.</summary>
    public const string Language = AppCultures.Default;

    /// <summary>The languages a session's template pads and exports can be in (the UI's languages).</summary>
    public static IReadOnlyList<string> Languages { get; } = [.. AppCultures.All.Select(c => c.Name)];

    /// <summary>Introduction 15 min, Breakout groups 45 min, Conclusions 20 min, Wrap-up 10 min.</summary>
    public static IReadOnlyList<SessionPhase> Phases { get; } =
    [
        new("Introduction", TimeSpan.FromMinutes(15)),
        new("Breakout groups", TimeSpan.FromMinutes(45)),
        new("Conclusions", TimeSpan.FromMinutes(20)),
        new("Wrap-up", TimeSpan.FromMinutes(10)),
    ];

    private static readonly IReadOnlyList<SessionPhase> FrenchPhases =
    [
        new("Introduction", TimeSpan.FromMinutes(15)),
        new("Travail en groupes", TimeSpan.FromMinutes(45)),
        new("Conclusions", TimeSpan.FromMinutes(20)),
        new("Synthèse", TimeSpan.FromMinutes(10)),
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

    /// <summary><see cref="PadTemplate"/> in French (the same sections; the hint names the French button).</summary>
    public const string FrenchPadTemplate =
        "# {group} : {topic}\n\n## Participants\n\n\n## Points clés\n\n\n## Questions\n\n\n## Conclusions\n\n"
        + "*Marquez chaque conclusion : sélectionnez-la et appuyez sur **Marquer comme conclusion** (Ctrl+Maj+H), "
        + "ou tapez `==votre conclusion==`. Seuls les passages marqués comptent comme conclusions du groupe.*\n\n";

    /// <summary>The default schedule in <paramref name="language"/> (English for anything but <c>fr</c>).</summary>
    public static IReadOnlyList<SessionPhase> PhasesIn(string? language) => language == "fr" ? FrenchPhases : Phases;

    /// <summary>The default pad template in <paramref name="language"/> (English for anything but <c>fr</c>).</summary>
    public static string PadTemplateIn(string? language) => language == "fr" ? FrenchPadTemplate : PadTemplate;
}

using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Results;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Markdown;

namespace PadHub.Tests.Server.Results;

/// <summary>Hand-made results snapshots for the export engine's tests.</summary>
internal static class ResultsSamples
{
    public const string ResultsUrl = "https://pads.example.org/r/results-token";

    public static readonly DateTimeOffset Created = new(2026, 12, 3, 13, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Ended = new(2026, 12, 3, 14, 30, 0, TimeSpan.Zero);

    /// <summary>Everything a hostile participant might type into a pad.</summary>
    public const string HostilePad = """
        # Notes <script>alert('title')</script>

        <img src=x onerror=alert(1)> and <iframe src="https://evil.example/"></iframe>
        [click](javascript:alert(2)) and ![pixel](https://tracker.example/p.png)

        `==not a mark, code==` and a real ==conclusion with <b>tags</b>==

        ```
        ==fenced, not a mark==
        ```

            ==indented code, not a mark==

        =HYPERLINK("https://evil.example/","x")
        ==+cmd|' /C calc'!A0==
        ==@SUM(1,2)==
        ==-2+3==
        ==	tab first==
        """;

    public static ResultsSnapshot Snapshot(bool ended = true, string firstPad = "# Group one\n\n==We agree, \"mostly\"==\n\nThen ==share data openly==.\n", string? groupName = null) =>
        new(
            "0195f3c2a1b24c7d8e9f001122334455",
            7,
            "Commons & open data",
            "A workshop about commons.",
            [new SessionPhase("Introduction", TimeSpan.FromMinutes(15)), new SessionPhase("Breakout groups", TimeSpan.FromMinutes(45))],
            SessionLicences.Find("CC-BY-SA-4.0")!,
            Created,
            ended ? Ended : null,
            Ended.AddMinutes(5),
            CreditContributors: false,
            [
                Group(1, groupName ?? "Data, commons", "Rapporteur, One", firstPad, [new("Contributor 1", 120, 30, 100), new("Contributor 2", 40, 4, 0)]),
                Group(2, "Second", null, "Nothing marked here.\n", [new("Contributor 2", 22, 22, 22)]),
            ],
            [
                new("q1", Group: 2, "=HYPERLINK(\"x\") is this, \"safe\"?\nSecond line", "Ada", null, Votes: 3, Created.AddMinutes(5), Pinned: true, Answered: false, ForwardedToGroup: 2),
                new("q2", Group: null, "To the speakers?", null, "Twitter, @someone", Votes: 0, Created.AddMinutes(6), Pinned: false, Answered: true, ForwardedToGroup: null),
            ]);

    private static ResultsGroup Group(int number, string name, string? rapporteur, string text, IReadOnlyList<ResultsContribution> contributions) =>
        new(
            $"g{number}",
            number,
            name,
            $"Topic {number}",
            [$"Animator {number}", "Second animator"],
            rapporteur,
            new ResultsPad(
                $"pad{number}",
                10 + number,
                text,
                PadConclusions.Extract(text),
                [new PadNamedRevision(3, "before conclusions", "a1", Created.AddMinutes(30))],
                contributions));
}

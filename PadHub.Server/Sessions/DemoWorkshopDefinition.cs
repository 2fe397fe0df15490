using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Sessions;

/// <summary>The user's reference workshop, seeded into an empty database as the demo.</summary>
internal static class DemoWorkshopDefinition
{
    public const string Title = "IGF 2018 WS #42 - From commons to open data: the case of social innovations";

    public static CreateSessionRequest Request { get; } = new(
        Title,
        "How do commons-based social innovations produce, enrich and share open data? Three breakout groups work on one "
        + "question each for 45 minutes, then bring their conclusions back to the room.",
        [
            new GroupDefinition("Open data sources",
                "How to create favorable conditions for collecting and enriching open data from diverse origins?", ["Animator A", "Animator B"]),
            new GroupDefinition("Local and European commons",
                "What benefits of Common Goods projects at local and European levels?", ["Animator C", "Animator D"]),
            new GroupDefinition("Everyday open data",
                "How to promote open data in day-to-day practices to contribute to a Common Goods project?", ["Animator E", "Animator F"]),
        ]);

    /// <summary>The display name the seeded notes are written under.</summary>
    public const string NoteTaker = "Demo note-taker";

    /// <summary>Each group's seeded notes, in group order: a few key points and one or two marked conclusions.</summary>
    public static IReadOnlyList<DemoPadNotes> Notes { get; } =
    [
        new(
            "- Public bodies, associations and citizens all collect data, rarely in formats that fit together.\n"
            + "- Volunteers enrich data when they see it reused: maps, local services, research.\n",
            "- ==Publish under an open licence from the start: people contribute when their data stays a commons.==\n"
            + "- ==Document where the data comes from and how it was gathered, so others can enrich it instead of starting over.==\n"),
        new(
            "- Local projects (community networks, shared maps, repair cafés) create value their members can see.\n"
            + "- European programmes fund pilots, rarely the maintenance that follows.\n",
            "- ==Commons need long-term funding for maintenance, not only for pilots.==\n"
            + "- ==Local projects gain from European networks when their data and tools are shared openly.==\n"),
        new(
            "- People use open data every day (timetables, air quality) without knowing it.\n"
            + "- Schools and libraries are where data literacy can start.\n",
            "- ==Credit open data where people meet it: every app built on it names its source.==\n"
            + "- Follow-up meeting with the libraries in March.\n"),
    ];
}

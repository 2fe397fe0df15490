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
}

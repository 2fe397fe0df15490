using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Persistence;

/// <summary>The author of a pad's initial text (seeded into <c>Authors</c> by the first migration).</summary>
public static class SystemAuthor
{
    public const string Id = "system";

    public const string DisplayName = "PadHub";

    public const string Color = "#9e9e9e";

    public static PadAuthor Author { get; } = new(Id, DisplayName, Color);
}

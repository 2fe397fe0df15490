namespace PadHub.Server.Persistence.Entities;

/// <summary>A row of <c>Authors</c>: the name and colour shown for an author id.</summary>
public sealed class AuthorEntity
{
    public required string Id { get; init; }

    public required string DisplayName { get; set; }

    /// <summary>CSS colour, e.g. <c>#1e88e5</c>.</summary>
    public required string Color { get; set; }
}

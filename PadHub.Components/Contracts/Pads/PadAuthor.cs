namespace PadHub.Components.Contracts.Pads;

/// <summary>An author whose text is in the pad or who is in it now.</summary>
public sealed record PadAuthor(string AuthorId, string DisplayName, string Color);

namespace PadHub.Components.Editor;

/// <summary>What the tab's browser storage holds about the user.</summary>
/// <param name="ClientId">The tab's secret client id (sessionStorage: a reload keeps it, a new tab gets a new one).</param>
/// <param name="DisplayName">The remembered display name, or null on a first visit.</param>
public sealed record EditorIdentity(string ClientId, string? DisplayName);

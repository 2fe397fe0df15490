namespace PadHub.Components.Contracts.Sessions;

/// <summary>
/// The seeded reference workshop ("IGF 2018 WS #42"), when the host shows it (Development). The home page lists its links.
/// Not registered, or <see cref="Links"/> null, when there is no demo to show.
/// </summary>
public interface IDemoWorkshop
{
    /// <summary>The demo session's links, or null when none is known.</summary>
    SessionLinks? Links { get; }
}

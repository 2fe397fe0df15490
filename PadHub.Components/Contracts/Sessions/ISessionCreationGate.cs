using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.Contracts.Sessions;

/// <summary>
/// Who may create a session from the home page (one instance per page / circuit, which knows its client). Optional:
/// without it the form creates sessions for anyone, as in Development.
/// </summary>
public interface ISessionCreationGate
{
    /// <summary>What the form must ask for.</summary>
    SessionCreationAccess Access { get; }

    /// <summary>
    /// Admits one creation: checks <paramref name="organiserKey"/> when <see cref="Access"/> is
    /// <see cref="SessionCreationAccess.KeyRequired"/> (in constant time) and the client's creation limit.
    /// </summary>
    /// <exception cref="Pads.PadException"><c>forbidden</c> (no or wrong key, or creation disabled) or <c>rate-limited</c> (the limit is reached; the message says when to retry).</exception>
    void Admit(string? organiserKey);
}

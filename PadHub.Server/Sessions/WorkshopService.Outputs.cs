using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Sessions;

// Issue 12: the workshop's outputs (rapporteurs, spotlight, ending the session) are being built on branch issue12-session.
internal sealed partial class WorkshopService
{
    public Task SetRapporteurAsync(string moderatorToken, string groupId, string? rapporteur, CancellationToken cancellationToken = default) =>
        throw NotYet();

    public Task SetSpotlightAsync(string moderatorToken, Spotlight? spotlight, CancellationToken cancellationToken = default) => throw NotYet();

    public Task EndSessionAsync(string moderatorToken, CancellationToken cancellationToken = default) => throw NotYet();

    public Task ReopenSessionAsync(string moderatorToken, CancellationToken cancellationToken = default) => throw NotYet();

    private static PadException NotYet() => new(PadErrorCodes.InvalidOp, "This is not available yet.");
}

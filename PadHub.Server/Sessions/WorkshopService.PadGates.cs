using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Pads;

namespace PadHub.Server.Sessions;

/// <summary>Session links on pads: the gate a pad connection keeps to re-check its access at every call.</summary>
internal sealed partial class WorkshopService
{
    public async Task<ISessionPadGate?> ResolveAsync(string token, string? padId, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await FindAsync(token, cancellationToken).ConfigureAwait(false) is not var (runtime, grant))
            {
                return null;
            }

            if (ResolvePad(runtime, grant, padId) is { } gate)
            {
                return gate;
            }

            // Retired by the idle sweep between the lookup and now: the next lookup loads it afresh.
        }
    }

    private SessionPadGate? ResolvePad(SessionRuntime runtime, SessionGrant grant, string? padId)
    {

        string target;
        if (string.IsNullOrEmpty(padId))
        {
            if (grant.Role != SessionRole.NoteTaker)
            {
                throw new PadException(PadErrorCodes.InvalidOp,
                    $"A {SessionLinkSecret.Describe(grant.Role)} link reaches every pad of the session: say which pad to join (padId).");
            }

            target = runtime.GroupsById[grant.GroupId!].PadId;
        }
        else
        {
            if (!runtime.GroupsByPad.TryGetValue(padId, out var group))
            {
                throw new PadException(PadErrorCodes.Forbidden, $"This link does not grant access to pad '{padId}'.");
            }

            if (grant.Role == SessionRole.NoteTaker && !string.Equals(group.GroupId, grant.GroupId, StringComparison.Ordinal))
            {
                throw new PadException(PadErrorCodes.Forbidden, "A note-taker link opens only its own group's pad.");
            }

            target = padId;
        }

        return runtime.AddPadGate(grant, target, ex => LogAccessDeliveryFailed(logger, runtime.SessionId, ex));
    }
}

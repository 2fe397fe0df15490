using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PadHub.Server.Participation;

/// <summary>Tells the circuit's <see cref="CircuitParticipationService"/> when its connection goes down and comes back.</summary>
internal sealed class ParticipationCircuitHandler(CircuitParticipationService participation) : CircuitHandler
{
    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken) => participation.ConnectionDownAsync();

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) => participation.ConnectionUpAsync();
}

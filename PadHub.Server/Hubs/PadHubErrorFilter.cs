using Microsoft.AspNetCore.SignalR;
using PadHub.Components.Pads;

namespace PadHub.Server.Hubs;

/// <summary>Turns refused requests into <see cref="HubException"/>s whose message starts with the stable code (<c>forbidden: ...</c>).</summary>
internal sealed class PadHubErrorFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (PadException ex)
        {
            throw new HubException(ex.Message, ex);
        }
    }
}

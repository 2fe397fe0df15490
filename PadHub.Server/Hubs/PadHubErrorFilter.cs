using Microsoft.AspNetCore.SignalR;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Hubs;

/// <summary>
/// Turns refused requests into <see cref="HubException"/>s whose message starts with the stable code (<c>forbidden: ...</c>)
/// and does the hub's error logging: a refusal is the client's doing, logged at Information without a stack trace and
/// at most <see cref="RefusalLogBudget"/> lines per connection; anything else is a server fault, logged at Error with
/// its exception. (SignalR's own "Failed to invoke hub method" error, which would log every refusal with a stack
/// trace, is filtered out where the hub is registered.)
/// </summary>
internal sealed partial class PadHubErrorFilter(TimeProvider time, ILogger<PadHubErrorFilter> logger) : IHubFilter
{
    /// <summary>The category of SignalR's dispatcher, whose invocation-failure log this filter replaces.</summary>
    public const string DispatcherLogCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    private const string BudgetKey = "padhub.refusal-log";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(invocationContext);
        }
        catch (PadException ex)
        {
            var context = invocationContext.Context;
            if (Budget(context).TryLog(out var suppressed))
            {
                // The code and the method only: a refusal's message can quote what the client sent.
                LogRefused(logger, context.ConnectionId, invocationContext.HubMethodName, ex.Code, suppressed);
            }

            throw new HubException(ex.Message);
        }
        catch (HubException)
        {
            throw;
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogFault(logger, invocationContext.Context.ConnectionId, invocationContext.HubMethodName, ex);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context, exception);
        if (context.Context.Items.TryGetValue(BudgetKey, out var value) && value is RefusalLogBudget budget && budget.TakeSuppressed() is > 0 and var count)
        {
            LogSuppressedAtDisconnect(logger, context.Context.ConnectionId, count);
        }
    }

    // Invocations of one connection run one at a time (MaximumParallelInvocationsPerClient = 1).
    private RefusalLogBudget Budget(HubCallerContext context)
    {
        if (context.Items.TryGetValue(BudgetKey, out var value) && value is RefusalLogBudget budget)
        {
            return budget;
        }

        budget = new RefusalLogBudget(time);
        context.Items[BudgetKey] = budget;
        return budget;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId}: {Method} refused ({Code}); {Suppressed} earlier refusal(s) of this connection not logged")]
    private static partial void LogRefused(ILogger logger, string connectionId, string method, string code, int suppressed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId} closed: {Count} more refused call(s) not logged")]
    private static partial void LogSuppressedAtDisconnect(ILogger logger, string connectionId, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Connection {ConnectionId}: {Method} failed on the server")]
    private static partial void LogFault(ILogger logger, string connectionId, string method, Exception exception);
}

using Microsoft.Extensions.Options;

namespace PadHub.Server.Sessions;

/// <summary>Runs <see cref="WorkshopService.UnloadIdle"/> four times per idle timeout.</summary>
internal sealed class SessionRuntimeSweeper(WorkshopService workshops, IOptions<SessionOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.IdleTimeout / 4, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                workshops.UnloadIdle();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

using Microsoft.Extensions.Options;

namespace PadHub.Server.Hosting;

/// <summary>Creates the data directory before the server takes requests, so that nothing later has to.</summary>
internal sealed partial class DataDirectoryInitializer(
    IOptions<PadHubOptions> options,
    IHostEnvironment environment,
    ILogger<DataDirectoryInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.GetDataDirectoryPath(environment.ContentRootPath);
        Directory.CreateDirectory(path);
        LogDataDirectory(logger, path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "PadHub data directory: {DataDirectory}")]
    private static partial void LogDataDirectory(ILogger logger, string dataDirectory);
}

using Microsoft.Extensions.Options;

namespace PadHub.Server.Hosting;

/// <summary>
/// Creates the data directory (and the Data Protection keys directory, owner-only) before the server takes requests, so
/// that nothing later has to.
/// </summary>
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
        if (!string.IsNullOrWhiteSpace(options.Value.DataProtectionKeysDirectory))
        {
            var keys = DataProtectionSetup.KeysPath(options.Value.DataProtectionKeysDirectory, environment.ContentRootPath);
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(keys);
            }
            else
            {
                Directory.CreateDirectory(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "PadHub data directory: {DataDirectory}")]
    private static partial void LogDataDirectory(ILogger logger, string dataDirectory);
}

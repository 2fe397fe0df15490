namespace PadHub.Server.Api;

/// <summary>Says at start how the API is keyed: prints a generated Development key, warns when no key is configured.</summary>
internal sealed partial class ApiKeyAnnouncer(IApiKeyProvider apiKeys, ILogger<ApiKeyAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (apiKeys.IsGenerated)
        {
            LogGeneratedKey(logger, apiKeys.ApiKey!);
        }
        else if (apiKeys.ApiKey is null)
        {
            LogNoKey(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "PadHub API key (Development, generated): {ApiKey} (set PadHub:ApiKey to choose one)")]
    private static partial void LogGeneratedKey(ILogger logger, string apiKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PadHub:ApiKey is not set: POST /api/pads answers 503 until it is")]
    private static partial void LogNoKey(ILogger logger);
}

namespace PadHub.Server.Api;

/// <summary>The API key the server accepts.</summary>
public interface IApiKeyProvider
{
    /// <summary>The accepted key: configured, or generated in Development; null when the API is disabled.</summary>
    string? ApiKey { get; }

    /// <summary>True when <see cref="ApiKey"/> was generated at start (Development with no <c>PadHub:ApiKey</c>).</summary>
    bool IsGenerated { get; }

    /// <summary>Whether <paramref name="presented"/> is the key, in time that does not depend on where they differ.</summary>
    bool Verify(string? presented);
}

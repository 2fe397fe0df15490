namespace PadHub.Server.Api;

/// <summary>Settings of the HTTP API, bound from the <c>PadHub</c> configuration section.</summary>
public sealed record PadApiOptions
{
    public const string SectionName = "PadHub";

    /// <summary>
    /// The key callers send in <c>X-Api-Key</c>. Unset in Development: a random key is generated at start and logged.
    /// Unset elsewhere: the API answers 503 until one is configured.
    /// </summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// Absolute http(s) base of the links the API returns, e.g. <c>https://pads.example.org</c> behind a proxy.
    /// Unset: the request's own scheme and host.
    /// </summary>
    public string? PublicBaseUrl { get; init; }

    internal static bool IsValidBaseUrl(string? value) =>
        string.IsNullOrEmpty(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(uri.Query)
            && string.IsNullOrEmpty(uri.Fragment));
}

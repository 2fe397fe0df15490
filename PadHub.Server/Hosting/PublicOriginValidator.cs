using Microsoft.Extensions.Options;
using PadHub.Server.Api;

namespace PadHub.Server.Hosting;

/// <summary>
/// Outside Development, links (API answers, share page) must not be built from a <c>Host</c> header nobody checked:
/// the server starts only with <c>PadHub:PublicBaseUrl</c> (links use it) or a host allow-list in <c>AllowedHosts</c>
/// (ASP.NET Core's host filtering answers 400 to any other host).
/// </summary>
internal sealed class PublicOriginValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<PadApiOptions>
{
    public const string AllowedHostsKey = "AllowedHosts";

    public ValidateOptionsResult Validate(string? name, PadApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (environment.IsDevelopment() || !string.IsNullOrEmpty(options.PublicBaseUrl) || HasHostAllowList(configuration[AllowedHostsKey]))
        {
            return ValidateOptionsResult.Success;
        }

        return ValidateOptionsResult.Fail(
            "Outside Development set PadHub:PublicBaseUrl (e.g. https://pads.example.org) or AllowedHosts (e.g. pads.example.org, not *): " +
            "links are never built from an unchecked Host header.");
    }

    /// <summary>A list of hosts that is not empty and has no "*" (which lets every host through).</summary>
    internal static bool HasHostAllowList(string? allowedHosts)
    {
        var hosts = (allowedHosts ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return hosts.Length > 0 && !hosts.Contains("*", StringComparer.Ordinal);
    }
}

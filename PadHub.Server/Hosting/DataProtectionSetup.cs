using Microsoft.AspNetCore.DataProtection;

namespace PadHub.Server.Hosting;

public static class DataProtectionSetup
{
    /// <summary>The application name that isolates PadHub's keys; stable so that every instance reads the same ones.</summary>
    public const string ApplicationName = "PadHub";

    /// <summary>Data Protection with PadHub's name, its keys in <see cref="PadHubOptions.DataProtectionKeysDirectory"/> when set.</summary>
    public static IServiceCollection AddPadHubDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment? environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        var configured = configuration[$"{PadHubOptions.SectionName}:{nameof(PadHubOptions.DataProtectionKeysDirectory)}"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = KeysPath(configured, environment?.ContentRootPath ?? AppContext.BaseDirectory);
            builder.PersistKeysToFileSystem(new DirectoryInfo(path));
        }

        return services;
    }

    /// <summary>The absolute keys folder for a configured value.</summary>
    public static string KeysPath(string configured, string contentRootPath) => Path.GetFullPath(configured, contentRootPath);
}

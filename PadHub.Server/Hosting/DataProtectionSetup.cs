using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace PadHub.Server.Hosting;

public static class DataProtectionSetup
{
    /// <summary>The application name that isolates PadHub's keys; stable so that every instance reads the same ones.</summary>
    public const string ApplicationName = "PadHub";

    /// <summary>Data Protection with PadHub's name, its keys in <see cref="PadHubOptions.DataProtectionKeysDirectory"/> when set.</summary>
    public static IServiceCollection AddPadHubDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);

        // Through options rather than PersistKeysToFileSystem, so that the setting is read once configuration is complete.
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<PadHubOptions>, IHostEnvironment, ILoggerFactory>((keys, options, environment, loggers) =>
        {
            if (!string.IsNullOrWhiteSpace(options.Value.DataProtectionKeysDirectory))
            {
                var path = KeysPath(options.Value.DataProtectionKeysDirectory, environment.ContentRootPath);
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(path), loggers);
            }
        });
        return services;
    }

    /// <summary>The absolute keys folder for a configured value.</summary>
    public static string KeysPath(string configured, string contentRootPath) => Path.GetFullPath(configured, contentRootPath);
}

using System.ComponentModel.DataAnnotations;

namespace PadHub.Server.Hosting;

/// <summary>The server's own settings, bound from the <c>PadHub</c> configuration section.</summary>
public sealed record PadHubOptions
{
    public const string SectionName = "PadHub";

    /// <summary>
    /// Folder for the server's files (the SQLite database once persistence lands). A relative path is resolved against
    /// the content root, so the default lands in the gitignored <c>PadHub.Server/data/</c> under <c>dotnet run</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; init; } = "data";

    /// <summary>
    /// Folder where ASP.NET Core Data Protection keeps its keys (antiforgery tokens, circuit state), so that they outlive
    /// a container; created owner-only. Relative paths are resolved against the content root. Unset: the framework's
    /// default place (the user profile, or memory only in a container).
    /// </summary>
    public string? DataProtectionKeysDirectory { get; init; }

    /// <summary>The absolute path of <see cref="DataDirectory"/>.</summary>
    public string GetDataDirectoryPath(string contentRootPath) => Path.GetFullPath(DataDirectory, contentRootPath);
}

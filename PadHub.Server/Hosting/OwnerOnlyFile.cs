using System.Text;

namespace PadHub.Server.Hosting;

/// <summary>Writes files that hold links or keys so that only the server's own user may read them (0600 on Unix).</summary>
internal static class OwnerOnlyFile
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Replaces <paramref name="path"/> with <paramref name="text"/>. The file is created with the owner-only mode (never
    /// readable by others, not even for a moment) and an existing file's mode is narrowed too.
    /// </summary>
    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Mode;
        }

        await using (var stream = new FileStream(path, options))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
        }

        // UnixCreateMode applies only to a new file: an older, wider file is narrowed here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, Mode);
        }
    }
}

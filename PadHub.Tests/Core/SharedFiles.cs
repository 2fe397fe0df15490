namespace PadHub.Tests.Core;

/// <summary>Finds the workplace's shared/ folder, which sits beside the repository (../shared from the folder holding PadHub.sln).</summary>
internal static class SharedFiles
{
    public static string OtFixture(string name) =>
        Path.Combine(Environment.GetEnvironmentVariable("PADHUB_OT_FIXTURES") ?? Path.Combine(SharedRoot(), "ot-fixtures"), name);

    private static string SharedRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PadHub.sln")))
            {
                return Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared"));
            }
        }

        throw new DirectoryNotFoundException($"No PadHub.sln above {AppContext.BaseDirectory}: cannot find ../shared.");
    }
}

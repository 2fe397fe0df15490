namespace PadHub.Tests.Core;

/// <summary>
/// Finds the workplace's shared/ folder: beside the repository (../shared from the folder holding PadHub.sln, as CI
/// lays it out), or beside an ancestor of it (a git worktree one level deeper), or PADHUB_OT_FIXTURES.
/// </summary>
internal static class SharedFiles
{
    public static string OtFixture(string name) =>
        Path.Combine(Environment.GetEnvironmentVariable("PADHUB_OT_FIXTURES") ?? Path.Combine(SharedRoot(), "ot-fixtures"), name);

    private static string SharedRoot()
    {
        var repository = RepositoryRoot();
        for (var directory = repository.Parent; directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "ot-fixtures")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No shared/ot-fixtures beside {repository.FullName} or its ancestors; set PADHUB_OT_FIXTURES.");
    }

    private static DirectoryInfo RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PadHub.sln")))
            {
                return directory;
            }
        }

        throw new DirectoryNotFoundException($"No PadHub.sln above {AppContext.BaseDirectory}.");
    }
}

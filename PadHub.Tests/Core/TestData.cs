namespace PadHub.Tests.Core;

/// <summary>
/// Finds the test data kept in the repository (<c>testdata/</c> beside PadHub.sln); PADHUB_OT_FIXTURES points the OT
/// fixtures at another folder (e.g. a freshly generated set).
/// </summary>
internal static class TestData
{
    public static string OtFixture(string name) =>
        Path.Combine(Environment.GetEnvironmentVariable("PADHUB_OT_FIXTURES") ?? Path.Combine(RepositoryRoot().FullName, "testdata", "ot-fixtures"), name);

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

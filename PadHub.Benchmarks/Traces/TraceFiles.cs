namespace PadHub.Benchmarks.Traces;

/// <summary>Finds the editing traces (<c>*.json.gz</c>) kept in the repository under <c>testdata/traces</c>.</summary>
public static class TraceFiles
{
    /// <summary>Environment variable that overrides the traces folder.</summary>
    public const string EnvironmentVariable = "PADHUB_TRACES";

    /// <summary>The trace the side-by-side run and the headline benchmark use.</summary>
    public const string AutomergePaper = "automerge-paper";

    private static readonly Lazy<string> LocatedSolution = new(FindSolutionDirectory);
    private static readonly Lazy<string> LocatedDirectory = new(Locate);

    /// <summary>The traces folder.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither <see cref="EnvironmentVariable"/> nor the repo layout leads to it.</exception>
    public static string Directory => LocatedDirectory.Value;

    /// <summary>The full path of trace <paramref name="name"/> (without <c>.json.gz</c>).</summary>
    public static string PathOf(string name)
    {
        var path = System.IO.Path.Combine(Directory, name + ".json.gz");
        return File.Exists(path) ? path : throw new FileNotFoundException($"No trace named '{name}' in {Directory}.", path);
    }

    /// <summary>Every trace file in the folder, ordered by name.</summary>
    public static IReadOnlyList<string> All() =>
        [.. System.IO.Directory.GetFiles(Directory, "*.json.gz").Order(StringComparer.Ordinal)];

    /// <summary>
    /// The folder holding PadHub.sln, found by walking up from the running assembly (BenchmarkDotNet runs the suites
    /// from a generated project under bin/, still inside the repo).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The program does not run from inside the repo.</exception>
    public static string SolutionDirectory => LocatedSolution.Value;

    private static string FindSolutionDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PadHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} contains PadHub.sln.");
    }

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return System.IO.Directory.Exists(fromEnvironment)
                ? System.IO.Path.GetFullPath(fromEnvironment)
                : throw new DirectoryNotFoundException($"{EnvironmentVariable}={fromEnvironment} is not a folder.");
        }

        var inRepository = System.IO.Path.Combine(SolutionDirectory, "testdata", "traces");
        return System.IO.Directory.Exists(inRepository)
            ? inRepository
            : throw new DirectoryNotFoundException($"No {inRepository}; set {EnvironmentVariable} to the traces folder.");
    }
}

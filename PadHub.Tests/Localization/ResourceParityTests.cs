using System.Text.RegularExpressions;
using System.Xml.Linq;
using PadHub.Components.Layout;

namespace PadHub.Tests.Localization;

/// <summary>
/// Every resource file of the solution has a twin in every other language, with exactly the same keys, the same
/// <c>{n}</c> placeholders in each value, and no empty value: a string missing in one language fails here, not in front
/// of the room.
/// </summary>
public sealed partial class ResourceParityTests
{
    public static TheoryData<string> NeutralFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in NeutralResourceFiles())
        {
            data.Add(Path.GetRelativePath(RepositoryRoot(), file));
        }
        return data;
    }

    [Fact]
    public void Solution_HasResourceFiles()
    {
        Assert.NotEmpty(NeutralResourceFiles());
    }

    [Fact]
    public void EveryTranslation_HasItsNeutralFile()
    {
        var orphans = Directory.EnumerateFiles(RepositoryRoot(), "*.resx", SearchOption.AllDirectories)
            .Where(IsSource)
            .Where(f => Translated(f) is { } culture && !File.Exists(NeutralOf(f, culture)))
            .Select(f => Path.GetRelativePath(RepositoryRoot(), f))
            .ToList();

        Assert.True(orphans.Count == 0, "Translations without an English file: " + string.Join(", ", orphans));
    }

    [Theory]
    [MemberData(nameof(NeutralFiles))]
    public void ResourceFile_EveryLanguage_SameKeysPlaceholdersAndNoEmptyValue(string relativePath)
    {
        var neutralPath = Path.Combine(RepositoryRoot(), relativePath);
        var neutral = Read(neutralPath);
        var problems = new List<string>();
        problems.AddRange(neutral.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{relativePath}: '{e.Key}' is empty"));

        foreach (var culture in AppCultures.All.Where(c => c.Name != AppCultures.Default))
        {
            var path = Path.ChangeExtension(neutralPath, $".{culture.Name}.resx");
            var name = Path.GetRelativePath(RepositoryRoot(), path);
            if (!File.Exists(path))
            {
                problems.Add($"{name} is missing");
                continue;
            }

            problems.AddRange(Compare(relativePath, neutral, name, Read(path)));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Compare_BrokenTwin_ReportsMissingExtraEmptyAndPlaceholders()
    {
        // The check itself can fail.
        var english = new Dictionary<string, string> { ["Votes"] = "{0} votes", ["Ask"] = "Ask", ["Send"] = "Send" };
        var french = new Dictionary<string, string> { ["Votes"] = "{1} votes", ["Send"] = " ", ["Extra"] = "x" };

        var problems = Compare("X.resx", english, "X.fr.resx", french);

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("'Ask' is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Extra' is not in", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Send' is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'Votes' has placeholders", StringComparison.Ordinal));
    }

    private static List<string> Compare(
        string neutralName, Dictionary<string, string> neutral, string name, Dictionary<string, string> translated)
    {
        var problems = new List<string>();
        problems.AddRange(neutral.Keys.Except(translated.Keys).Select(k => $"{name}: '{k}' is missing"));
        problems.AddRange(translated.Keys.Except(neutral.Keys).Select(k => $"{name}: '{k}' is not in {neutralName}"));
        foreach (var (key, value) in translated)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{name}: '{key}' is empty");
            }
            else if (neutral.TryGetValue(key, out var english) && Placeholders(english) != Placeholders(value))
            {
                problems.Add($"{name}: '{key}' has placeholders {Placeholders(value)}, English has {Placeholders(english)}");
            }
        }
        return problems;
    }

    private static string Placeholders(string value) =>
        string.Join(",", PlaceholderPattern().Matches(value).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal));

    internal static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static List<string> NeutralResourceFiles() =>
        Directory.EnumerateFiles(RepositoryRoot(), "*.resx", SearchOption.AllDirectories)
            .Where(IsSource)
            .Where(f => Translated(f) is null)
            .Order(StringComparer.Ordinal)
            .ToList();

    // X.fr.resx -> "fr"; X.resx -> null.
    private static string? Translated(string path)
    {
        var suffix = Path.GetExtension(Path.GetFileNameWithoutExtension(path)).TrimStart('.');
        return suffix.Length == 2 ? suffix : null;
    }

    private static string NeutralOf(string path, string culture) =>
        path[..^($".{culture}.resx".Length)] + ".resx";

    private static bool IsSource(string path)
    {
        var parts = Path.GetRelativePath(RepositoryRoot(), path).Split(Path.DirectorySeparatorChar);
        return !parts.Any(p => p is "bin" or "obj" or "node_modules" || p.StartsWith('.'));
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PadHub.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("PadHub.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}

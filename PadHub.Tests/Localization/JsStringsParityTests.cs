using System.Text.RegularExpressions;

namespace PadHub.Tests.Localization;

/// <summary>
/// A JS module's English defaults (its <c>englishStrings</c>) are only defaults: the component passes every one of them
/// from its resource files (<c>Js</c> + the PascalCase key), so no English is left on a French page.
/// </summary>
public sealed partial class JsStringsParityTests
{
    [Theory]
    [InlineData("PadHub.Components/Editor/src/strings.js", "PadHub.Components/Editor/PadEditor")]
    [InlineData("PadHub.Components/Results/ResultsDownloads.razor.js", "PadHub.Components/Results/ResultsDownloads")]
    public void EveryEnglishDefault_HasAResourceInEveryLanguage(string module, string resources)
    {
        var root = ResourceParityTests.RepositoryRoot();
        var source = File.ReadAllText(Path.Combine(root, module));
        var block = EnglishStrings().Match(source);
        Assert.True(block.Success, "no englishStrings object in " + module);
        var keys = Key().Matches(block.Groups[1].Value).Select(m => "Js" + char.ToUpperInvariant(m.Groups[1].Value[0]) + m.Groups[1].Value[1..]).ToList();
        Assert.NotEmpty(keys);

        foreach (var file in new[] { resources + ".resx", resources + ".fr.resx" })
        {
            var texts = ResourceParityTests.Read(Path.Combine(root, file));
            var missing = keys.Where(k => !texts.ContainsKey(k)).ToList();
            Assert.True(missing.Count == 0, $"{file} lacks {string.Join(", ", missing)}");
        }
    }

    [GeneratedRegex(@"englishStrings\s*=\s*Object\.freeze\(\{(.*?)\}\);", RegexOptions.Singleline)]
    private static partial Regex EnglishStrings();

    [GeneratedRegex(@"^\s*([a-zA-Z]+)\s*:", RegexOptions.Multiline)]
    private static partial Regex Key();
}

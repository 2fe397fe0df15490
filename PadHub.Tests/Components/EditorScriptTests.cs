using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PadHub.Tests.Components;

/// <summary>
/// Runs the editor's JS tests (node --test in PadHub.Components/Editor): the ot.js TextOperation against the 2,000
/// shared fixtures and the client state machine. They import no npm package, so node alone is enough.
/// </summary>
public sealed partial class EditorScriptTests
{
    [Fact]
    public async Task NodeTest_EditorSources_AllPass()
    {
        var editorDir = Path.Combine(FindRepoRoot(), "PadHub.Components", "Editor");
        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=tap", "test/"])
        {
            WorkingDirectory = editorDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await node.WaitForExitAsync(timeout.Token);
        var output = await stdout;

        Assert.True(node.ExitCode == 0, $"node --test exited with {node.ExitCode}:\n{output}\n{await stderr}");
        var passed = int.Parse(PassCount().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var failed = int.Parse(FailCount().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, failed);
        Assert.True(passed >= 19, $"only {passed} editor tests passed:\n{output}");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PadHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"PadHub.sln not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^# pass (\d+)$", RegexOptions.Multiline)]
    private static partial Regex PassCount();

    [GeneratedRegex(@"^# fail (\d+)$", RegexOptions.Multiline)]
    private static partial Regex FailCount();
}

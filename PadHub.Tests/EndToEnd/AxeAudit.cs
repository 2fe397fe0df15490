using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PadHub.Tests.EndToEnd;

/// <summary>axe-core on a live page: the one way the browser tests check accessibility (WCAG 2.2 AA rules).</summary>
public static class AxeAudit
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Fails with every serious or critical violation on <paramref name="page"/>, each with its nodes, so the message says what to fix.</summary>
    /// <param name="what">Names the page in the failure (e.g. "audience, fr, 390 px").</param>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what) =>
        Assert(await page.RunAxe(Options()), what);

    /// <summary>The same check on one part of a page (a panel in a given state).</summary>
    public static async Task AssertNoSeriousViolationsAsync(ILocator part, string what) =>
        Assert(await part.RunAxe(Options()), what);

    private static AxeRunOptions Options() => new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } };

    private static void Assert(AxeResult results, string what)
    {
        var serious = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => $"{n.Target} :: {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}")))
            .ToList();
        Xunit.Assert.True(serious.Count == 0, $"axe on {what}: {serious.Count} serious or critical violation(s)\n  " + string.Join("\n  ", serious));
    }
}

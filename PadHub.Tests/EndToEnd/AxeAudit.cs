using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PadHub.Tests.EndToEnd;

/// <summary>axe-core on a live page: the one way the browser tests check accessibility (WCAG 2.2 AA rules).</summary>
/// <remarks>
/// The package's <c>RunAxe</c> evaluates axe's 500 KB source twice per call, opens a blank page in a new browser
/// context to merge its partial results, and ships every rule's passing nodes to .NET and back: about two thirds of an
/// audit's time on these pages. Pages without frames (all of PadHub's) get the same axe, the same rules and the same
/// serious/critical bar in one call instead: the package's bundled axe-core evaluated once per document, and
/// <c>axe.run</c> with <c>resultTypes: ['violations']</c>, which still runs every rule but only details what failed.
/// A page with frames goes through the package's <c>RunAxe</c>, which audits inside them.
/// </remarks>
public static class AxeAudit
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    // First lets running transitions and finite animations end: axe reads computed colours, and a button caught halfway
    // through its background transition fails contrast with a colour no one reads (infinite ones, spinners and progress
    // bars, never end and are audited as they are). Then formats each serious or critical violation with its first
    // nodes, in the page, so only what failed comes back.
    private const string RunScript =
        """
        async ([context, tags]) => {
          await Promise.all(document.getAnimations()
            .filter(a => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)
            .map(a => a.finished.catch(() => { })));
          const results = await axe.run(context ?? document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], iframes: false });
          return results.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.id} (${v.impact}): ${v.help}\n    ` + v.nodes.slice(0, 5)
              .map(n => `${n.target.join(' ')} :: ${[...n.any, ...n.all, ...n.none].map(c => c.message).join('; ')}`)
              .join('\n    '));
        }
        """;

    /// <summary>Fails with every serious or critical violation on <paramref name="page"/>, each with its nodes, so the message says what to fix.</summary>
    /// <param name="what">Names the page in the failure (e.g. "audience, fr, 390 px").</param>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what) =>
        Assert(page.Frames.Count > 1 ? Describe(await page.RunAxe(PackageOptions())) : await RunAsync(page, part: null), what);

    /// <summary>The same check on one part of a page (a panel in a given state).</summary>
    public static async Task AssertNoSeriousViolationsAsync(ILocator part, string what)
    {
        if (part.Page.Frames.Count > 1)
        {
            Assert(Describe(await part.RunAxe(PackageOptions())), what);
            return;
        }

        await using var element = await part.ElementHandleAsync();
        Assert(await RunAsync(part.Page, element), what);
    }

    private static async Task<string[]> RunAsync(IPage page, IElementHandle? part)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            // Evaluated, not added as a <script>: the pages' Content-Security-Policy allows only their own scripts.
            await page.EvaluateAsync("() => { " + AxeSource.Value + " }");
        }

        return await page.EvaluateAsync<string[]>(RunScript, new object?[] { part, Tags });
    }

    private static AxeRunOptions PackageOptions() => new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } };

    private static string[] Describe(AxeResult results) =>
    [
        .. results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Take(5).Select(n => $"{n.Target} :: {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))),
    ];

    private static void Assert(string[] serious, string what) =>
        Xunit.Assert.True(serious.Length == 0, $"axe on {what}: {serious.Length} serious or critical violation(s)\n  " + string.Join("\n  ", serious));
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PadHub.Tests.EndToEnd;

/// <summary>
/// Finds English left on a page shown in French: every text node (hidden ones too: a screen reader or the next state
/// shows them), every <c>aria-label</c>, <c>title</c>, <c>placeholder</c> and <c>alt</c>, and the document's title,
/// outside what the session's people wrote (pads, names they typed) and outside elements in another language
/// (<c>lang="en"</c>: "English" in the language switch). A word of the list that stands alone is English: none of them
/// is also a French word.
/// </summary>
internal static partial class EnglishSentinels
{
    // Where user content sits: the editor's text and carets, rendered pads, conclusions, questions' texts.
    private const string UserContent =
        ".cm-content, .cm-tooltip, .padhub-caret-label, [data-pad-text], [data-user-content], .padhub-markdown, script, style, template, noscript";

    private const string Collect = """
        (excluded) => {
          const skip = el => !el || el.closest(excluded) || (el.closest('[lang]') && !el.closest('[lang]').getAttribute('lang').startsWith('fr'));
          const parts = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            const text = node.nodeValue.trim();
            if (text && !skip(node.parentElement)) parts.push(text);
          }
          for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-roledescription]')) {
            if (skip(el)) continue;
            for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
              const value = el.getAttribute(name);
              if (value) parts.push(name + '=' + value);
            }
          }
          parts.push('title=' + document.title);
          return parts;
        }
        """;

    /// <summary>The English words found on <paramref name="page"/>, each with the text it was found in.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(IPage page)
    {
        var parts = (await page.EvaluateAsync<string[]>(Collect, UserContent)).Select(WithoutProperNames).ToList();
        return
        [
            .. parts.Where(p => EnglishWord().IsMatch(p)).Select(p => $"'{EnglishWord().Match(p).Value}' in \"{Shorten(p)}\""),
            .. parts.Where(p => PluralAfterOne().IsMatch(p)).Select(p => $"plural after one: '{PluralAfterOne().Match(p).Value}' in \"{Shorten(p)}\""),
        ];
    }

    // Names that stay English in French: the licensors' own names.
    private static string WithoutProperNames(string text) =>
        text.Replace("Open Data Commons", "", StringComparison.Ordinal).Replace("Creative Commons", "", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    // Whole words only (French accents count as letters), not file names (groups.csv); none is a French word too.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}_-])(the|and|with|your|you|this|that|these|not|only|yet|nothing|written|earlier|author|authors|saved|saving|offline|waiting|"
        + @"preparing|received|done|could|server|must|unknown|group|groups|link|links|edit|edits|show|hide|copy|replace|"
        + @"lock|unlock|send|ask|asked|answered|pinned|hidden|open|close|cancel|delete|save|download|downloads|results|history|"
        + @"speakers|everyone|nobody|ago|hours|seconds|today|yesterday|of|to|is|are|was|were|has|have|will|can|cannot|may|"
        + @"please|try|again|wait|too|many|more|than|at|by|for|from|it|its|no|yes|all|none|new|back|live|ended|"
        + @"follow|following|followers|people|person|typing|quiet|name|names|revision|revisions|deletion|"
        + @"deleted|inserted|restore|spotlight|contributor|contributors|help|call|called|moderator|loading|failed|error|"
        + @"refused|allowed|allows|allow|characters|limit|invalid|required|field|language|apply|skip|Dec|Feb|Apr|Aug|AM|PM|"
        + @"Universal|License|Dedication|Share-Alike|Page not found)(?![\p{L}\p{N}_-]|\.[a-z])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishWord();

    // "1 questions", "0 votes": French says one (and zero) in the singular.
    [GeneratedRegex(@"(?<![\p{N}.,\u00a0\u202f])[01][\s\u00a0\u202f]+(questions|votes|commentaires|personnes|groupes|modifications|conclusions|participants)(?![\p{L}])",
        RegexOptions.CultureInvariant)]
    private static partial Regex PluralAfterOne();
}

using System.Net;
using PadHub.Components.Contracts.Results;
using PadHub.Components.Markdown;

namespace PadHub.Server.Results;

/// <summary>A pad's exports: its Markdown as written, plain text, and a self-contained, sanitised HTML page.</summary>
internal static class PadDocuments
{
    /// <summary>
    /// The HTML page's own policy: nothing loads from anywhere (no script, image, font, frame or connection), only the
    /// inline stylesheet applies, and no form or base can redirect. It holds when the file is opened from a disk or a mail.
    /// </summary>
    internal const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'";

    private const string Style = """
        body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#fff;max-width:46rem;margin:2rem auto;padding:0 1rem}
        header{border-bottom:1px solid #ddd;margin-bottom:1.5rem}header p{color:#555;margin:.25rem 0}
        h1,h2,h3{line-height:1.25}pre,code{font-family:ui-monospace,Menlo,Consolas,monospace;background:#f4f4f4;border-radius:4px}
        pre{padding:.75rem;overflow:auto}code{padding:.1rem .25rem}mark{background:#ffe066;padding:0 .15rem}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}blockquote{border-left:4px solid #ddd;margin-left:0;padding-left:1rem;color:#444}
        footer{border-top:1px solid #ddd;margin-top:2rem;color:#555;font-size:.875rem}
        """;

    public static string Markdown(ResultsGroup group) => group.Pad.Text;

    public static string PlainText(ResultsGroup group) => PadMarkdown.ToPlainText(group.Pad.Text);

    /// <summary>
    /// The pad rendered as the results page renders it, block by block through <see cref="MarkdownBlocks"/> (the same
    /// sanitised HTML, images as links: nothing external loads; each block's HTML is cached process-wide, so a pad the page
    /// already showed costs no new sanitising, and a large pad is sanitised in small pieces), in a page with inline CSS and
    /// a strict Content-Security-Policy meta tag. Every other value is HTML-encoded.
    /// </summary>
    public static string Html(ResultsSnapshot snapshot, ResultsGroup group)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
        var text = new ExportText(snapshot.Language);
        var title = text["GroupHeading", group.Number, group.Name];
        var rapporteur = group.Rapporteur is { Length: > 0 } r ? $"<p>{E(text["Rapporteur"])} {E(r)}</p>" : string.Empty;
        var animators = group.Animators.Count > 0 ? $"<p>{E(text["Animators"])} {E(string.Join(", ", group.Animators))}</p>" : string.Empty;
        var topic = group.Topic.Length > 0 ? $"<p>{E(text["Topic"])} {E(group.Topic)}</p>" : string.Empty;
        return $"""
            <!DOCTYPE html>
            <html lang="{E(snapshot.Language)}">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="{ContentSecurityPolicy}">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} - {E(snapshot.Title)}</title>
            <style>
            {Style}
            </style>
            </head>
            <body>
            <header>
            <p>{E(snapshot.Title)}</p>
            <h1>{E(title)}</h1>
            {topic}{animators}{rapporteur}
            </header>
            <main>
            {string.Concat(MarkdownBlocks.Split(group.Pad.Text).Select(b => b.Html.Value))}
            </main>
            <footer>
            <p>{E(ResultsText.State(snapshot))} {E(text["Revision", group.Pad.Revision])} {E(text["Licence"])} {E(snapshot.Licence.Title)} ({E(snapshot.Licence.Id)}).</p>
            </footer>
            </body>
            </html>

            """;
    }
}

using PadHub.Components.Contracts.Pads;
using PadHub.Components.Pads;

namespace PadHub.Components.History;

/// <summary>
/// Names and colours of the authors a history view shows, from what the connection knows (the authors of the text at
/// join, the participants since). An author whose text was gone by then is shown as "Earlier author" (in the page's
/// language) in the fallback grey.
/// </summary>
public sealed class HistoryAuthors
{
    private readonly Dictionary<string, PadAuthor> _authors = new(StringComparer.Ordinal);

    /// <param name="authors">The authors known at join.</param>
    /// <param name="unknownName">The name shown for an author the connection has no name for, in the page's language.</param>
    internal HistoryAuthors(IEnumerable<PadAuthor> authors, string unknownName)
    {
        UnknownName = unknownName;
        foreach (var author in authors)
        {
            _authors[author.AuthorId] = author;
        }
    }

    /// <summary>The name shown for an author the connection has no name for.</summary>
    public string UnknownName { get; }

    /// <summary>Bumped whenever an author is added, so views re-render their names.</summary>
    public int Version { get; private set; }

    /// <summary>Adds (or updates) authors, e.g. participants who joined after the panel opened.</summary>
    public void Learn(IEnumerable<PadAuthor> authors)
    {
        foreach (var author in authors)
        {
            if (!_authors.TryGetValue(author.AuthorId, out var known) || known != author)
            {
                _authors[author.AuthorId] = author;
                Version++;
            }
        }
    }

    /// <summary>The author's display name, or <see cref="UnknownName"/>.</summary>
    public string Name(string authorId) =>
        _authors.TryGetValue(authorId, out var a) && !string.IsNullOrWhiteSpace(a.DisplayName) ? a.DisplayName : UnknownName;

    /// <summary>The author's colour as <c>#rrggbb</c> (the fallback grey when unknown).</summary>
    public string Color(string authorId) => AuthorColors.Safe(_authors.TryGetValue(authorId, out var a) ? a.Color : null);
}

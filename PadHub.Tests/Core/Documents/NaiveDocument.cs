using System.Text;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core.Documents;

/// <summary>
/// The obviously-correct model PadDocument is checked against: the text as a string, authorship as one author per code
/// unit, and every commit rebased over the full log with transform. Quadratic and allocation-happy on purpose.
/// </summary>
internal sealed class NaiveDocument
{
    private readonly List<TextOperation> _log = [];
    private readonly List<string> _texts = [string.Empty];

    public string Text { get; private set; } = string.Empty;

    public List<string> Authors { get; } = [];

    public int Revision => _log.Count;

    /// <summary>The text as it was at <paramref name="revision"/>.</summary>
    public string TextAt(int revision) => _texts[revision];

    public TextOperation Commit(int baseRevision, TextOperation operation, string author)
    {
        for (var revision = baseRevision; revision < _log.Count; revision++)
        {
            operation = TextOperation.Transform(operation, _log[revision]).APrime;
        }

        Apply(operation, author);
        return operation;
    }

    public void Apply(TextOperation operation, string author)
    {
        var text = new StringBuilder();
        var position = 0;
        var authors = new List<string>();
        foreach (var c in operation.Components)
        {
            if (c.IsRetain)
            {
                text.Append(Text, position, c.Length);
                authors.AddRange(Authors.GetRange(position, c.Length));
                position += c.Length;
            }
            else if (c.IsInsert)
            {
                text.Append(c.Text);
                authors.AddRange(Enumerable.Repeat(author, c.Length));
            }
            else
            {
                position += c.Length;
            }
        }

        Text = text.ToString();
        Authors.Clear();
        Authors.AddRange(authors);
        _log.Add(operation);
        _texts.Add(Text);
    }

    /// <summary>Per-character authors folded into maximal runs.</summary>
    public List<AuthorRun> Runs() => ToRuns(Authors);

    public static List<AuthorRun> ToRuns(IReadOnlyList<string> authors)
    {
        var runs = new List<AuthorRun>();
        foreach (var author in authors)
        {
            if (runs.Count > 0 && runs[^1].AuthorId == author)
            {
                runs[^1] = runs[^1] with { Length = runs[^1].Length + 1 };
            }
            else
            {
                runs.Add(new AuthorRun(author, 1));
            }
        }

        return runs;
    }
}

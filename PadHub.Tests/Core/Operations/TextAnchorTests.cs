using System.Globalization;
using PadHub.Core.Operations;
using Xunit.Abstractions;

namespace PadHub.Tests.Core.Operations;

/// <summary>
/// <see cref="TextAnchor"/> against an independent oracle: the document as a list of code units, each marked with the
/// comments whose passage holds it, plus one zero-width marker per comment where its passage starts. PADHUB_SEED replays a run.
/// </summary>
public sealed class TextAnchorTests(ITestOutputHelper output)
{
    private const int Runs = 200;
    private const int EditsPerRun = 60;

    [Fact]
    public void Transform_InsertAtEdges_StaysOutsideThePassage()
    {
        var anchor = TextAnchor.Passage(2, 4, 6); // "cd" in "abcdef"

        Assert.Equal(new TextAnchor(3, 5), anchor.Transform(TextOperation.ForInsert(6, 2, "X")));
        Assert.Equal(new TextAnchor(2, 4), anchor.Transform(TextOperation.ForInsert(6, 4, "X")));
        Assert.Equal(new TextAnchor(2, 5), anchor.Transform(TextOperation.ForInsert(6, 3, "X")));
    }

    [Fact]
    public void Transform_PassageDeletedEntirely_CollapsesOnDeletedText()
    {
        var anchor = TextAnchor.Passage(2, 4, 6);

        var deleted = anchor.Transform(TextOperation.ForDelete(6, 1, 4));

        Assert.Equal(new TextAnchor(1, 1, OnDeletedText: true), deleted);
        Assert.Equal(new TextAnchor(3, 3, OnDeletedText: true), deleted.Transform(TextOperation.ForInsert(2, 0, "XY")));
    }

    [Fact]
    public void Passage_EmptyOrOutside_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TextAnchor.Passage(2, 2, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextAnchor.Passage(-1, 2, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextAnchor.Passage(2, 7, 6));
    }

    [Fact]
    public void Transform_RandomEditsWithRandomComments_MatchMarkedCharacterOracle()
    {
        var seed = TestSeed.Get(output);
        for (var run = 0; run < Runs; run++)
        {
            var random = new OtRandom(seed + run);
            var document = random.Text(20);
            var oracle = new MarkedDocument(document);
            var anchors = new List<TextAnchor>();
            for (var edit = 0; edit < EditsPerRun; edit++)
            {
                if (document.Length > 0 && random.Chance(0.3))
                {
                    var from = random.Boundary(document);
                    if (from == document.Length)
                    {
                        from = 0;
                    }

                    var to = random.BoundaryAfter(document, from, 10);
                    anchors.Add(TextAnchor.Passage(from, to, document.Length));
                    oracle.AddPassage(from, to);
                }

                var operation = random.Chance(0.5) ? random.Edit(document) : random.Operation(document);
                document = operation.Apply(document);
                oracle.Apply(operation);
                for (var i = 0; i < anchors.Count; i++)
                {
                    anchors[i] = anchors[i].Transform(operation);
                    var expected = oracle.AnchorOf(i);
                    Assert.True(expected == anchors[i], string.Create(CultureInfo.InvariantCulture,
                        $"seed {seed + run} edit {edit} comment {i}: op {operation} gave {anchors[i]}, oracle {expected}"));
                }

                Assert.Equal(document, oracle.Text);
            }
        }
    }

    /// <summary>
    /// The oracle: code units carrying the comments they belong to, and a marker per comment before its passage's first
    /// code unit. An insert strictly between a passage's first and last surviving code units joins it; an insert at the
    /// passage's start goes before the marker (outside), one at its end after its last code unit (outside). A passage
    /// with no code unit left is on deleted text at its marker.
    /// </summary>
    private sealed class MarkedDocument
    {
        private List<Cell> _cells;
        private int _comments;

        public MarkedDocument(string text) => _cells = [.. text.Select(c => new Cell(c, [], -1))];

        public string Text => new([.. _cells.Where(c => !c.IsMarker).Select(c => c.Unit)]);

        public void AddPassage(int from, int to)
        {
            var id = _comments++;
            var index = IndexOfUnit(from);
            for (int i = index, unit = from; unit < to; i++)
            {
                if (!_cells[i].IsMarker)
                {
                    _cells[i].Members.Add(id);
                    unit++;
                }
            }

            _cells.Insert(index, new Cell('\0', [], id));
        }

        public TextAnchor AnchorOf(int id)
        {
            int unit = 0, first = -1, last = -1, marker = -1;
            foreach (var cell in _cells)
            {
                if (cell.IsMarker)
                {
                    marker = cell.Marker == id ? unit : marker;
                    continue;
                }

                if (cell.Members.Contains(id))
                {
                    first = first < 0 ? unit : first;
                    last = unit;
                }

                unit++;
            }

            return first < 0 ? new TextAnchor(marker, marker, OnDeletedText: true) : new TextAnchor(first, last + 1);
        }

        public void Apply(TextOperation operation)
        {
            var spans = Enumerable.Range(0, _comments).Select(AnchorOf).ToArray(); // passages in the base document
            var next = new List<Cell>(_cells.Count);
            int cursor = 0, unit = 0;
            foreach (var component in operation.Components)
            {
                if (component.IsInsert)
                {
                    var joins = Enumerable.Range(0, _comments)
                        .Where(id => !spans[id].OnDeletedText && spans[id].From < unit && unit < spans[id].To).ToHashSet();
                    next.AddRange(component.Text.Select(c => new Cell(c, [.. joins], -1)));
                    continue;
                }

                for (var n = 0; n < component.Length; n++)
                {
                    // Markers sitting before this code unit stay where they are (an insert at their place went before them).
                    while (_cells[cursor].IsMarker)
                    {
                        next.Add(_cells[cursor++]);
                    }

                    if (component.IsRetain)
                    {
                        next.Add(_cells[cursor]);
                    }

                    cursor++;
                    unit++;
                }
            }

            next.AddRange(_cells.Skip(cursor));
            _cells = next;
        }

        private int IndexOfUnit(int unit)
        {
            for (int i = 0, seen = 0; i < _cells.Count; i++)
            {
                if (!_cells[i].IsMarker)
                {
                    if (seen == unit)
                    {
                        return i;
                    }

                    seen++;
                }
            }

            return _cells.Count;
        }

        private sealed record Cell(char Unit, HashSet<int> Members, int Marker)
        {
            public bool IsMarker => Marker >= 0;
        }
    }
}

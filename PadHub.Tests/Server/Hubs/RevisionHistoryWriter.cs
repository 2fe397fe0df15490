using System.Text.Json.Nodes;
using PadHub.Core.Operations;

namespace PadHub.Tests.Server.Hubs;

/// <summary>
/// Writes a seeded random history into a pad through real hub Submits by several members, and keeps, for every
/// revision, the text and the author of each code unit as written: the reference GetRevision and GetDiff are held to.
/// </summary>
internal sealed class RevisionHistoryWriter(Random random, string initialText)
{
    private readonly List<string> _authors = [.. Enumerable.Repeat("system", initialText.Length)];
    private string _text = initialText;

    /// <summary>Text and per-code-unit authors at each revision, from 0.</summary>
    public List<(string Text, string[] Authors)> Revisions { get; } = [(initialText, [.. Enumerable.Repeat("system", initialText.Length)])];

    public int Head => Revisions.Count - 1;

    /// <summary>Commits <paramref name="count"/> random edits, each by a random member, one after another.</summary>
    public async Task WriteAsync(IReadOnlyList<HubPadMember> members, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var member = members[random.Next(members.Count)];
            var operation = NextEdit(member.Client.AuthorId!);
            var result = await member.Client.InvokeAsync("Submit", new
            {
                padId = member.PadId,
                clientId = member.Client.ClientId,
                seq = member.Seq++,
                baseRevision = Head,
                ops = JsonNode.Parse(operation.ToJson()),
            });
            Assert.Equal(Head + 1, result.GetProperty("revision").GetInt32());
            _text = operation.Apply(_text);
            Revisions.Add((_text, [.. _authors]));
        }
    }

    private TextOperation NextEdit(string author)
    {
        if (_text.Length > 0 && random.Next(3) == 0)
        {
            var at = random.Next(_text.Length);
            var count = random.Next(1, Math.Min(6, _text.Length - at) + 1);
            _authors.RemoveRange(at, count);
            return TextOperation.ForDelete(_text.Length, at, count);
        }

        var position = random.Next(_text.Length + 1);
        var inserted = random.Next(4) == 0 ? "\n" : new string((char)('a' + random.Next(26)), random.Next(1, 5));
        _authors.InsertRange(position, Enumerable.Repeat(author, inserted.Length));
        return TextOperation.ForInsert(_text.Length, position, inserted);
    }
}

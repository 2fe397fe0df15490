namespace PadHub.Components.Contracts.Pads;

/// <summary>Every comment of a pad, in the order they were written, with anchors valid at <paramref name="Revision"/>.</summary>
/// <param name="PadId">The pad.</param>
/// <param name="Revision">The revision of the pad's text the offsets refer to.</param>
/// <param name="Comments">Threads' first comments and replies, oldest first.</param>
public sealed record PadComments(string PadId, int Revision, IReadOnlyList<PadComment> Comments)
{
    /// <summary>Threads (first comments) not resolved yet.</summary>
    public int OpenCount => Comments.Count(c => c.ReplyTo is null && !c.Resolved);
}

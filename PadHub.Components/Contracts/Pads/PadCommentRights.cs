namespace PadHub.Components.Contracts.Pads;

/// <summary>What a link may do with a pad's comments now.</summary>
/// <param name="CanComment">Add comments and replies.</param>
/// <param name="CanResolve">Resolve threads.</param>
public sealed record PadCommentRights(bool CanComment, bool CanResolve)
{
    /// <summary>Read only.</summary>
    public static PadCommentRights None { get; } = new(false, false);
}

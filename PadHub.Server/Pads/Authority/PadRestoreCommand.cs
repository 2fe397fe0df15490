using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Authority;

/// <summary>A restore of a past revision (or of the passage [PassageFrom, PassageTo) of its text) as a new revision.</summary>
/// <param name="AuthorId">Who restores: the author of the new revision.</param>
/// <param name="Revision">The revision to bring back.</param>
/// <param name="PassageFrom">The passage's start in that revision's text (UTF-16 offset), or null for the whole revision.</param>
/// <param name="PassageTo">The passage's end (exclusive), null exactly when <paramref name="PassageFrom"/> is.</param>
public sealed record PadRestoreCommand(string AuthorId, int Revision, int? PassageFrom, int? PassageTo)
{
    /// <summary>For a session link: its access now, read in the pad's serial order right before committing (as a submit's).</summary>
    public Func<PadAccessState>? WriteAccess { get; init; }
}

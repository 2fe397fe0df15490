using PadHub.Core.Diffs;

namespace PadHub.Components.Contracts.Pads;

/// <summary>What changed between two revisions of a pad, with authors.</summary>
/// <param name="FromRevision">The older revision.</param>
/// <param name="ToRevision">The newer revision.</param>
/// <param name="Parts">
/// Equal, inserted and deleted text in order: the equal and delete parts make the older text, the equal and insert parts
/// the newer one (<see cref="AuthoredDiff"/>).
/// </param>
public sealed record PadDiff(int FromRevision, int ToRevision, IReadOnlyList<DiffPart> Parts);

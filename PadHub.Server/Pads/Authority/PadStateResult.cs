using PadHub.Core.Documents;

namespace PadHub.Server.Pads.Authority;

/// <summary>A pad's head state.</summary>
public sealed record PadStateResult(string PadId, int Revision, string Text, IReadOnlyList<AuthorRun> Authorship);

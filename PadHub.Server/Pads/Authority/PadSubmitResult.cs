using PadHub.Core.Operations;

namespace PadHub.Server.Pads.Authority;

/// <summary>The outcome of a submit.</summary>
/// <param name="Revision">The revision the operation produced (the original one for a duplicate).</param>
/// <param name="Applied">The operation as applied at the head.</param>
/// <param name="Duplicate">The (client id, seq) had already been committed; nothing changed.</param>
public sealed record PadSubmitResult(int Revision, TextOperation Applied, bool Duplicate);

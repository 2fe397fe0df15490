using PadHub.Components.Contracts.Pads;
using PadHub.Server.Sessions;

namespace PadHub.Server.Pads;

/// <summary>The rules of a named revision's name, checked before anything is read or written.</summary>
internal static class RevisionName
{
    /// <summary>The name trimmed, or a refusal: empty, control characters, lone surrogates (<c>invalid-op</c>), too long (<c>too-large</c>).</summary>
    public static string Validate(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            throw new PadException(PadErrorCodes.InvalidOp, "name must not be empty.");
        }

        if (trimmed.Length > PadNamedRevision.MaxNameLength)
        {
            throw new PadException(PadErrorCodes.TooLarge, $"name is longer than {PadNamedRevision.MaxNameLength} characters.");
        }

        if (trimmed.Any(char.IsControl) || !SessionRequestValidator.IsWellFormed(trimmed))
        {
            throw new PadException(PadErrorCodes.InvalidOp, "name must be one line of well-formed text without control characters.");
        }

        return trimmed;
    }
}

using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Server.Pads.Authority;

/// <summary>Translates the engine's errors to the protocol's stable codes.</summary>
internal static class PadErrors
{
    public static PadException From(OtException exception) => exception switch
    {
        OperationTooLargeException => new PadException(PadErrorCodes.TooLarge, exception.Message, exception),
        RevisionAheadException or RevisionTooOldException or SequenceTooOldException or RebaseBudgetExceededException
            => new PadException(PadErrorCodes.StaleRevision, exception.Message, exception),
        _ => new PadException(PadErrorCodes.InvalidOp, exception.Message, exception),
    };

    public static PadException PadNotFound(string padId) =>
        new(PadErrorCodes.NotFound, $"There is no pad '{padId}'.");
}

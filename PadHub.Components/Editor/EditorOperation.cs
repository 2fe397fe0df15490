using PadHub.Components.Contracts.Pads;

namespace PadHub.Components.Editor;

// Operations travel as ot.js JSON strings: the JS side parses them with its own TextOperation.
/// <summary>A committed operation as the editor applies it.</summary>
public sealed record EditorOperation(int Revision, string Operation, string AuthorId, string ClientTag, long Seq)
{
    public static EditorOperation From(PadOperationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Revision, e.Operation.ToJson(), e.AuthorId, e.ClientTag, e.Seq);
    }
}

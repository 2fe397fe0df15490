namespace PadHub.Core.Operations;

/// <summary>The kind of one component of a <see cref="TextOperation"/>.</summary>
public enum OpComponentKind
{
    /// <summary>Keeps a number of UTF-16 code units of the base document.</summary>
    Retain,

    /// <summary>Inserts text.</summary>
    Insert,

    /// <summary>Removes a number of UTF-16 code units of the base document.</summary>
    Delete,
}

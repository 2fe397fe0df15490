namespace PadHub.Core.Operations;

/// <summary>Random access to a document's UTF-16 code units, so validation works on any text storage without copying.</summary>
public interface IReadOnlyText
{
    /// <summary>Length in UTF-16 code units.</summary>
    int Length { get; }

    /// <summary>The code unit at <paramref name="index"/>.</summary>
    char this[int index] { get; }
}

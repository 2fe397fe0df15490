namespace PadHub.Components.Contracts.Pads;

/// <summary>A revision someone with write access named ("before conclusions").</summary>
/// <param name="Revision">The named revision.</param>
/// <param name="Name">Its name.</param>
/// <param name="AuthorId">Who named it.</param>
/// <param name="Time">When it was named.</param>
public sealed record PadNamedRevision(int Revision, string Name, string AuthorId, DateTimeOffset Time)
{
    /// <summary>Longest name, in UTF-16 code units (after trimming).</summary>
    public const int MaxNameLength = 100;

    /// <summary>Most named revisions one pad keeps; renaming a named revision is always possible.</summary>
    public const int MaxPerPad = 100;
}

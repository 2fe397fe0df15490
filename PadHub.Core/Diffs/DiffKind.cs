namespace PadHub.Core.Diffs;

/// <summary>What a part of a diff does.</summary>
public enum DiffKind
{
    /// <summary>Text in both versions.</summary>
    Equal,

    /// <summary>Text only in the newer version.</summary>
    Insert,

    /// <summary>Text only in the older version.</summary>
    Delete,
}

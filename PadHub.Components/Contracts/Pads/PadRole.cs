namespace PadHub.Components.Contracts.Pads;

/// <summary>What a link lets its holder do in a pad.</summary>
public enum PadRole
{
    /// <summary>Follows the pad live; can never write by any path.</summary>
    Viewer,

    /// <summary>Reads and writes the pad.</summary>
    Editor,
}

namespace PadHub.Components.Editor;

/// <summary>
/// Codes the editor component passes to its JS besides the protocol's <see cref="Contracts.Pads.PadErrorCodes"/>; they
/// never cross the hub. Mirrored in <c>Editor/src/errors.js</c>.
/// </summary>
internal static class EditorErrorCodes
{
    /// <summary>The server failed to save an edit (not the edit's fault): the JS keeps it and resends it under the same seq.</summary>
    public const string Unavailable = "unavailable";
}

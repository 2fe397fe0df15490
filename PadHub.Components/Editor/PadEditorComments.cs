namespace PadHub.Components.Editor;

/// <summary>The editor's comment strings (PadEditorComments.resx): a marker type for <c>IStringLocalizer</c>.</summary>
public sealed class PadEditorComments
{
    private PadEditorComments()
    {
    }
}

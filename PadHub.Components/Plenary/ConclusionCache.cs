using PadHub.Components.Markdown;

namespace PadHub.Components.Plenary;

/// <summary>
/// A live view's conclusions of one pad: <see cref="PadConclusions.Extract"/> runs again only when the pad's text is a
/// new string (the mirror publishes a new one per change, at most ~10 a second), never on re-renders in between.
/// </summary>
internal sealed class ConclusionCache
{
    private string? _of;
    private IReadOnlyList<PadConclusion> _conclusions = [];

    /// <summary>The conclusions of <paramref name="text"/>; the same list instance while the text is the same string.</summary>
    public IReadOnlyList<PadConclusion> For(string text)
    {
        if (!ReferenceEquals(text, _of))
        {
            _conclusions = PadConclusions.Extract(text);
            _of = text;
        }

        return _conclusions;
    }
}

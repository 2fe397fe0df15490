namespace PadHub.Components.Markdown;

/// <summary>One top-level block's source: where it starts in the pad's text and its text (trailing blank space dropped).</summary>
/// <param name="Refused">Markdig refused the whole pad (its depth limit): this is the one block, shown as text, never parsed again.</param>
internal sealed record BlockSource(int Start, string Text, bool Refused = false);

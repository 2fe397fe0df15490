namespace PadHub.Components.Markdown;

/// <summary>One top-level block's source: where it starts in the pad's text and its text (trailing blank space dropped).</summary>
internal sealed record BlockSource(int Start, string Text);

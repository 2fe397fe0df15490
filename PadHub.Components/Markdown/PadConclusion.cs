namespace PadHub.Components.Markdown;

/// <summary>One passage of a pad marked as a conclusion (<c>==text==</c>).</summary>
/// <param name="Order">1-based position among the pad's conclusions, in pad order.</param>
/// <param name="Markdown">The marked passage's own Markdown, between the <c>==</c> delimiters.</param>
/// <param name="Text">The passage as plain text (inline formatting removed, whitespace collapsed).</param>
/// <param name="Start">UTF-16 offset of the opening <c>==</c> in the pad's text.</param>
/// <param name="Length">UTF-16 length of the whole mark, delimiters included.</param>
public sealed record PadConclusion(int Order, string Markdown, string Text, int Start, int Length);

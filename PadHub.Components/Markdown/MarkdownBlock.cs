using Microsoft.AspNetCore.Components;

namespace PadHub.Components.Markdown;

/// <summary>One top-level Markdown block of a pad, rendered and sanitised.</summary>
/// <param name="Key">Stable while the block's text is unchanged: a hash of the text plus its occurrence index.</param>
/// <param name="Html">The block's safe HTML (the same instance for the same text, so unchanged blocks diff as equal).</param>
public sealed record MarkdownBlock(string Key, MarkupString Html);

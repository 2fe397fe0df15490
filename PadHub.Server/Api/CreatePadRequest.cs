namespace PadHub.Server.Api;

/// <summary>The optional body of <c>POST /api/pads</c>.</summary>
/// <param name="Text">The pad's initial text; CRLF and CR become LF.</param>
public sealed record CreatePadRequest(string? Text);

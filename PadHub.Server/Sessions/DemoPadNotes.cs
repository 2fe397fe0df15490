namespace PadHub.Server.Sessions;

/// <summary>What the demo workshop's note-taker has already written in one group's pad, so the demo shows marked conclusions.</summary>
/// <param name="KeyPoints">Markdown inserted under the template's "Key points" heading.</param>
/// <param name="Conclusions">Markdown appended at the end of the pad (the template's Conclusions section), with <c>==marks==</c>.</param>
internal sealed record DemoPadNotes(string KeyPoints, string Conclusions);

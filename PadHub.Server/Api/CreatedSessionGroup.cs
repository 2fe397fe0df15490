namespace PadHub.Server.Api;

/// <summary>A created group: its pad and its note-taker link.</summary>
public sealed record CreatedSessionGroup(string GroupId, int Number, string Name, string Topic, string PadId, string NoteTakerUrl, string NoteTakerToken);

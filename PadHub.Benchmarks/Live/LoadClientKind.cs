namespace PadHub.Benchmarks.Live;

/// <summary>How a <see cref="LoadClient"/> talks to /hubs/pad.</summary>
internal enum LoadClientKind
{
    /// <summary><see cref="LeanLoadClient"/>: the JSON hub protocol on a ClientWebSocket, events handled in the receive loop.</summary>
    Lean,

    /// <summary><see cref="HubLoadClient"/>: Microsoft.AspNetCore.SignalR.Client's HubConnection.</summary>
    Hub,
}

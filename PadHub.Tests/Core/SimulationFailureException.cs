namespace PadHub.Tests.Core;

/// <summary>A failure inside a run, carrying the seed and the moment so it replays.</summary>
internal sealed class SimulationFailureException(string message, Exception? inner = null) : Exception(message, inner);

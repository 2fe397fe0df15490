namespace PadHub.Components.Contracts.Pads;

/// <summary>One view's watch of a pad. Dispose to stop.</summary>
public interface IPadWatch : IAsyncDisposable
{
    /// <summary>The pad's state now (cheap: a reference to the mirror's latest immutable snapshot).</summary>
    PadWatchSnapshot Current { get; }
}

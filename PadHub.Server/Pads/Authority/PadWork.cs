namespace PadHub.Server.Pads.Authority;

/// <summary>A request queued to a <see cref="PadActor"/>.</summary>
internal abstract record PadWork
{
    public abstract void Fail(Exception exception);
}

namespace PadHub.Server.Pads.Authority;

/// <summary>Finds the authority of a pad (the Orleans version asks the grain factory).</summary>
public interface IPadAuthorityProvider
{
    /// <summary>The authority of <paramref name="padId"/>.</summary>
    IPadAuthority GetAuthority(string padId);
}

namespace PadHub.Server.Persistence;

/// <summary>
/// Column sizes of the store. SQL Server enforces them and SQLite does not, so <see cref="EfPadStore"/> checks them
/// itself and both providers refuse the same input; callers (hub, API) should validate against them first. The session
/// columns hold what the session validator lets through (<c>SessionLimits</c>, checked by a test).
/// </summary>
public static class StoreLimits
{
    public const int MaxPadIdLength = 64;

    public const int MaxAuthorIdLength = 64;

    public const int MaxClientIdLength = 128;

    public const int MaxDisplayNameLength = 200;

    public const int MaxColorLength = 32;

    public const int MaxTitleLength = 200;

    public const int MaxRoleLength = 32;

    public const int MaxSessionTitleLength = 200;

    public const int MaxSessionDescriptionLength = 4000;

    public const int MaxGroupNameLength = 100;

    public const int MaxTopicLength = 500;

    public const int MaxAnnouncementLength = 500;

    /// <summary>An SPDX licence id (the offered ones are at most 12 characters).</summary>
    public const int MaxLicenceLength = 32;

    /// <summary>A session's language: a culture name such as <c>en</c> or <c>fr</c>.</summary>
    public const int MaxLanguageLength = 8;

    public const int MaxRapporteurLength = 100;

    public const int MaxSpotlightConclusionLength = 2000;

    /// <summary>A named revision's name (the protocol allows 100 characters: the column has room to spare).</summary>
    public const int MaxRevisionNameLength = 200;

    /// <summary>A session's encrypted link secret: AES-GCM nonce (12) + secret (32) + tag (16).</summary>
    public const int MaxLinkSecretLength = 64;

    /// <summary>A group's animators as JSON: up to 10 names of up to 64 characters, quoted and escaped.</summary>
    public const int MaxAnimatorsJsonLength = 4000;

    /// <summary>SHA-256 output.</summary>
    public const int TokenHashLength = 32;
}

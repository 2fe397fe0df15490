using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Persistence;

/// <summary>
/// The values of the <c>Role</c> columns (<c>AccessTokens</c>, <c>SessionTokens</c>): each role stored as its name. The
/// names are spelled out here, not taken from the contract enums, so renaming an enum member can never change what is
/// stored, and the entities hold plain strings that depend on nothing above Persistence.
/// </summary>
internal static class RoleColumns
{
    public static string From(PadRole role) => role switch
    {
        PadRole.Viewer => "Viewer",
        PadRole.Editor => "Editor",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No stored value for this pad role."),
    };

    public static string From(SessionRole role) => role switch
    {
        SessionRole.Moderator => "Moderator",
        SessionRole.NoteTaker => "NoteTaker",
        SessionRole.Audience => "Audience",
        SessionRole.Results => "Results",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "No stored value for this session role."),
    };

    public static PadRole ToPadRole(string value) => value switch
    {
        "Viewer" => PadRole.Viewer,
        "Editor" => PadRole.Editor,
        _ => throw new InvalidOperationException($"'{value}' is no stored pad role."),
    };

    public static SessionRole ToSessionRole(string value) => value switch
    {
        "Moderator" => SessionRole.Moderator,
        "NoteTaker" => SessionRole.NoteTaker,
        "Audience" => SessionRole.Audience,
        "Results" => SessionRole.Results,
        _ => throw new InvalidOperationException($"'{value}' is no stored session role."),
    };
}

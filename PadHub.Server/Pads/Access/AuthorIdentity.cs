using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PadHub.Server.Pads.Access;

/// <summary>Derives a client's author id and colour, so the same client keeps both across reconnects and restarts.</summary>
internal static class AuthorIdentity
{
    /// <summary>
    /// Twelve colours distinct from each other and tuned for the common colour-vision deficiencies, each dark enough
    /// for WCAG AA wherever it is rendered: white caret-label text on the solid colour (4.5:1), and as the editor's and
    /// the history's translucent tint behind black or theme text (AuthorColorContrastTests computes every case).
    /// </summary>
    internal static readonly IReadOnlyList<string> Palette =
    [
        "#1f6fb4", "#c62828", "#2e7d32", "#7b4fb0", "#b35000", "#00798c",
        "#b0307e", "#8c564b", "#6b6b00", "#616161", "#0b7a75", "#8a6500",
    ];

    public static string AuthorIdFor(string clientId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("padhub-author:" + clientId));
        return "a-" + WebEncoders.Base64UrlEncode(hash, 0, 12);
    }

    public static string ColorFor(string authorId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(authorId));
        return Palette[hash[0] % Palette.Count];
    }
}

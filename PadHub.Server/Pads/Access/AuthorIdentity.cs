using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PadHub.Server.Pads.Access;

/// <summary>Derives a client's author id and colour, so the same client keeps both across reconnects and restarts.</summary>
internal static class AuthorIdentity
{
    // Twelve colours distinct on white and readable as caret labels, tuned for the common colour-vision deficiencies.
    private static readonly string[] Palette =
    [
        "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
        "#e377c2", "#8c564b", "#bcbd22", "#7f7f7f", "#0b7a75", "#b8860b",
    ];

    public static string AuthorIdFor(string clientId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("padhub-author:" + clientId));
        return "a-" + WebEncoders.Base64UrlEncode(hash, 0, 12);
    }

    public static string ColorFor(string authorId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(authorId));
        return Palette[hash[0] % Palette.Length];
    }
}

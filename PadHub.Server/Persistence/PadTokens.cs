using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PadHub.Server.Persistence;

/// <summary>Capability tokens: 256 random bits, base64url without padding; only their SHA-256 is ever stored.</summary>
internal static class PadTokens
{
    public const int TokenBytes = 32;

    /// <summary>Characters of a token: 32 bytes in base64url without padding.</summary>
    public const int TokenLength = 43;

    /// <summary>Longer input is refused before hashing (room for other token formats, but no hashing of megabytes).</summary>
    public const int MaxAcceptedLength = 256;

    public static string Create()
    {
        Span<byte> bytes = stackalloc byte[TokenBytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>
    /// SHA-256 of the token. A plain (unsalted) hash is enough: the token has 256 random bits, so nothing can be guessed
    /// from the hash, and a deterministic hash lets a lookup be one primary-key seek rather than a comparison per row.
    /// </summary>
    public static byte[] Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Span<byte> utf8 = token.Length <= MaxAcceptedLength ? stackalloc byte[MaxAcceptedLength * 3] : new byte[Encoding.UTF8.GetMaxByteCount(token.Length)];
        var count = Encoding.UTF8.GetBytes(token, utf8);
        return SHA256.HashData(utf8[..count]);
    }
}

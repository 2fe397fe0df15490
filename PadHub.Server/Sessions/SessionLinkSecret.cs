using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Server.Sessions;

/// <summary>
/// How a session's links can be listed again (the share page) although only their hashes are stored.
/// </summary>
/// <remarks>
/// The moderator token is random (256 bits, <see cref="Persistence.PadTokens"/>). Every other link is derived from a
/// per-session random secret: <c>token = base64url(HMAC-SHA256(secret, "kind|group|generation"))</c>, 256 bits that are
/// as unpredictable as the secret. The secret is stored encrypted (AES-GCM) under a key derived (HKDF-SHA256) from the
/// moderator token, so the moderator link alone can list every link again, and a leaked database yields neither a usable
/// token (hashes only) nor the secret. Regenerating a derived link bumps its generation; regenerating the moderator link
/// re-encrypts the secret under the new token, so no other link changes.
/// </remarks>
internal static class SessionLinkSecret
{
    private const int SecretBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public static byte[] CreateSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    public static byte[] Encrypt(byte[] secret, string moderatorToken, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var sealedSecret = new byte[NonceBytes + secret.Length + TagBytes];
        var nonce = sealedSecret.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(DeriveKey(moderatorToken, sessionId), TagBytes);
        aes.Encrypt(nonce, secret, sealedSecret.AsSpan(NonceBytes, secret.Length), sealedSecret.AsSpan(NonceBytes + secret.Length), Associated(sessionId));
        return sealedSecret;
    }

    /// <summary>The secret, or null when <paramref name="moderatorToken"/> is not the token it was sealed with.</summary>
    public static byte[]? TryDecrypt(byte[] sealedSecret, string moderatorToken, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sealedSecret);
        if (sealedSecret.Length != NonceBytes + SecretBytes + TagBytes)
        {
            return null;
        }

        var secret = new byte[SecretBytes];
        using var aes = new AesGcm(DeriveKey(moderatorToken, sessionId), TagBytes);
        try
        {
            aes.Decrypt(sealedSecret.AsSpan(0, NonceBytes), sealedSecret.AsSpan(NonceBytes, SecretBytes), sealedSecret.AsSpan(NonceBytes + SecretBytes), secret, Associated(sessionId));
            return secret;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    public static string AudienceToken(byte[] secret, int generation) => Derive(secret, $"audience||{generation.ToString(CultureInfo.InvariantCulture)}");

    public static string ResultsToken(byte[] secret, int generation) => Derive(secret, $"results||{generation.ToString(CultureInfo.InvariantCulture)}");

    public static string NoteTakerToken(byte[] secret, string groupId, int generation) =>
        Derive(secret, $"note-taker|{groupId}|{generation.ToString(CultureInfo.InvariantCulture)}");

    private static string Derive(byte[] secret, string label) => Base64Url.EncodeToString(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(label)));

    private static byte[] DeriveKey(string moderatorToken, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(moderatorToken);
        ArgumentNullException.ThrowIfNull(sessionId);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(moderatorToken), 32,
            Encoding.UTF8.GetBytes(sessionId), "padhub/session-link-secret"u8.ToArray());
    }

    private static byte[] Associated(string sessionId) => Encoding.UTF8.GetBytes("padhub/session/" + sessionId);

    /// <summary>The role's name as the logs and errors say it.</summary>
    public static string Describe(SessionRole role) => role switch
    {
        SessionRole.Moderator => "moderator",
        SessionRole.NoteTaker => "note-taker",
        SessionRole.Results => "results",
        _ => "audience",
    };
}

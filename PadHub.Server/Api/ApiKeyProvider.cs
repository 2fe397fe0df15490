using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PadHub.Server.Api;

internal sealed class ApiKeyProvider : IApiKeyProvider
{
    private readonly byte[]? _keyHash;

    public ApiKeyProvider(IOptions<PadApiOptions> options, IHostEnvironment environment)
    {
        var configured = options.Value.ApiKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ApiKey = configured;
        }
        else if (environment.IsDevelopment())
        {
            ApiKey = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
            IsGenerated = true;
        }

        _keyHash = ApiKey is null ? null : Hash(ApiKey);
    }

    public string? ApiKey { get; }

    public bool IsGenerated { get; }

    public bool Verify(string? presented)
    {
        if (_keyHash is null || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        // Comparing fixed-size hashes keeps FixedTimeEquals from revealing the key's length as well.
        return CryptographicOperations.FixedTimeEquals(_keyHash, Hash(presented));
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}

using System.Security.Cryptography;
using System.Text;

namespace PadHub.Tests;

/// <summary>
/// Client ids as the server wants them (32-64 characters of A-Z a-z 0-9 - _), readable in a failure: the name, then 32
/// hex characters derived from it (a seeded stand-in for a random id).
/// </summary>
internal static class TestClientIds
{
    public static string For(string name) =>
        name + "-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..32].ToLowerInvariant();
}

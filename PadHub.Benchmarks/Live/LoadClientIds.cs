using System.Security.Cryptography;
using System.Text;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// Client ids as the server wants them (32-64 characters of A-Z a-z 0-9 - _): the readable name, then 32 hex
/// characters derived from it and the run's seed, so a run is repeatable.
/// </summary>
internal static class LoadClientIds
{
    public static string For(string name, int seed = 0) =>
        name + "-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{name}")))[..32].ToLowerInvariant();
}

using System.Globalization;

namespace PadHub.Tests.Core;

/// <summary>Seeds and sizes for randomised tests: PADHUB_SEED replays a run, PADHUB_SIM_OPS scales the simulation.</summary>
internal static class TestSeeds
{
    public const int DefaultSeed = 20_261_101;

    public static int Seed => ReadInt("PADHUB_SEED") ?? DefaultSeed;

    public static int SimulationOps => ReadInt("PADHUB_SIM_OPS") ?? 10_000;

    private static int? ReadInt(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"{name}={value} is not an integer.");
    }
}

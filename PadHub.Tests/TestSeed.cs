using System.Globalization;
using Xunit.Abstractions;

namespace PadHub.Tests;

/// <summary>
/// Seeds and sizes for randomised tests. A test's seed is fixed by default so CI is reproducible; PADHUB_SEED overrides it
/// to replay a failure (every test prints the seed it ran with) or to explore. PADHUB_SIM_OPS scales the simulation.
/// A variable that is set but not an integer fails the test rather than silently running another seed.
/// </summary>
internal static class TestSeed
{
    public const string Variable = "PADHUB_SEED";

    public const string SimulationOpsVariable = "PADHUB_SIM_OPS";

    public const int DefaultSeed = 20_261_101;

    /// <summary>The edit count of the main convergence simulation.</summary>
    public static int SimulationOps => ReadInt(SimulationOpsVariable) ?? 10_000;

    /// <summary>PADHUB_SEED if set, else <paramref name="fallback"/>; written to <paramref name="output"/> with how to replay it.</summary>
    public static int Get(ITestOutputHelper output, int fallback = DefaultSeed)
    {
        var seed = ReadInt(Variable) ?? fallback;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed {seed} (replay with {Variable}={seed})"));
        return seed;
    }

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

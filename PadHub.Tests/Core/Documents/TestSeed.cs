using System.Globalization;
using Xunit.Abstractions;

namespace PadHub.Tests.Core.Documents;

/// <summary>Seeds for randomised tests: fixed by default so CI is reproducible, PADHUB_SEED overrides to replay or explore.</summary>
internal static class TestSeed
{
    public const string Variable = "PADHUB_SEED";

    public static int Get(ITestOutputHelper output, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        var seed = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;
        output.WriteLine($"seed {seed} (replay with {Variable}={seed})");
        return seed;
    }
}

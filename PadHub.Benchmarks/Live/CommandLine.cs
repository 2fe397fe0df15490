using System.Globalization;

namespace PadHub.Benchmarks.Live;

/// <summary>The live commands' `--name value` options.</summary>
internal static class CommandLine
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value', got '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        return values;
    }

    public static int Int(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n : throw new ArgumentException($"--{name} must be a non-negative integer.");

    public static double Double(string value, string name) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n : throw new ArgumentException($"--{name} must be a positive number.");

    /// <summary>Says why the options were refused and how to give them; the exit code for a usage error.</summary>
    public static int Refuse(ArgumentException error, string usage)
    {
        Console.Error.WriteLine(error.Message);
        Console.Error.WriteLine(usage);
        return 2;
    }
}

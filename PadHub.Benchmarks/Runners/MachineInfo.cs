using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace PadHub.Benchmarks.Runners;

/// <summary>What the numbers were measured on, for the report header.</summary>
public static class MachineInfo
{
    /// <summary>CPU model from /proc/cpuinfo (or the OS description elsewhere).</summary>
    public static string CpuModel
    {
        get
        {
            const string cpuInfo = "/proc/cpuinfo";
            if (File.Exists(cpuInfo))
            {
                var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null && line.Contains(':', StringComparison.Ordinal))
                {
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }

            return RuntimeInformation.OSDescription;
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages from /proc/loadavg: above the core count, other work competed for the CPU.</summary>
    public static string LoadAverage
    {
        get
        {
            const string loadavg = "/proc/loadavg";
            return File.Exists(loadavg) ? string.Join(' ', File.ReadAllText(loadavg).Split(' ').Take(3)) : "n/a";
        }
    }

    /// <summary>Physical memory in GiB from /proc/meminfo; NaN elsewhere.</summary>
    public static double MemoryGiB =>
        File.Exists("/proc/meminfo")
            ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1048576.0
            : double.NaN;

    /// <summary>
    /// Raises this process's scheduler autogroup (inherited by the server it starts) to nice -10, so that other work on a
    /// shared machine takes less of the two cores during the run. Linux with autogroups, as root.
    /// </summary>
    /// <returns>The line the report prints about it.</returns>
    public static string Boost()
    {
        try
        {
            File.WriteAllText("/proc/self/autogroup", "-10");
            return $"scheduler: {File.ReadAllText("/proc/self/autogroup").Trim()} (--boost on: other processes on the machine get less CPU)";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"scheduler: --boost failed ({ex.Message})";
        }
    }

    /// <summary>A one-line description: cores, CPU, memory, runtime.</summary>
    public static string Describe()
    {
        var memoryGiB = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores, {CpuModel}, {memoryGiB:0} GiB, {RuntimeInformation.OSDescription}, " +
               $".NET {Environment.Version} ({(GCSettings.IsServerGC ? "server" : "workstation")} GC)";
    }
}

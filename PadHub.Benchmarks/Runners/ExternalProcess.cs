using System.Diagnostics;
using System.Text;

namespace PadHub.Benchmarks.Runners;

/// <summary>Runs node/npm for the reference engine.</summary>
public static class ExternalProcess
{
    /// <summary>
    /// Runs <paramref name="fileName"/> in <paramref name="workingDirectory"/>, forwarding its stderr (and, unless
    /// captured, its stdout) to our stderr so the table on stdout stays clean.
    /// </summary>
    /// <returns>The captured stdout (empty unless <paramref name="captureStdout"/>).</returns>
    /// <exception cref="InvalidOperationException">The process could not start or exited non-zero.</exception>
    public static string Run(string fileName, IEnumerable<string> arguments, string workingDirectory, bool captureStdout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var stdout = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (captureStdout)
            {
                stdout.AppendLine(e.Data);
            }
            else
            {
                Console.Error.WriteLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine(e.Data);
            }
        };

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start '{fileName}' (is it on PATH?): {e.Message}", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', start.ArgumentList)}' in {workingDirectory} exited with code {process.ExitCode}.");
        }

        return stdout.ToString();
    }
}

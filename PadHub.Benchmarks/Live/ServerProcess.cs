using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Net.Http.Json;
using System.Security.Cryptography;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// A PadHub server as its own process (<c>dotnet PadHub.Server.dll</c>) on 127.0.0.1 with its own temporary data
/// directory, so its CPU time and memory can be read from /proc apart from the load generator's. Killed by its id when
/// disposed; the data directory is deleted.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>DOTNET_GCgen0size as PadHub.Server ships it (Dockerfile, launchSettings.json): 64 MB, hexadecimal.</summary>
    internal const string ServerGen0Size = "0x4000000";

    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly StreamWriter _log;

    private ServerProcess(Process process, Uri url, string dataDirectory, StreamWriter log)
    {
        _process = process;
        Url = url;
        _dataDirectory = dataDirectory;
        _log = log;
    }

    public Uri Url { get; }

    /// <summary>The X-Api-Key this server process was started with.</summary>
    public required string ApiKey { get; init; }

    public int Pid => _process.Id;

    public string LogPath => Path.Combine(_dataDirectory, "server.log");

    /// <summary>
    /// Starts the server on a free loopback port with a temporary data directory and an API key of its own, and creates
    /// one pad through <c>POST /api/pads</c>, as any integration would. <paramref name="serverDll"/>: a published
    /// build's PadHub.Server.dll (default: PADHUB_SERVER_DLL, else this build's).
    /// </summary>
    public static async Task<(ServerProcess Server, CreatedPad Pad)> StartAsync(
        string initialText, string environment, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken,
        string? serverDll = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("padhub-bench-").FullName;
        var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

        var dll = serverDll ?? FindServerDll();
        var port = FreeLoopbackPort();
        var url = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["PadHub__DataDirectory"] = dataDirectory;
        start.Environment["PadHub__ApiKey"] = apiKey;
        // Outside Development the server refuses to start without a public base URL or a host allow-list.
        start.Environment["PadHub__PublicBaseUrl"] = url.ToString().TrimEnd('/');
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        // The server's gen0 budget as shipped (PadHub.Server's Dockerfile and launchSettings.json); PADHUB_SERVER_GCGEN0
        // overrides it for comparisons, "0" for the runtime's default.
        var gen0 = Environment.GetEnvironmentVariable("PADHUB_SERVER_GCGEN0") ?? ServerGen0Size;
        if (gen0 == "0")
        {
            start.Environment.Remove("DOTNET_GCgen0size");
        }
        else
        {
            start.Environment["DOTNET_GCgen0size"] = gen0;
        }

        var log = new StreamWriter(Path.Combine(dataDirectory, "server.log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, url, dataDirectory, log) { ApiKey = apiKey };
        Track(server);
        try
        {
            await server.WaitHealthyAsync(cancellationToken);
            return (server, await CreatePadAsync(url, apiKey, initialText, cancellationToken));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>CPU time (user + system) the process has used so far.</summary>
    public TimeSpan CpuTime => ProcStat.CpuTime(_process.Id);

    /// <summary>Resident memory now and at its peak (VmRSS, VmHWM) in bytes.</summary>
    public (long Rss, long PeakRss) Memory => ProcStat.Memory(_process.Id);

    public int Threads => ProcStat.Threads(_process.Id);

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}; see {LogPath}.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "healthz"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"The server did not become healthy in 60 s; see {LogPath}.");
    }

    /// <summary>Creates a pad through the HTTP API (<c>POST /api/pads</c> with <c>X-Api-Key</c>).</summary>
    public static async Task<CreatedPad> CreatePadAsync(Uri url, string apiKey, string text, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = url };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/pads") { Content = JsonContent.Create(new { text }) };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CreatedPad>(cancellationToken)
            ?? throw new InvalidOperationException("POST /api/pads returned no body.");
    }

    /// <summary>PadHub.Server's own build output next to this one (same configuration), so it runs with its own deps.</summary>
    private static string FindServerDll()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("PADHUB_SERVER_DLL");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        // .../PadHub.Benchmarks/bin/<Configuration>/<tfm>/
        var tfm = baseDirectory.Name;
        var configuration = baseDirectory.Parent!.Name;
        for (var dir = baseDirectory; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "PadHub.Server", "bin", configuration, tfm, "PadHub.Server.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"PadHub.Server.dll ({configuration}/{tfm}) not found above {baseDirectory}; set PADHUB_SERVER_DLL.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Never leave a server behind, also when this process is stopped (Ctrl+C, SIGTERM, SIGHUP) instead of finishing.
    private static readonly List<ServerProcess> Running = [];
    private static PosixSignalRegistration[]? _signals;

    private static void Track(ServerProcess server)
    {
        lock (Running)
        {
            Running.Add(server);
            _signals ??= [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }
                .Select(signal => PosixSignalRegistration.Create(signal, _ => KillAll()))];
        }

        AppDomain.CurrentDomain.ProcessExit += server.KillOnExit;
    }

    private static void KillAll()
    {
        ServerProcess[] running;
        lock (Running)
        {
            running = [.. Running];
        }

        foreach (var server in running)
        {
            server.KillOnExit(null, EventArgs.Empty);
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(2000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone or disposed
        }

        DeleteDataDirectory();
    }

    private void DeleteDataDirectory()
    {
        if (Environment.GetEnvironmentVariable("PADHUB_KEEP_DATA") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: it is a temp folder
        }
        catch (UnauthorizedAccessException)
        {
            // best effort
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        lock (Running)
        {
            Running.Remove(this);
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }

        DeleteDataDirectory();
    }
}

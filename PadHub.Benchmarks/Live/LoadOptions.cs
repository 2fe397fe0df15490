namespace PadHub.Benchmarks.Live;

/// <summary>The <c>load</c> command's options, parsed and checked.</summary>
internal sealed record LoadOptions(
    IReadOnlyList<int> Stages, int Followers, double Seconds, double Warmup, double Rate, int Observers, int Seed,
    Uri? Url, string? PadId, string? EditToken, string? ViewToken, bool Boost, string? SqliteSynchronous, string? ApiKey,
    LoadClientKind Client)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = CommandLine.Parse(args);
        IReadOnlyList<int> stages = values.TryGetValue("typists", out var typists)
            ? [CommandLine.Int(typists, "typists")]
            : values.TryGetValue("stages", out var list)
                ? [.. list.Split(',').Select(s => CommandLine.Int(s, "stages"))]
                : [50, 100, 200, 400];
        var seconds = values.TryGetValue("seconds", out var s) ? CommandLine.Double(s, "seconds") : 60;
        var warmup = values.TryGetValue("warmup", out var w) ? CommandLine.Double(w, "warmup") : 5;
        if (seconds <= warmup || seconds > 600)
        {
            throw new ArgumentException("--seconds must be more than --warmup and at most 600.");
        }

        Uri? url = values.TryGetValue("url", out var u) ? new Uri(u) : null;
        if (url is not null && !(url.IsLoopback))
        {
            throw new ArgumentException("--url must be a loopback address (127.0.0.1, localhost, [::1]).");
        }

        var apiKey = values.GetValueOrDefault("api-key") ?? Environment.GetEnvironmentVariable("PADHUB_API_KEY");
        var givenPad = values.ContainsKey("pad-id") && values.ContainsKey("edit-token") && values.ContainsKey("view-token");
        if (url is not null && !givenPad && string.IsNullOrEmpty(apiKey))
        {
            throw new ArgumentException("--url needs --api-key (or PADHUB_API_KEY) to create a pad per stage, or --pad-id, --edit-token and --view-token.");
        }

        if (url is not null && givenPad && stages.Count != 1)
        {
            throw new ArgumentException("--url with a given pad runs one stage: give --typists.");
        }

        var client = values.GetValueOrDefault("client", "lean") switch
        {
            "lean" => LoadClientKind.Lean,
            "hub" => LoadClientKind.Hub,
            _ => throw new ArgumentException("--client must be lean or hub."),
        };

        return new LoadOptions(
            stages,
            values.TryGetValue("followers", out var f) ? CommandLine.Int(f, "followers") : 50,
            seconds,
            warmup,
            values.TryGetValue("rate", out var r) ? CommandLine.Double(r, "rate") : 5,
            values.TryGetValue("observers", out var o) ? CommandLine.Int(o, "observers") : 8,
            values.TryGetValue("seed", out var seed) ? CommandLine.Int(seed, "seed") : 1,
            url,
            values.GetValueOrDefault("pad-id"),
            values.GetValueOrDefault("edit-token"),
            values.GetValueOrDefault("view-token"),
            values.TryGetValue("boost", out var boost) && boost == "on",
            values.GetValueOrDefault("sqlite-synchronous"),
            url is not null && !givenPad ? apiKey : null,
            client);
    }
}

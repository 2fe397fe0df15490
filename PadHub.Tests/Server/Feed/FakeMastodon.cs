using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PadHub.Tests.Server.Feed;

/// <summary>
/// A local fake of Mastodon's tag timeline on 127.0.0.1 (a real Kestrel socket): each request takes the next scripted
/// answer (the last one repeats) and is recorded with its path and query.
/// </summary>
internal sealed class FakeMastodon : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _answers = new();
    private Func<HttpContext, Task> _last = Json("[]");

    private FakeMastodon(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri Address { get; private set; } = null!;

    /// <summary>Signalled at every request.</summary>
    public SemaphoreSlim Requested { get; } = new(0);

    public static async Task<FakeMastodon> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var fake = new FakeMastodon(app);
        app.MapGet("/api/v1/timelines/tag/{tag}", async context =>
        {
            fake.Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            var answer = fake._answers.TryDequeue(out var next) ? fake._last = next : fake._last;
            await answer(context);
            fake.Requested.Release();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Address = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    public void Then(Func<HttpContext, Task> answer) => _answers.Enqueue(answer);

    public static Func<HttpContext, Task> Json(string body, int status = 200, IReadOnlyDictionary<string, string>? headers = null) => async context =>
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    };

    public static string Statuses(params (string Id, string Acct, string Html)[] posts) =>
        System.Text.Json.JsonSerializer.Serialize(posts.Select(p => new Dictionary<string, object>
        {
            ["id"] = p.Id,
            ["created_at"] = $"2026-12-03T11:{int.Parse(p.Id, System.Globalization.CultureInfo.InvariantCulture) % 60:00}:00.000Z",
            ["url"] = $"https://mastodon.example/@{p.Acct}/{p.Id}",
            ["content"] = p.Html,
            ["account"] = new Dictionary<string, string> { ["acct"] = p.Acct, ["display_name"] = p.Acct },
        }));

    /// <summary>Waits (with a deadline) until at least <paramref name="count"/> requests were answered.</summary>
    public async Task WaitRequestsAsync(int count, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (Requests.Count < count)
        {
            await Requested.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Requested.Dispose();
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Core.Operations;
using PadHub.Server.Api;
using PadHub.Server.Hosting;
using PadHub.Server.Persistence;

namespace PadHub.Server.Sessions;

/// <summary>
/// Seeds the demo at start when the database has no session (<see cref="WorkshopOptions.SeedDemo"/>) with notes and
/// marked conclusions in its pads (<see cref="DemoWorkshopDefinition.Notes"/>), writes its
/// moderator link to <c>{DataDirectory}/demo-workshop.json</c> (owner-only), and in Development prints the dashboard's
/// absolute URL once the server listens, at every start.
/// </summary>
internal sealed partial class DemoWorkshopSeeder(
    IServiceProvider services,
    WorkshopService workshops,
    ISessionStore store,
    IOptions<WorkshopOptions> options,
    IOptions<PadHubOptions> hubOptions,
    IOptions<PadApiOptions> apiOptions,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    ILogger<DemoWorkshopSeeder> logger) : IHostedService
{
    public const string FileName = "demo-workshop.json";

    public string FilePath => Path.Combine(hubOptions.Value.GetDataDirectoryPath(environment.ContentRootPath), FileName);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ShouldSeedDemo(environment))
        {
            return;
        }

        var path = FilePath;
        DemoFile? demo;
        if (!await store.AnySessionAsync(cancellationToken))
        {
            var created = await workshops.CreateSessionAsync(DemoWorkshopDefinition.Request, cancellationToken);
            await WriteNotesAsync(created, cancellationToken);
            demo = new DemoFile(created.SessionId, created.Title, created.ModeratorToken);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await OwnerOnlyFile.WriteAllTextAsync(path, JsonSerializer.Serialize(demo, JsonSerializerOptions.Web), cancellationToken);
            LogSeeded(logger, created.SessionId, path);
        }
        else
        {
            demo = await ReadAsync(path, cancellationToken);
            if (demo is null)
            {
                LogNoFile(logger, path);
                return;
            }
        }

        if (await workshops.ResolveAsync(demo.ModeratorToken, cancellationToken) is not { Role: SessionRole.Moderator })
        {
            LogStale(logger, path);
            return;
        }

        if (services.GetService<DemoWorkshop>() is { } shown)
        {
            await shown.SetAsync(demo.ModeratorToken, cancellationToken);
        }

        if (!environment.IsDevelopment())
        {
            // A link is a capability: outside Development it never reaches a log, only the owner-only file.
            LogLinkInFile(logger, path);
            return;
        }

        var token = demo.ModeratorToken;
        lifetime.ApplicationStarted.Register(() => LogLink(logger, BaseUrl() + SessionRoutes.Dashboard(token)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Through each group's note-taker link, as an ordinary edit: the demo's pads show notes and marked conclusions with
    // an author, like any pad. A failure leaves the demo with its template pads.
    private async Task WriteNotesAsync(SessionCreated created, CancellationToken cancellationToken)
    {
        var pads = services.GetRequiredService<IPadSessionService>();
        for (var i = 0; i < created.Groups.Count && i < DemoWorkshopDefinition.Notes.Count; i++)
        {
            var notes = DemoWorkshopDefinition.Notes[i];
            try
            {
                var clientId = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
                var join = new PadJoinRequest(created.Groups[i].NoteTakerToken, clientId, DemoWorkshopDefinition.NoteTaker);
                await using var connection = await pads.ConnectAsync(join, NoListener.Instance, cancellationToken);
                var text = connection.Joined.Text;
                const string KeyPoints = "## Key points\n\n";
                var at = text.IndexOf(KeyPoints, StringComparison.Ordinal);
                var op = new TextOperation.Builder();
                if (at >= 0)
                {
                    op.Retain(at + KeyPoints.Length).Insert(notes.KeyPoints).Retain(text.Length - at - KeyPoints.Length);
                }
                else
                {
                    op.Retain(text.Length).Insert(notes.KeyPoints + "\n");
                }

                await connection.SubmitAsync(1, connection.Joined.Revision, op.Insert(notes.Conclusions).Build(), cancellationToken);
            }
            catch (PadException ex)
            {
                LogNotesFailed(logger, created.Groups[i].PadId, ex);
            }
        }
    }

    private sealed class NoListener : IPadListener
    {
        public static readonly NoListener Instance = new();

        public ValueTask OnOperationAppliedAsync(PadOperationEvent operation) => ValueTask.CompletedTask;

        public ValueTask OnResyncRequiredAsync(int fromRevision) => ValueTask.CompletedTask;

        public ValueTask OnParticipantsChangedAsync(IReadOnlyList<PadParticipant> participants) => ValueTask.CompletedTask;

        public ValueTask OnCaretMovedAsync(PadCaret caret) => ValueTask.CompletedTask;
    }

    private async Task<DemoFile?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var demo = JsonSerializer.Deserialize<DemoFile>(await File.ReadAllTextAsync(path, cancellationToken), JsonSerializerOptions.Web);
            return string.IsNullOrEmpty(demo?.ModeratorToken) ? null : demo;
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, path, ex);
            return null;
        }
    }

    private string BaseUrl()
    {
        if (!string.IsNullOrEmpty(apiOptions.Value.PublicBaseUrl))
        {
            return apiOptions.Value.PublicBaseUrl.TrimEnd('/');
        }

        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5117";
        return address.Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
    }

    private sealed record DemoFile(string SessionId, string Title, string ModeratorToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo workshop {SessionId}; its moderator link is kept in {Path}")]
    private static partial void LogSeeded(ILogger logger, string sessionId, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo workshop moderator dashboard: {Url}")]
    private static partial void LogLink(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "The demo workshop's moderator link is in {Path} (readable by this user only)")]
    private static partial void LogLinkInFile(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database already has sessions and {Path} does not exist: no demo link to print (links are stored hashed and cannot be recovered)")]
    private static partial void LogNoFile(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo's moderator link in {Path} no longer works (regenerated or deleted): no demo link to print")]
    private static partial void LogStale(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo workshop's notes could not be written into pad {PadId}; it keeps its template")]
    private static partial void LogNotesFailed(ILogger logger, string padId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} is not readable JSON: no demo link to print")]
    private static partial void LogUnreadable(ILogger logger, string path, Exception exception);
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Sessions;

namespace PadHub.Tests.Server.Sessions;

// Sessions nobody uses are dropped from memory after PadHub:Sessions:IdleTimeout and come back transparently.
public sealed class SessionRuntimeIdleTests : IAsyncLifetime
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly PadHubServerFactory _factory;

    public SessionRuntimeIdleTests()
    {
        _factory = new PadHubServerFactory(
            new Dictionary<string, string?> { ["PadHub:Sessions:IdleTimeout"] = "00:05:00" },
            services => services.AddSingleton<TimeProvider>(_time));
    }

    private WorkshopService Service => _factory.Services.GetRequiredService<WorkshopService>();

    public Task InitializeAsync()
    {
        _factory.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task UnloadIdle_UnusedPastTheTimeout_DropsTheSessionAndItReloadsWithItsState()
    {
        var created = await _factory.CreateSessionAsync(groups: 2);
        var workshops = _factory.Workshops();
        await workshops.SetLockedAsync(created.ModeratorToken, locked: true);
        Assert.Equal(1, Service.LoadedCount);

        // The hosted sweeper runs on the same fake clock and may get there first: either way, the count is what matters.
        _time.Advance(Idle - TimeSpan.FromSeconds(1));
        Service.UnloadIdle();
        Assert.Equal(1, Service.LoadedCount);
        _time.Advance(TimeSpan.FromSeconds(2));
        Service.UnloadIdle();
        Assert.Equal(0, Service.LoadedCount);

        await using var watch = await workshops.WatchAsync(created.AudienceToken, _ => ValueTask.CompletedTask);
        Assert.True(watch.Current.Locked);
        Assert.Equal(1, Service.LoadedCount);
    }

    [Fact]
    public async Task UnloadIdle_SomeoneWatching_KeepsTheSession()
    {
        var created = await _factory.CreateSessionAsync(groups: 1);
        await using var watch = await _factory.Workshops().WatchAsync(created.ModeratorToken, _ => ValueTask.CompletedTask);

        _time.Advance(Idle * 3);

        Service.UnloadIdle();
        Assert.Equal(1, Service.LoadedCount);
    }

    [Fact]
    public async Task RegenerateLink_AfterAnUnload_OldLinkStaysDeadAndTheNewOneWorks()
    {
        var created = await _factory.CreateSessionAsync(groups: 1);
        var workshops = _factory.Workshops();
        var fresh = await workshops.RegenerateLinkAsync(created.ModeratorToken, SessionLinkKind.Audience, null);
        _time.Advance(Idle * 2);
        Service.UnloadIdle();
        Assert.Equal(0, Service.LoadedCount);

        Assert.Null(await workshops.ResolveAsync(created.AudienceToken));
        Assert.Equal(SessionRole.Audience, (await workshops.ResolveAsync(fresh))?.Role);
    }

    [Fact]
    public async Task Mutation_OnARuntimeRetiredMeanwhile_LandsOnTheReloadedSession()
    {
        var created = await _factory.CreateSessionAsync(groups: 1);
        var workshops = _factory.Workshops();
        await workshops.ResolveAsync(created.ModeratorToken);
        _time.Advance(Idle * 2);
        Service.UnloadIdle();
        Assert.Equal(0, Service.LoadedCount);

        await workshops.AnnounceAsync(created.ModeratorToken, "Back in 5 minutes", null);

        await using var watch = await workshops.WatchAsync(created.AudienceToken, _ => ValueTask.CompletedTask);
        Assert.Equal("Back in 5 minutes", Assert.Single(watch.Current.Announcements).Text);
        Assert.Equal(1, Service.LoadedCount);
    }

    [Fact]
    public async Task Start_InvalidSessionLimits_RefusesNamingTheSetting()
    {
        await using var server = new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:Sessions:MaxCreationsPerClient"] = "0" });

        var ex = Assert.ThrowsAny<Exception>(() => server.Start());

        Assert.Contains("MaxCreationsPerClient", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development", null, SessionCreationAccess.Open)]
    [InlineData("Production", "key-0123456789", SessionCreationAccess.KeyRequired)]
    [InlineData("Production", null, SessionCreationAccess.Disabled)]
    public async Task CreationGate_ByEnvironment_OpenOnlyInDevelopment(string environment, string? apiKey, SessionCreationAccess expected)
    {
        await using var server = new PadHubServerFactory(new Dictionary<string, string?>
        {
            ["PadHub:ApiKey"] = apiKey,
            ["PadHub:PublicBaseUrl"] = "https://pads.example.org",
        })
        {
            EnvironmentName = environment,
        };
        server.Start();

        await using var scope = server.Services.CreateAsyncScope();

        Assert.Equal(expected, scope.ServiceProvider.GetRequiredService<ISessionCreationGate>().Access);
    }
}

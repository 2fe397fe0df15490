using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Sessions;

internal static class SessionTestHelpers
{
    public static CreateSessionRequest Request(int groups = 3, bool audienceCanEdit = false, IReadOnlyList<SessionPhase>? phases = null) =>
        new(
            "Workshop",
            "A test session",
            [.. Enumerable.Range(1, groups).Select(i => new GroupDefinition($"Group {i}", $"Topic {i}?", [$"Animator {i}"]))],
            phases,
            audienceCanEdit);

    public static IWorkshopService Workshops(this PadHubServerFactory factory) => factory.Services.GetRequiredService<IWorkshopService>();

    public static Task<SessionCreated> CreateSessionAsync(this PadHubServerFactory factory, int groups = 3, bool audienceCanEdit = false, IReadOnlyList<SessionPhase>? phases = null) =>
        factory.Workshops().CreateSessionAsync(Request(groups, audienceCanEdit, phases));

    /// <summary>Rows of every table a session creates, to prove a refused request created nothing.</summary>
    public static async Task<(int Sessions, int Groups, int Tokens, int Pads, int Snapshots, int PadTokens)> CountRowsAsync(this PadHubServerFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PadHubDbContext>>().CreateDbContextAsync();
        return (await db.Sessions.CountAsync(), await db.SessionGroups.CountAsync(), await db.SessionTokens.CountAsync(),
            await db.Pads.CountAsync(), await db.Snapshots.CountAsync(), await db.AccessTokens.CountAsync());
    }

    public static async Task<PadException> RefusedAsync(Func<Task> call, string code)
    {
        var refused = await Assert.ThrowsAsync<PadException>(call);
        Assert.Equal(code, refused.Code);
        return refused;
    }
}

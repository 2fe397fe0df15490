using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Tests.Server.Hubs;

// A client's refused call is logged briefly (below Error, no stack trace) and cannot flood the log; a server fault is an Error.
public sealed partial class HubErrorLoggingTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RefusedCalls_ManyOnOneConnection_LoggedBelowErrorWithoutStackAndAtMostABurst()
    {
        const int refusals = 40;
        var logs = new CapturingLoggerProvider();
        await using var server = new PadHubServerFactory(configureServices: s => s.AddSingleton<ILoggerProvider>(logs));
        server.Start();
        var client = await HubPadClient.ConnectAsync(server.ServerAddress, Guid.NewGuid().ToString("N"));
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < refusals; i++)
        {
            var ex = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("Submit", new
            {
                padId = "not-joined",
                clientId = client.ClientId,
                seq = i + 1,
                baseRevision = 0,
                ops = new object[] { "x" },
            }));
            Assert.Equal(PadErrorCodes.Forbidden, ex.ErrorCode());
        }

        var elapsed = watch.Elapsed;
        await client.DisposeAsync();
        await Waits.UntilAsync(() => logs.Messages.Any(m => m.Contains("more refused call(s) not logged", StringComparison.Ordinal)),
            Deadline, () => "no disconnect summary of the refusals: " + string.Join(" | ", logs.Messages));

        var entries = logs.Entries.ToList();
        Assert.DoesNotContain(entries, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(entries, e => e.Exception is not null && e.Message.Contains("Submit", StringComparison.Ordinal));
        var lines = entries.Where(e => RefusedRegex().IsMatch(e.Message)).ToList();
        Assert.All(lines, e => Assert.True(e.Level <= LogLevel.Information, $"{e.Level}: {e.Message}"));
        var allowed = 5 + 1 + (int)(elapsed.TotalSeconds / 10);
        Assert.InRange(lines.Count, 1, allowed);
        var reportedInLines = lines.Sum(e => int.Parse(RefusedRegex().Match(e.Message).Groups[1].Value, CultureInfo.InvariantCulture));
        var summary = SummaryRegex().Match(string.Join("\n", logs.Messages));
        Assert.Equal(refusals, lines.Count + reportedInLines + int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ServerFault_InAHubMethod_IsLoggedAtErrorWithItsException()
    {
        var logs = new CapturingLoggerProvider();
        await using var server = new PadHubServerFactory(configureServices: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.RemoveAll<IPadSessionService>();
            s.AddSingleton<IPadSessionService, BrokenSessions>();
        });
        server.Start();
        var client = await HubPadClient.ConnectAsync(server.ServerAddress, Guid.NewGuid().ToString("N"));

        await Assert.ThrowsAsync<HubException>(() => client.JoinAsync("some-pad", "some-token"));
        await client.DisposeAsync();

        var fault = Assert.Single(logs.Entries, e => e.Exception is InvalidOperationException { Message: BrokenSessions.Message });
        Assert.Equal(LogLevel.Error, fault.Level);
        Assert.Contains("Join", fault.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Submit refused \(forbidden\); (\d+) earlier refusal")]
    private static partial Regex RefusedRegex();

    [GeneratedRegex(@"closed: (\d+) more refused call\(s\) not logged")]
    private static partial Regex SummaryRegex();

    private sealed class BrokenSessions : IPadSessionService
    {
        public const string Message = "the store is on fire";

        public Task<IPadConnection> ConnectAsync(PadJoinRequest request, IPadListener listener, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Message);
    }
}

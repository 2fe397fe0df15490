using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PadHub.Server.Hosting;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Pads;
using PadHub.Server.Pads.Fanout;

namespace PadHub.Tests.Server.Pads;

/// <summary>The single-node authority wired by hand over an in-memory store and a fake clock.</summary>
internal sealed class AuthorityHarness : IAsyncDisposable
{
    public AuthorityHarness(
        PadAuthorityOptions? authority = null,
        PadLimitsOptions? limits = null,
        ILoggerFactory? loggerFactory = null,
        ISessionPadResolver? sessionPads = null)
    {
        var authorityOptions = Options.Create(authority ?? new PadAuthorityOptions());
        var limitsOptions = Options.Create(limits ?? new PadLimitsOptions());
        Fanout = new PadFanout(authorityOptions, NullLogger<PadFanout>.Instance);
        Provider = new PadAuthorityProvider(Store, Fanout, authorityOptions, limitsOptions, Time, loggerFactory ?? NullLoggerFactory.Instance);
        Sessions = new PadSessionService(Store, Provider, Fanout, limitsOptions, Time, sessionPads);
    }

    public InMemoryPadStore Store { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-11-26T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public PadFanout Fanout { get; }

    public PadAuthorityProvider Provider { get; }

    public PadSessionService Sessions { get; }

    public async ValueTask DisposeAsync()
    {
        await Provider.StopAsync(CancellationToken.None);
        await Provider.DisposeAsync();
    }
}

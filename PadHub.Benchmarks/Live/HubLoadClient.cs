using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// A <see cref="LoadClient"/> on a real <see cref="HubConnection"/> (WebSockets on loopback, no negotiation): what a
/// .NET integration would use. Each event goes through the connection's receive loop, System.Text.Json binding and an
/// async handler dispatch.
/// </summary>
internal sealed class HubLoadClient : LoadClient
{
    private readonly HubConnection _connection;

    private HubLoadClient(HubConnection connection, LoadRun run, string clientId, int seed, bool observer)
        : base(run, clientId, seed, observer)
    {
        _connection = connection;
        _connection.On<CommittedOp>("OpApplied", OnOpApplied);
        _connection.On<ResyncRequired>("ResyncRequired", _ => OnResyncRequired());
        _connection.On<JsonElement>("PresenceChanged", _ => OnPresenceChanged());
        _connection.Closed += ex =>
        {
            OnClosed(ex);
            return Task.CompletedTask;
        };
    }

    public static async Task<HubLoadClient> ConnectAsync(Uri server, LoadRun run, string clientId, int seed, bool observer, CancellationToken cancellationToken)
    {
        var connection = CreateConnection(server);
        await connection.StartAsync(cancellationToken).ConfigureAwait(false);
        return new HubLoadClient(connection, run, clientId, seed, observer);
    }

    public static HubConnection CreateConnection(Uri server) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(server, "hubs/pad"), HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
            .AddJsonProtocol(o =>
            {
                o.PayloadSerializerOptions.Converters.Add(new TextOperationJsonConverter());
                o.PayloadSerializerOptions.Converters.Add(new CommittedOpJsonConverter());
            })
            .Build();

    protected override Task<JoinResult> InvokeJoinAsync(JoinRequest request, CancellationToken cancellationToken) =>
        _connection.InvokeAsync<JoinResult>("Join", request, cancellationToken);

    protected override async Task<int> InvokeSubmitAsync(SubmitRequest request) =>
        (await _connection.InvokeAsync<SubmitResult>("Submit", request).ConfigureAwait(false)).Revision;

    protected override Task<HistoryPage> InvokeGetHistoryAsync(HistoryRequest request) =>
        _connection.InvokeAsync<HistoryPage>("GetHistory", request);

    protected override ValueTask DisposeTransportAsync() => _connection.DisposeAsync();
}

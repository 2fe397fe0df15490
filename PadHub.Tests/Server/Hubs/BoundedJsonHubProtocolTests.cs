using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;
using PadHub.Server.Hosting;
using PadHub.Server.Hubs;

namespace PadHub.Tests.Server.Hubs;

/// <summary>The hub's JSON protocol refuses a message with more values than any call may hold, without parsing it.</summary>
public sealed class BoundedJsonHubProtocolTests
{
    private readonly BoundedJsonHubProtocol _protocol = new(Options.Create(new JsonHubProtocolOptions()), Options.Create(new PadLimitsOptions()));

    private static byte[] Submit(string ops) => Encoding.UTF8.GetBytes(
        $$"""{"type":1,"invocationId":"7","target":"Submit","arguments":[{"padId":"p","clientId":"c","seq":1,"baseRevision":0,"ops":{{ops}}}]}""" + "\u001e");

    [Fact]
    public void TryParseMessage_TheReviewsProbe_IsAStandInThatTheHubRefusesAsTooLarge()
    {
        var ops = new StringBuilder("[");
        for (var i = 0; i < 300_000; i++)
        {
            ops.Append("1,\"x\",");
        }

        var input = new ReadOnlySequence<byte>(Submit(ops.Append("5]").ToString()));

        Assert.True(_protocol.TryParseMessage(ref input, new SubmitBinder(), out var message));

        var invocation = Assert.IsType<InvocationMessage>(message);
        Assert.Equal(("7", "Submit"), (invocation.InvocationId, invocation.Target));
        var argument = Assert.IsType<JsonElement>(Assert.Single(invocation.Arguments));
        Assert.True(argument.TryGetProperty(BoundedJsonHubProtocol.RefusedProperty, out _));
        Assert.True(input.IsEmpty);
    }

    [Fact]
    public void TryParseMessage_ALargePasteWithinTheLimits_IsParsedAsUsual()
    {
        var input = new ReadOnlySequence<byte>(Submit($$"""[0,"{{new string('p', 200_000)}}"]"""));

        Assert.True(_protocol.TryParseMessage(ref input, new SubmitBinder(), out var message));

        var argument = Assert.IsType<JsonElement>(Assert.Single(Assert.IsType<InvocationMessage>(message).Arguments));
        Assert.Equal(2, argument.GetProperty("ops").GetArrayLength());
    }

    private sealed class SubmitBinder : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) => [typeof(JsonElement)];

        public Type GetReturnType(string invocationId) => typeof(object);

        public Type GetStreamItemType(string streamId) => typeof(object);
    }
}

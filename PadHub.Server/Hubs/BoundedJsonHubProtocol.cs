using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;
using PadHub.Server.Hosting;

namespace PadHub.Server.Hubs;

/// <summary>
/// SignalR's JSON hub protocol with a bound on the work one message costs: a large message is first tokenised, without
/// building anything, and one with more JSON values than any valid call can have (an operation over
/// <see cref="PadLimitsOptions.MaxOperationComponents"/>) is answered <c>too-large:</c> by the hub method itself, having
/// read only a little past the limit. Without it, SignalR builds a document of every value of the message (600,000 of
/// them in a 1.8 MB Submit cost 100-200 ms of CPU here) before the hub sees anything.
/// </summary>
internal sealed class BoundedJsonHubProtocol(IOptions<JsonHubProtocolOptions> options, IOptions<PadLimitsOptions> limits) : IHubProtocol
{
    /// <summary>The property the stand-in argument carries; <see cref="HubRequest.From"/> refuses it with its message.</summary>
    public const string RefusedProperty = "$refused";

    private const byte RecordSeparator = 0x1E;

    // Below this a message cannot hold enough values to be expensive.
    private const int ScanThreshold = 16 * 1024;

    // Room for the call's own fields around the operation's components.
    private const int ValueAllowance = 1_024;

    /// <summary>What the hub answers (after <c>too-large:</c>) for a refused message.</summary>
    public const string RefusedMessage = "The message holds more values than any call may: an operation has at most PadHub:Limits:MaxOperationComponents components.";

    private static readonly JsonElement Refused = JsonDocument.Parse($$"""{"{{RefusedProperty}}":true}""").RootElement;

    private readonly JsonHubProtocol _inner = new(options);
    private readonly long _maxValues = (long)limits.Value.MaxOperationComponents + ValueAllowance;

    public string Name => _inner.Name;

    public int Version => _inner.Version;

    public TransferFormat TransferFormat => _inner.TransferFormat;

    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        // The inner protocol is asked only once a whole message has arrived, so a large message arriving in many reads is
        // searched for its end once per read, as SignalR itself does, and parsed (or refused) once.
        if (input.PositionOf(RecordSeparator) is not { } end)
        {
            message = null;
            return false;
        }

        if (input.Length > ScanThreshold && TooManyValues(input.Slice(0, end), out var invocationId, out var target))
        {
            input = input.Slice(input.GetPosition(1, end));
            message = new InvocationMessage(invocationId, target, [Refused]);
            return true;
        }

        return _inner.TryParseMessage(ref input, binder, out message);
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);

    /// <summary>
    /// True for an invocation (type 1) whose target was named before its values went over the bound; anything else,
    /// malformed JSON included, is left to SignalR's own parser.
    /// </summary>
    private bool TooManyValues(ReadOnlySequence<byte> payload, out string? invocationId, out string target)
    {
        invocationId = null;
        target = "";
        string? foundTarget = null;
        var type = 0;
        long values = 0;
        var reader = new Utf8JsonReader(payload);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString();
                    reader.Read();
                    switch (name)
                    {
                        case "type" when reader.TokenType == JsonTokenType.Number:
                            type = reader.GetInt32();
                            break;
                        case "invocationId" when reader.TokenType == JsonTokenType.String:
                            invocationId = reader.GetString();
                            break;
                        case "target" when reader.TokenType == JsonTokenType.String:
                            foundTarget = reader.GetString();
                            break;
                        default:
                            break;
                    }
                }

                if (++values > _maxValues)
                {
                    if (type != HubProtocolConstants.InvocationMessageType || foundTarget is null)
                    {
                        return false;
                    }

                    target = foundTarget;
                    return true;
                }
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}

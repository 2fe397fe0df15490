using System.Text.Json;
using System.Text.Json.Serialization;

namespace PadHub.Benchmarks.Live;

/// <summary><see cref="CommittedOp.Read"/> for HubConnection's System.Text.Json binding. Writing is never needed.</summary>
internal sealed class CommittedOpJsonConverter : JsonConverter<CommittedOp>
{
    public override CommittedOp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CommittedOp.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, CommittedOp value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The load generator only receives committed operations.");
}

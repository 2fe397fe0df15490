using System.Text;
using PadHub.Core.Operations;

namespace PadHub.Tests.Core.Operations;

/// <summary>The parser stops at the first component or insert over the limits instead of building the whole operation.</summary>
public sealed class TextOperationParseLimitsTests
{
    private static readonly OperationLimits Limits = new(MaxDocumentLength: 1_000_000, MaxInsertLength: 100_000, MaxComponents: 10_000);

    /// <summary>The review's probe: [1,"x",1,"x",...] with 600,000 components (about 1.8 MB of JSON).</summary>
    private static string Probe(int components)
    {
        var json = new StringBuilder("[", (components * 3) + 2);
        for (var i = 0; i < components; i++)
        {
            json.Append(i % 2 == 0 ? "1," : "\"x\",");
        }

        json[^1] = ']';
        return json.ToString();
    }

    [Fact]
    public void Parse_SixHundredThousandComponents_StopsAtTheFirstComponentOverTheLimit()
    {
        var error = Assert.Throws<OperationTooLargeException>(() => TextOperation.Parse(Probe(600_000), Limits));

        // It read one component past the limit and no further.
        Assert.Equal(Limits.MaxComponents + 1, error.Value);
        Assert.Equal(Limits.MaxComponents, error.Maximum);
    }

    [Fact]
    public void Parse_ExactlyTheComponentLimit_IsAccepted()
    {
        var operation = TextOperation.Parse(Probe(Limits.MaxComponents), Limits);

        Assert.Equal(Limits.MaxComponents, operation.Count);
    }

    [Fact]
    public void Parse_InsertsOverTheLimit_StopsAtTheInsertThatCrossesIt()
    {
        var json = "[\"" + new string('a', 60_000) + "\",\"" + new string('b', 60_000) + "\"," + Probe(5_000)[1..];

        var error = Assert.Throws<OperationTooLargeException>(() => TextOperation.Parse(json, Limits));

        Assert.Equal(120_000, error.Value);
        Assert.Equal(Limits.MaxInsertLength, error.Maximum);
    }

    [Fact]
    public void Read_ThroughTheConverterWithLimits_RefusesAnOversizedOperation()
    {
        var options = new System.Text.Json.JsonSerializerOptions { Converters = { new TextOperationJsonConverter(Limits) } };

        var error = Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<TextOperation>(Probe(600_000), options));

        var tooLarge = Assert.IsType<OperationTooLargeException>(error.InnerException);
        Assert.Equal(Limits.MaxComponents + 1, tooLarge.Value);
    }
}

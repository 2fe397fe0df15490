using PadHub.Core.Operations;

namespace PadHub.Tests.Core.Operations;

/// <summary>A table of bad inputs, each with the exact error the engine reports.</summary>
public sealed class TextOperationBadInputTests
{
    public static TheoryData<string, Type> BadWireForms() => new()
    {
        { "", typeof(OperationFormatException) },
        { "   ", typeof(OperationFormatException) },
        { "{}", typeof(OperationFormatException) },
        { "5", typeof(OperationFormatException) },
        { "\"abc\"", typeof(OperationFormatException) },
        { "null", typeof(OperationFormatException) },
        { "[", typeof(OperationFormatException) },
        { "[1,", typeof(OperationFormatException) },
        { "[1] [2]", typeof(OperationFormatException) },
        { "[true]", typeof(OperationFormatException) },
        { "[null]", typeof(OperationFormatException) },
        { "[{}]", typeof(OperationFormatException) },
        { "[[1]]", typeof(OperationFormatException) },
        { "[1.5]", typeof(OperationFormatException) },
        { "[1e3]", typeof(OperationFormatException) },
        { "[2147483648]", typeof(OperationFormatException) },
        { "[-2147483648]", typeof(OperationFormatException) },
        { "[-0]", typeof(OperationFormatException) },
        { "[0]", typeof(InvalidComponentException) },
        { "[\"\"]", typeof(InvalidComponentException) },
        { "[3, 0, \"x\"]", typeof(InvalidComponentException) },
        { "[\"\\ud83d\"]", typeof(OperationFormatException) },
        { "[\"\\ude00x\"]", typeof(OperationFormatException) },
    };

    [Theory]
    [MemberData(nameof(BadWireForms))]
    public void Parse_BadWireForm_ThrowsItsSpecificError(string json, Type expected)
    {
        var error = Record.Exception(() => TextOperation.Parse(json));

        Assert.NotNull(error);
        Assert.IsType(expected, error);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    public static TheoryData<string, string, Type> BadApplications() => new()
    {
        // document, operation, error
        { "abc", "[2]", typeof(OperationLengthMismatchException) },
        { "abc", "[4]", typeof(OperationLengthMismatchException) },
        { "abc", "[3,-1]", typeof(OperationLengthMismatchException) },
        { "a😀b", "[2,\"x\",2]", typeof(SurrogateSplitException) },
        { "a😀b", "[1,-1,2]", typeof(SurrogateSplitException) },
        { "a😀b", "[2,-2]", typeof(SurrogateSplitException) },
        { "ab", "[1,\"x\\r\\ny\",1]", typeof(CarriageReturnException) },
        { "ab", "[2,\"\\r\"]", typeof(CarriageReturnException) },
    };

    [Theory]
    [MemberData(nameof(BadApplications))]
    public void Validate_OperationThatDoesNotFitTheDocument_ThrowsItsSpecificError(string document, string json, Type expected)
    {
        var operation = TextOperation.Parse(json);

        var error = Record.Exception(() => operation.Validate(document, OperationLimits.Default));

        Assert.NotNull(error);
        Assert.IsType(expected, error);
    }

    [Theory]
    [InlineData("abc", "[3,\"012345678\"]", "code units inserted by one operation")]
    [InlineData("abc", "[\"a\",1,\"b\",1,\"c\",1]", "components in one operation")]
    [InlineData("abcdefghij", "[10,\"0123456\"]", "the pad's length after the operation")]
    public void Validate_OverALimit_ThrowsTooLargeNamingTheLimit(string document, string json, string limit)
    {
        var limits = new OperationLimits(MaxDocumentLength: 16, MaxInsertLength: 8, MaxComponents: 5);
        var operation = TextOperation.Parse(json);

        var error = Assert.Throws<OperationTooLargeException>(() => operation.Validate(document, limits));

        Assert.Equal(limit, error.Limit);
    }

    // A Fact, not a Theory: xunit's theory-data serialisation replaces lone surrogates with U+FFFD.
    [Fact]
    public void Validate_InsertWithALoneSurrogate_ThrowsMalformedText()
    {
        string[] inserts = ["\ud83d", "\ude00x", "x\ud83d", "\ud83d\ud83d"];
        foreach (var insert in inserts)
        {
            var operation = new TextOperation.Builder().Retain(2).Insert(insert).Build();

            Assert.Throws<MalformedTextException>(() => operation.Validate("ab", OperationLimits.Default));
        }
    }

    [Fact]
    public void Builder_NegativeRetain_ThrowsInvalidComponent()
    {
        Assert.Throws<InvalidComponentException>(() => new TextOperation.Builder().Retain(-1));
    }

    [Fact]
    public void Builder_NegativeDelete_ThrowsInvalidComponent()
    {
        Assert.Throws<InvalidComponentException>(() => new TextOperation.Builder().Delete(-2));
    }

    [Fact]
    public void Apply_WrongLength_ThrowsLengthMismatchWithBothLengths()
    {
        var error = Assert.Throws<OperationLengthMismatchException>(() => TextOperation.Parse("[5]").Apply("abc"));

        Assert.Equal(5, error.Expected);
        Assert.Equal(3, error.Actual);
    }

    [Fact]
    public void Compose_MismatchedLengths_ThrowsLengthMismatch()
    {
        Assert.Throws<OperationLengthMismatchException>(() => TextOperation.Compose(TextOperation.Parse("[3,\"x\"]"), TextOperation.Parse("[3]")));
    }

    [Fact]
    public void Transform_DifferentBaseLengths_ThrowsLengthMismatch()
    {
        Assert.Throws<OperationLengthMismatchException>(() => TextOperation.Transform(TextOperation.Parse("[3]"), TextOperation.Parse("[4]")));
    }

    [Fact]
    public void Invert_WrongDocument_ThrowsLengthMismatch()
    {
        Assert.Throws<OperationLengthMismatchException>(() => TextOperation.Parse("[-2]").Invert("abc"));
    }

    [Theory]
    [InlineData("[-2,\"x\"]", "[\"x\",-2]")]
    [InlineData("[1,2,-1,-1,\"a\",\"b\"]", "[3,\"ab\",-2]")]
    [InlineData("[\"a\",-1,\"b\",2]", "[\"ab\",-1,2]")]
    public void Parse_NonCanonicalInput_IsCanonicalised(string json, string canonical)
    {
        Assert.Equal(canonical, TextOperation.Parse(json).ToJson());
    }
}

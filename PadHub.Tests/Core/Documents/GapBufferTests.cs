using System.Text;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
using Xunit.Abstractions;

namespace PadHub.Tests.Core.Documents;

public sealed class GapBufferTests(ITestOutputHelper output)
{
    private static string Read(GapBuffer buffer) => string.Concat(Enumerable.Range(0, buffer.Length).Select(i => buffer[i]));

    [Fact]
    public void Constructor_WithText_HoldsItWithTheGapAtTheEnd()
    {
        // Act
        var buffer = new GapBuffer("hello");

        // Assert
        Assert.Equal("hello", buffer.GetText());
        Assert.Equal(5, buffer.Length);
        Assert.Equal(5, buffer.GapPosition);
    }

    [Fact]
    public void Insert_InTheMiddle_MovesTheGapThereAndIndexerSkipsIt()
    {
        // Arrange
        var buffer = new GapBuffer("helloworld");

        // Act
        buffer.Insert(5, ", ");

        // Assert
        Assert.Equal("hello, world", buffer.GetText());
        Assert.Equal(7, buffer.GapPosition);
        Assert.Equal("hello, world", Read(buffer));
    }

    [Fact]
    public void Insert_BeyondCapacity_GrowsAndKeepsTheText()
    {
        // Arrange
        var buffer = new GapBuffer("ab");
        var big = new string('x', 1_000);

        // Act
        buffer.Insert(1, big);

        // Assert
        Assert.Equal("a" + big + "b", buffer.GetText());
        Assert.True(buffer.Capacity >= 1_002);
        Assert.Equal(1_001, buffer.GapPosition);
    }

    [Theory]
    [InlineData(2, 3, 5)]  // ends at the gap (backspace)
    [InlineData(5, 3, 5)]  // starts at the gap (forward delete)
    [InlineData(3, 4, 5)]  // straddles the gap
    [InlineData(0, 2, 5)]  // before the gap
    [InlineData(7, 2, 5)]  // after the gap
    [InlineData(0, 10, 5)] // everything
    public void Delete_AnywhereAroundTheGap_RemovesExactlyThatRange(int position, int count, int gap)
    {
        // Arrange: put the gap at `gap` with an empty insert-then-delete-free move (insert and delete one char there).
        var buffer = new GapBuffer("0123456789");
        buffer.Insert(gap, "#");
        buffer.Delete(gap, 1);
        var expected = "0123456789".Remove(position, count);

        // Act
        buffer.Delete(position, count);

        // Assert
        Assert.Equal(expected, buffer.GetText());
        Assert.Equal(expected, Read(buffer));
    }

    [Fact]
    public void Delete_MostOfALargeText_ShrinksTheBuffer()
    {
        // Arrange
        var buffer = new GapBuffer(new string('x', 10_000));
        var capacity = buffer.Capacity;

        // Act
        buffer.Delete(100, 9_800);

        // Assert
        Assert.Equal(new string('x', 200), buffer.GetText());
        Assert.True(buffer.Capacity < capacity / 4);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Indexer_OutsideTheText_Throws(int index)
    {
        // Arrange
        var buffer = new GapBuffer("abc");

        // Act + Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer[index]);
    }

    [Fact]
    public void AsText_Validate_ReadsThroughTheGap()
    {
        // Arrange: the gap sits inside "😀"'s neighbourhood, the pair itself is intact.
        var buffer = new GapBuffer("a😀b");
        buffer.Insert(1, "z");
        buffer.Delete(1, 1);

        // Act
        var error = Assert.Throws<SurrogateSplitException>(() => TextOperation.ForInsert(4, 2, "x").Validate(buffer.AsText(), OperationLimits.Default));

        // Assert
        Assert.Equal(2, error.Position);
        Assert.Equal(4, buffer.AsText().Length);
    }

    [Fact]
    public void InsertAndDelete_RandomEdits_MatchAStringBuilder()
    {
        // Arrange
        var random = new Random(TestSeed.Get(output, 99_991));
        var buffer = new GapBuffer();
        var expected = new StringBuilder();

        // Act + Assert
        for (var step = 0; step < 5_000; step++)
        {
            var position = random.Next(expected.Length + 1);
            if (random.NextDouble() < (expected.Length > 2_000 ? 0.7 : 0.4) && position < expected.Length)
            {
                var count = random.Next(1, Math.Min(expected.Length - position, random.Next(10) == 0 ? 1_500 : 5) + 1);
                buffer.Delete(position, count);
                expected.Remove(position, count);
            }
            else
            {
                var text = new string((char)('a' + random.Next(26)), random.Next(10) == 0 ? random.Next(50, 500) : random.Next(1, 4));
                buffer.Insert(position, text);
                expected.Insert(position, text);
            }

            Assert.Equal(expected.Length, buffer.Length);
            if (step % 50 == 0)
            {
                Assert.Equal(expected.ToString(), buffer.GetText());
                Assert.Equal(expected.ToString(), Read(buffer));
            }
        }

        Assert.Equal(expected.ToString(), buffer.GetText());
    }

    [Fact]
    public void Apply_RandomOperations_MatchesTextOperationApply()
    {
        // Arrange
        var random = new Random(TestSeed.Get(output, 424_243));
        var expected = "The quick brown fox";
        var buffer = new GapBuffer(expected);

        for (var round = 0; round < 500; round++)
        {
            var operation = RandomOperation(random, expected.Length);

            // Act
            buffer.Apply(operation);
            expected = operation.Apply(expected);

            // Assert
            Assert.Equal(expected, buffer.GetText());
        }
    }

    private static TextOperation RandomOperation(Random random, int length)
    {
        var builder = new TextOperation.Builder();
        var position = 0;
        while (position < length)
        {
            var span = Math.Min(length - position, random.Next(1, 6));
            switch (random.Next(3))
            {
                case 0:
                    builder.Retain(span);
                    break;
                case 1:
                    builder.Delete(span);
                    break;
                default:
                    builder.Insert(new string((char)('a' + random.Next(26)), random.Next(1, 4)));
                    builder.Retain(span);
                    break;
            }

            position += span;
        }

        if (random.Next(2) == 0)
        {
            builder.Insert("end");
        }

        return builder.Build();
    }
}

using System.Text;
using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Live;

/// <summary>
/// A load-test client's copy of the pad: the text in chunks of at most <see cref="MaxChunk"/> code units, so applying a
/// one-character operation costs a short scan and a small copy instead of rebuilding a string of the whole pad. Hundreds
/// of simulated clients share two cores with the server; a string per client per operation would measure the load
/// generator's memory bandwidth rather than the server.
/// </summary>
/// <remarks>
/// Plain arrays, not StringBuilders: StringBuilder.Insert into the middle of a builder links a new internal chunk for
/// every insert once the builder holds more than 32 characters, and a profile of the load generator showed half its CPU
/// walking those chains.
/// </remarks>
internal sealed class ChunkedText
{
    private const int MaxChunk = 2048; // ~30 chunks for a 30,000-character pad: a short scan, a copy of ~1 KB at most
    private readonly List<Chunk> _chunks = [];

    public ChunkedText(string text)
    {
        for (var i = 0; i < text.Length; i += MaxChunk / 2)
        {
            _chunks.Add(new Chunk(text.AsSpan(i, Math.Min(MaxChunk / 2, text.Length - i))));
        }

        Length = text.Length;
    }

    public int Length { get; private set; }

    /// <summary>Applies an operation whose base is this text.</summary>
    public void Apply(TextOperation operation)
    {
        if (operation.BaseLength != Length)
        {
            throw new OperationLengthMismatchException(operation.BaseLength, Length, "a load-test client's text");
        }

        var position = 0; // in the text being transformed: inserts so far are included, deletes are gone
        foreach (var c in operation.Components)
        {
            switch (c.Kind)
            {
                case OpComponentKind.Retain:
                    position += c.Length;
                    break;
                case OpComponentKind.Insert:
                    Insert(position, c.Text);
                    position += c.Length;
                    break;
                default:
                    Delete(position, c.Length);
                    break;
            }
        }

        Length = operation.TargetLength;
    }

    public override string ToString()
    {
        var result = new StringBuilder(Length);
        foreach (var chunk in _chunks)
        {
            result.Append(chunk.Data, 0, chunk.Length);
        }

        return result.ToString();
    }

    private void Insert(int position, string text)
    {
        var (index, offset) = Locate(position, forInsert: true);
        if (index == _chunks.Count)
        {
            _chunks.Add(new Chunk([]));
        }

        var chunk = _chunks[index];
        if (chunk.Length + text.Length <= MaxChunk)
        {
            Array.Copy(chunk.Data, offset, chunk.Data, offset + text.Length, chunk.Length - offset);
            text.CopyTo(0, chunk.Data, offset, text.Length);
            chunk.Length += text.Length;
            return;
        }

        // Rebuild this chunk's content with the insert as half-full chunks (a large paste becomes several at once).
        var merged = string.Concat(chunk.Data.AsSpan(0, offset), text, chunk.Data.AsSpan(offset, chunk.Length - offset));
        _chunks.RemoveAt(index);
        for (var i = 0; i < merged.Length; i += MaxChunk / 2)
        {
            _chunks.Insert(index++, new Chunk(merged.AsSpan(i, Math.Min(MaxChunk / 2, merged.Length - i))));
        }
    }

    private void Delete(int position, int count)
    {
        while (count > 0)
        {
            var (index, offset) = Locate(position, forInsert: false);
            var chunk = _chunks[index];
            var take = Math.Min(count, chunk.Length - offset);
            Array.Copy(chunk.Data, offset + take, chunk.Data, offset, chunk.Length - offset - take);
            chunk.Length -= take;
            count -= take;
            if (chunk.Length == 0)
            {
                _chunks.RemoveAt(index);
            }
        }
    }

    // The chunk holding `position` and the offset in it. For an insert at a chunk boundary, the earlier chunk (so
    // appending at the end never needs a new chunk unless the text is empty).
    private (int Index, int Offset) Locate(int position, bool forInsert)
    {
        var start = 0;
        for (var i = 0; i < _chunks.Count; i++)
        {
            var length = _chunks[i].Length;
            if (position < start + length || (forInsert && position == start + length))
            {
                return (i, position - start);
            }

            start += length;
        }

        if (forInsert && position == start)
        {
            return (_chunks.Count, 0);
        }

        throw new ArgumentOutOfRangeException(nameof(position), position, $"Beyond the text's {start} code units.");
    }

    private sealed class Chunk
    {
        public Chunk(ReadOnlySpan<char> text)
        {
            text.CopyTo(Data);
            Length = text.Length;
        }

        public char[] Data { get; } = new char[MaxChunk];

        public int Length { get; set; }
    }
}

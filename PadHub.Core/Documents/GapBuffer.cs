using System.Diagnostics;
using PadHub.Core.Operations;

namespace PadHub.Core.Documents;

/// <summary>
/// The text of a pad as a gap buffer: one <c>char[]</c> whose free space (the gap) sits at the last edit.
/// </summary>
/// <remarks>
/// <para>
/// Why a gap buffer rather than a rope or a piece table: pad edits are overwhelmingly keystrokes next to the previous
/// one, and a gap buffer makes those O(1) (the gap is already there) with no per-edit allocation, no tree to walk and
/// perfect locality for <see cref="GetText"/> and validation reads. Its price is that moving the gap costs time
/// proportional to the distance between two consecutive edits (a <c>memmove</c>, tens of GB/s), never to the pad's
/// length as such: a jump from one end of a 1 MB pad to the other copies up to 2 MB once, then typing there is O(1)
/// again. Pads are capped at <see cref="OperationLimits.MaxDocumentLength"/> (1 M code units by default), which keeps
/// the worst single move well under a millisecond. A rope would bound every edit by O(log n) but pays that on every
/// keystroke and allocates nodes; for one authority serialising the edits of a few people in one pad, the gap buffer
/// wins.
/// </para>
/// <para>
/// Invariants: <c>0 &lt;= _gapStart &lt;= _gapEnd &lt;= _buffer.Length</c>; logical text is
/// <c>_buffer[.._gapStart] + _buffer[_gapEnd..]</c>. Growth doubles the capacity (amortised O(1) per inserted code
/// unit); a buffer emptied to under a quarter shrinks to twice its length, so a pad that was large once does not keep
/// its peak memory forever, with enough hysteresis that alternating edits never thrash.
/// </para>
/// </remarks>
internal sealed class GapBuffer
{
    private const int MinCapacity = 64;

    private char[] _buffer;
    private int _gapStart;
    private int _gapEnd;

    /// <summary>An empty buffer.</summary>
    public GapBuffer()
        : this(ReadOnlySpan<char>.Empty)
    {
    }

    /// <summary>A buffer holding <paramref name="text"/>, with the gap at its end.</summary>
    public GapBuffer(ReadOnlySpan<char> text)
    {
        _buffer = new char[Math.Max(MinCapacity, text.Length * 2)];
        text.CopyTo(_buffer);
        _gapStart = text.Length;
        _gapEnd = _buffer.Length;
    }

    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => _buffer.Length - (_gapEnd - _gapStart);

    /// <summary>Allocated code units (text plus gap); for tests and diagnostics.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Where the gap currently starts (a logical offset); for tests.</summary>
    public int GapPosition => _gapStart;

    /// <summary>The code unit at <paramref name="index"/> (0 &lt;= index &lt; <see cref="Length"/>).</summary>
    public char this[int index]
    {
        get
        {
            // Out-of-range indexes past the gap would read gap garbage instead of failing: keep the check.
            if ((uint)index >= (uint)Length)
            {
                ThrowIndex(index);
            }

            return index < _gapStart ? _buffer[index] : _buffer[index + (_gapEnd - _gapStart)];
        }
    }

    /// <summary>A zero-copy <see cref="IReadOnlyText"/> view (a struct, so generic validation code is specialised and inlined).</summary>
    public GapBufferText AsText() => new(this);

    /// <summary>Inserts <paramref name="text"/> at <paramref name="position"/>.</summary>
    public void Insert(int position, ReadOnlySpan<char> text)
    {
        Debug.Assert((uint)position <= (uint)Length);
        if (text.IsEmpty)
        {
            return;
        }

        if (_gapEnd - _gapStart < text.Length)
        {
            // Reallocate with the gap placed at the insertion point: one copy of the text instead of grow-then-move.
            Reallocate(Math.Max(_buffer.Length * 2, Length + text.Length + MinCapacity), position);
        }
        else
        {
            MoveGap(position);
        }

        text.CopyTo(_buffer.AsSpan(_gapStart));
        _gapStart += text.Length;
    }

    /// <summary>
    /// Applies <paramref name="operation"/> in one walk: a retain moves the cursor, an insert or a delete edits there.
    /// The caller has checked that its base length is <see cref="Length"/>.
    /// </summary>
    public void Apply(TextOperation operation)
    {
        Debug.Assert(operation.BaseLength == Length);
        var cursor = 0;
        foreach (ref readonly var component in operation.Components)
        {
            if (component.IsRetain)
            {
                cursor += component.Length;
            }
            else if (component.IsInsert)
            {
                Insert(cursor, component.Text);
                cursor += component.Length;
            }
            else
            {
                Delete(cursor, component.Length);
            }
        }
    }

    /// <summary>Removes <paramref name="count"/> code units at <paramref name="position"/>.</summary>
    public void Delete(int position, int count)
    {
        Debug.Assert(position >= 0 && count >= 0 && position + count <= Length);
        if (count == 0)
        {
            return;
        }

        var end = position + count;
        if (position <= _gapStart && end >= _gapStart)
        {
            // The range touches or straddles the gap: widen the gap over it, nothing moves (backspace, forward delete).
            _gapEnd += end - _gapStart;
            _gapStart = position;
        }
        else if (end < _gapStart)
        {
            // Entirely before the gap: bring the gap down to the range's end (copies only what lies between).
            MoveGap(end);
            _gapStart = position;
        }
        else
        {
            // Entirely after the gap.
            MoveGap(position);
            _gapEnd += count;
        }

        var length = Length;
        if (_buffer.Length > MinCapacity && length < _buffer.Length / 4)
        {
            Reallocate(Math.Max(MinCapacity, length * 2), _gapStart);
        }
    }

    /// <summary>Copies the text into a new string (the only copy <see cref="PadDocument.GetText"/> makes).</summary>
    public string GetText() =>
        string.Create(Length, this, static (span, self) =>
        {
            self._buffer.AsSpan(0, self._gapStart).CopyTo(span);
            self._buffer.AsSpan(self._gapEnd).CopyTo(span[self._gapStart..]);
        });

    /// <inheritdoc />
    public override string ToString() => GetText();

    private void MoveGap(int position)
    {
        if (position == _gapStart)
        {
            return;
        }

        if (position < _gapStart)
        {
            // Text in [position, _gapStart) slides to just before _gapEnd.
            var count = _gapStart - position;
            _buffer.AsSpan(position, count).CopyTo(_buffer.AsSpan(_gapEnd - count));
            _gapStart = position;
            _gapEnd -= count;
        }
        else
        {
            // Text right after the gap slides down to _gapStart.
            var count = position - _gapStart;
            _buffer.AsSpan(_gapEnd, count).CopyTo(_buffer.AsSpan(_gapStart));
            _gapStart = position;
            _gapEnd += count;
        }
    }

    private void Reallocate(int capacity, int gapPosition)
    {
        var length = Length;
        Debug.Assert(capacity >= length);
        var next = new char[capacity];
        var gapLength = _gapEnd - _gapStart;

        // Logical [0, gapPosition) goes to the front, logical [gapPosition, length) to the back.
        CopyLogical(0, gapPosition, next.AsSpan());
        CopyLogical(gapPosition, length - gapPosition, next.AsSpan(capacity - (length - gapPosition)));
        _buffer = next;
        _gapStart = gapPosition;
        _gapEnd = capacity - (length - gapPosition);

        void CopyLogical(int start, int count, Span<char> destination)
        {
            // A logical range may straddle the old gap: copy the part before it, then the part after it.
            var beforeGap = Math.Clamp(_gapStart - start, 0, count);
            _buffer.AsSpan(start, beforeGap).CopyTo(destination);
            _buffer.AsSpan(start + beforeGap + (beforeGap < count ? gapLength : 0), count - beforeGap)
                .CopyTo(destination[beforeGap..]);
        }
    }

    private static void ThrowIndex(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "Index is outside the text.");
}

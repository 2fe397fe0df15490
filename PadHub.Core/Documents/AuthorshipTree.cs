using System.Diagnostics;

namespace PadHub.Core.Documents;

/// <summary>
/// Who wrote each code unit of a pad, as a sequence of runs (author, length) kept in an implicit treap: a binary tree
/// ordered by position whose nodes carry their subtree's total length, so finding the run at a position, splitting a run,
/// inserting one and removing a range all cost O(log runs) expected, whatever the pad's length.
/// </summary>
/// <remarks>
/// <para>
/// Nodes are structs in one array addressed by int index (index 0 is the empty tree, its <c>Sum</c> always 0), with a
/// free list threaded through <c>Left</c>: the tree allocates only when the pool doubles, never per edit. Priorities come
/// from a fixed-seed xorshift, so the same edits always build the same tree (Core is deterministic).
/// </para>
/// <para>
/// Invariants (checked by <see cref="CheckInvariants"/>): every node's <c>Sum</c> = left <c>Sum</c> + <c>Length</c> + right
/// <c>Sum</c>; a parent's priority is &gt;= its children's; no run is empty; no two adjacent runs share an author. The last
/// one is what makes typing cheap: a keystroke next to the author's own text only lengthens an existing run (one
/// root-to-node walk, or none while the cached path to that run is still valid; no split, no allocation), and a delete
/// inside one run only shortens it.
/// </para>
/// </remarks>
internal sealed partial class AuthorshipTree
{
    private Node[] _nodes = new Node[16];
    private int _used = 1; // node 0 is the empty tree
    private int _free;     // head of the free list (0: empty), linked through Left
    private int _root;
    private int _runs;
    private uint _random = 0x9E3779B9u;

    // A finger on the run found last: its root-to-node path and where it starts. Typing stays inside one run for many
    // keystrokes, and lengthening or shortening that run moves no other run's start, so the next keystroke can reuse the
    // path instead of walking down again. Any structural change (split, merge, new or freed node) invalidates it.
    private int[] _path = new int[64];
    private int _pathLength;
    private int _pathStart;
    private bool _pathValid;

    /// <summary>Total length covered by the runs.</summary>
    public int Length => _nodes[_root].Sum;

    /// <summary>Number of runs.</summary>
    public int RunCount => _runs;

    /// <summary>The author of the code unit at <paramref name="position"/>.</summary>
    public int AuthorAt(int position)
    {
        if ((uint)position >= (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "Position is outside the text.");
        }

        return _nodes[Find(position, out _)].Author;
    }

    /// <summary>Appends a run at the end (building from a snapshot); merges with the last run when the author matches.</summary>
    public void Append(int author, int length)
    {
        Debug.Assert(length >= 0);
        if (length == 0)
        {
            return;
        }

        if (_root != 0)
        {
            var last = Rightmost(_root);
            if (_nodes[last].Author == author)
            {
                AddAlongPath(Length - 1, length);
                return;
            }
        }

        _root = Merge(_root, NewNode(author, length));
    }

    /// <summary>Records that <paramref name="author"/> inserted <paramref name="length"/> code units at <paramref name="position"/>.</summary>
    public void Insert(int position, int length, int author)
    {
        Debug.Assert(length >= 0 && (uint)position <= (uint)Length);
        if (length == 0)
        {
            return;
        }

        if (_root == 0)
        {
            _root = NewNode(author, length);
            return;
        }

        // Typing after (or inside) the author's own run: lengthen it. Typing just before it: same, it starts here.
        if (position > 0 && _nodes[FindAndRememberPath(position - 1, out _)].Author == author)
        {
            AddAlongRememberedPath(length);
            return;
        }

        if (position < Length && _nodes[FindAndRememberPath(position, out _)].Author == author)
        {
            AddAlongRememberedPath(length);
            return;
        }

        // Neither neighbour is this author's: a new run, splitting the run around the position if it is inside one.
        Split(_root, position, out var left, out var right);
        _root = Merge(Merge(left, NewNode(author, length)), right);
    }

    /// <summary>Removes the authorship of <paramref name="length"/> code units at <paramref name="position"/>.</summary>
    public void Delete(int position, int length)
    {
        Debug.Assert(length >= 0 && position >= 0 && position + length <= Length);
        if (length == 0)
        {
            return;
        }

        // Inside one run that survives: just shorten it (no neighbours meet, so runs stay merged).
        var node = FindAndRememberPath(position, out var offset);
        if (offset + length <= _nodes[node].Length && length < _nodes[node].Length)
        {
            AddAlongRememberedPath(-length);
            return;
        }

        // O(log n) splits plus O(k) to free the k runs removed, then a join that merges the two runs that now touch.
        Split(_root, position, out var left, out var rest);
        Split(rest, length, out var middle, out var right);
        FreeSubtree(middle);
        _root = Join(left, right);
    }

    /// <summary>The runs in order, as (author, length).</summary>
    public void CopyRunsTo(List<(int Author, int Length)> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.EnsureCapacity(destination.Count + _runs);

        // Iterative in-order walk: the depth is O(log n) expected, but an explicit stack keeps this safe regardless.
        var stack = new Stack<int>();
        var t = _root;
        while (t != 0 || stack.Count > 0)
        {
            while (t != 0)
            {
                stack.Push(t);
                t = _nodes[t].Left;
            }

            t = stack.Pop();
            destination.Add((_nodes[t].Author, _nodes[t].Length));
            t = _nodes[t].Right;
        }
    }
}

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
internal sealed class AuthorshipTree
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

    /// <summary>Height of the tree (tests use it to check the treap stays balanced).</summary>
    public int Height() => HeightOf(_root);

    /// <summary>Throws <see cref="InvalidOperationException"/> when an invariant is broken (tests and debugging).</summary>
    public void CheckInvariants()
    {
        var count = 0;
        var previousAuthor = -1;
        Check(_root, uint.MaxValue, ref count, ref previousAuthor);
        if (count != _runs)
        {
            throw new InvalidOperationException($"Run count {_runs} but {count} nodes reachable.");
        }

        if (_nodes[0].Sum != 0 || _nodes[0].Length != 0)
        {
            throw new InvalidOperationException("The empty tree's node was written to.");
        }
    }

    private int Check(int t, uint maxPriority, ref int count, ref int previousAuthor)
    {
        if (t == 0)
        {
            return 0;
        }

        var node = _nodes[t];
        if (node.Priority > maxPriority)
        {
            throw new InvalidOperationException($"Heap order broken at node {t}.");
        }

        var left = Check(node.Left, node.Priority, ref count, ref previousAuthor);
        if (node.Length <= 0)
        {
            throw new InvalidOperationException($"Empty run at node {t}.");
        }

        if (node.Author == previousAuthor)
        {
            throw new InvalidOperationException($"Adjacent runs of author {node.Author} not merged.");
        }

        previousAuthor = node.Author;
        count++;
        var right = Check(node.Right, node.Priority, ref count, ref previousAuthor);
        if (node.Sum != left + node.Length + right)
        {
            throw new InvalidOperationException($"Wrong subtree length at node {t}.");
        }

        return node.Sum;
    }

    private int HeightOf(int t) => t == 0 ? 0 : 1 + Math.Max(HeightOf(_nodes[t].Left), HeightOf(_nodes[t].Right));

    /// <summary>The node whose run holds the code unit at <paramref name="position"/>, and the offset inside it.</summary>
    private int Find(int position, out int offset) => Find(_root, position, out offset);

    private int Find(int t, int position, out int offset)
    {
        while (true)
        {
            ref var node = ref _nodes[t];
            var leftSum = _nodes[node.Left].Sum;
            if (position < leftSum)
            {
                t = node.Left;
                continue;
            }

            position -= leftSum;
            if (position < node.Length)
            {
                offset = position;
                return t;
            }

            position -= node.Length;
            t = node.Right;
        }
    }

    /// <summary>
    /// <see cref="Find(int, out int)"/> that also records the root-to-node path, so the common "lengthen or shorten this
    /// run" case updates the sums without a second dependent walk down the tree.
    /// </summary>
    private int FindAndRememberPath(int position, out int offset)
    {
        if (_pathValid)
        {
            var last = _path[_pathLength - 1];
            offset = position - _pathStart;
            if ((uint)offset < (uint)_nodes[last].Length)
            {
                return last;
            }
        }

        var start = position;
        var t = _root;
        var depth = 0;
        while (true)
        {
            if (depth == _path.Length)
            {
                Array.Resize(ref _path, _path.Length * 2);
            }

            _path[depth++] = t;
            ref var node = ref _nodes[t];
            var leftSum = _nodes[node.Left].Sum;
            if (position < leftSum)
            {
                t = node.Left;
                continue;
            }

            position -= leftSum;
            if (position < node.Length)
            {
                offset = position;
                _pathLength = depth;
                _pathStart = start - position;
                _pathValid = true;
                return t;
            }

            position -= node.Length;
            t = node.Right;
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the run found by the last <see cref="FindAndRememberPath"/> and to every sum above it.</summary>
    private void AddAlongRememberedPath(int delta)
    {
        var path = _path.AsSpan(0, _pathLength);
        foreach (var t in path)
        {
            _nodes[t].Sum += delta;
        }

        _nodes[path[^1]].Length += delta;
    }

    /// <summary>Adds <paramref name="delta"/> to the run holding <paramref name="position"/> and to every sum above it.</summary>
    private void AddAlongPath(int position, int delta) => AddAlongPath(_root, position, delta);

    private void AddAlongPath(int t, int position, int delta)
    {
        _pathValid = false;
        // Each step reads the left child's sum before anything below is touched, so the descent sees the old lengths.
        while (true)
        {
            ref var node = ref _nodes[t];
            node.Sum += delta;
            var leftSum = _nodes[node.Left].Sum;
            if (position < leftSum)
            {
                t = node.Left;
                continue;
            }

            position -= leftSum;
            if (position < node.Length)
            {
                node.Length += delta;
                return;
            }

            position -= node.Length;
            t = node.Right;
        }
    }

    /// <summary>Splits <paramref name="t"/> into its first <paramref name="k"/> code units and the rest, cutting a run if needed.</summary>
    private void Split(int t, int k, out int left, out int right)
    {
        if (t != 0 && k > 0 && k < _nodes[t].Sum)
        {
            var node = Find(t, k, out var offset);
            if (offset > 0)
            {
                // k falls inside a run: shorten it to end at k first, so the split itself only cuts between nodes, then
                // put the tail in a new node with a fresh random priority merged into the right part. Creating the tail
                // inside the recursion would let its priority break heap order above it; reusing the run's priority
                // would pile equal priorities into a chain under repeated cuts.
                var tail = _nodes[node].Length - offset;
                var author = _nodes[node].Author;
                AddAlongPath(t, k, -tail);
                SplitBetweenRuns(t, k, out left, out var rest);
                right = Merge(NewNode(author, tail), rest);
                return;
            }
        }

        SplitBetweenRuns(t, k, out left, out right);
    }

    /// <summary>Splits <paramref name="t"/> at <paramref name="k"/>, which must be a run boundary.</summary>
    private void SplitBetweenRuns(int t, int k, out int left, out int right)
    {
        if (t == 0 || k <= 0)
        {
            left = 0;
            right = t;
            return;
        }

        if (k >= _nodes[t].Sum)
        {
            left = t;
            right = 0;
            return;
        }

        var leftSum = _nodes[_nodes[t].Left].Sum;
        if (k <= leftSum)
        {
            SplitBetweenRuns(_nodes[t].Left, k, out left, out var rest);
            _nodes[t].Left = rest;
            Update(t);
            right = t;
            return;
        }

        var afterRun = leftSum + _nodes[t].Length;
        Debug.Assert(k >= afterRun, "SplitBetweenRuns inside a run.");
        SplitBetweenRuns(_nodes[t].Right, k - afterRun, out var before, out right);
        _nodes[t].Right = before;
        Update(t);
        left = t;
    }

    /// <summary>Concatenates two trees (every position of <paramref name="a"/> before <paramref name="b"/>).</summary>
    private int Merge(int a, int b)
    {
        if (a == 0)
        {
            return b;
        }

        if (b == 0)
        {
            return a;
        }

        if (_nodes[a].Priority > _nodes[b].Priority)
        {
            _nodes[a].Right = Merge(_nodes[a].Right, b);
            Update(a);
            return a;
        }

        _nodes[b].Left = Merge(a, _nodes[b].Left);
        Update(b);
        return b;
    }

    /// <summary>Merges two trees, fusing the runs that meet at the seam when they share an author.</summary>
    private int Join(int left, int right)
    {
        if (left == 0)
        {
            return right;
        }

        if (right == 0)
        {
            return left;
        }

        var first = Leftmost(right);
        if (_nodes[Rightmost(left)].Author == _nodes[first].Author)
        {
            var length = _nodes[first].Length;
            right = RemoveFirst(right);
            AddToLast(left, length);
        }

        return Merge(left, right);
    }

    private int RemoveFirst(int t)
    {
        if (_nodes[t].Left == 0)
        {
            var right = _nodes[t].Right;
            FreeNode(t);
            return right;
        }

        _nodes[t].Left = RemoveFirst(_nodes[t].Left);
        Update(t);
        return t;
    }

    private void AddToLast(int t, int delta)
    {
        _pathValid = false;
        while (true)
        {
            ref var node = ref _nodes[t];
            node.Sum += delta;
            if (node.Right == 0)
            {
                node.Length += delta;
                return;
            }

            t = node.Right;
        }
    }

    private int Leftmost(int t)
    {
        while (_nodes[t].Left != 0)
        {
            t = _nodes[t].Left;
        }

        return t;
    }

    private int Rightmost(int t)
    {
        while (_nodes[t].Right != 0)
        {
            t = _nodes[t].Right;
        }

        return t;
    }

    private void Update(int t)
    {
        // Every structural change (split, merge, removal) goes through here, NewNode or FreeNode: drop the finger.
        _pathValid = false;
        ref var node = ref _nodes[t];
        node.Sum = _nodes[node.Left].Sum + node.Length + _nodes[node.Right].Sum;
    }

    private int NewNode(int author, int length)
    {
        _pathValid = false;
        int t;
        if (_free != 0)
        {
            t = _free;
            _free = _nodes[t].Left;
        }
        else
        {
            if (_used == _nodes.Length)
            {
                Array.Resize(ref _nodes, _nodes.Length * 2);
            }

            t = _used++;
        }

        // xorshift32: cheap, allocation-free and deterministic.
        var x = _random;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _random = x;

        _nodes[t] = new Node { Author = author, Length = length, Sum = length, Priority = x };
        _runs++;
        return t;
    }

    private void FreeNode(int t)
    {
        _pathValid = false;
        _nodes[t] = new Node { Left = _free };
        _free = t;
        _runs--;
    }

    private void FreeSubtree(int t)
    {
        if (t == 0)
        {
            return;
        }

        FreeSubtree(_nodes[t].Left);
        FreeSubtree(_nodes[t].Right);
        FreeNode(t);
    }

    private struct Node
    {
        public int Left;
        public int Right;
        public int Length;
        public int Sum;
        public int Author;
        public uint Priority;
    }
}

using System.Diagnostics;

namespace PadHub.Core.Documents;

internal sealed partial class AuthorshipTree
{
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
}

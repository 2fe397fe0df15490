namespace PadHub.Core.Documents;

internal sealed partial class AuthorshipTree
{
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

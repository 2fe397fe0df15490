namespace PadHub.Core.Documents;

internal sealed partial class AuthorshipTree
{
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
}

using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Access;

/// <summary>
/// The role each client id was first used with on a pad, in memory and bounded: viewers are never written to the
/// database (a page load must not cost a row), so their binding lives here, per pad, oldest forgotten first. Editors'
/// ids are also recorded durably by their commits (<see cref="Persistence.IPadStore.HasClientAsync"/>).
/// </summary>
internal sealed class ClientRoleBindings(int perPad = ClientRoleBindings.DefaultPerPad, int maxPads = ClientRoleBindings.DefaultMaxPads)
{
    public const int DefaultPerPad = 10_000;
    public const int DefaultMaxPads = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, PadBook> _pads = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _recentPads = new();

    /// <summary>
    /// Binds <paramref name="clientTag"/> to <paramref name="role"/> on the pad unless it is bound already; returns the
    /// role it is bound to now (another role means the caller must refuse). Atomic, so two racing joins cannot both win.
    /// </summary>
    public PadRole Bind(string padId, string clientTag, PadRole role)
    {
        lock (_gate)
        {
            if (_pads.TryGetValue(padId, out var book))
            {
                _recentPads.Remove(book.Node);
                _recentPads.AddLast(book.Node);
            }
            else
            {
                book = new PadBook(_recentPads.AddLast(padId));
                _pads.Add(padId, book);
                if (_pads.Count > maxPads)
                {
                    _pads.Remove(_recentPads.First!.Value);
                    _recentPads.RemoveFirst();
                }
            }

            if (book.Roles.TryGetValue(clientTag, out var bound))
            {
                return bound;
            }

            book.Roles.Add(clientTag, role);
            book.Order.Enqueue(clientTag);
            if (book.Roles.Count > perPad)
            {
                book.Roles.Remove(book.Order.Dequeue());
            }

            return role;
        }
    }

    private sealed class PadBook(LinkedListNode<string> node)
    {
        public LinkedListNode<string> Node { get; } = node;

        public Dictionary<string, PadRole> Roles { get; } = new(StringComparer.Ordinal);

        public Queue<string> Order { get; } = new();
    }
}

using System.Collections.Concurrent;
using PadHub.Components.Contracts.Pads;
using PadHub.Core.Documents;
using PadHub.Server.Persistence;

namespace PadHub.Tests.Server.Pads;

/// <summary>
/// A test double of the store for the authority's unit tests: it records every write, can hold a write open (to make
/// submissions pile up behind it) and can fail the next write.
/// </summary>
internal sealed class InMemoryPadStore : IPadStore
{
    private readonly ConcurrentDictionary<string, List<StoredRevision>> _revisions = new();
    private readonly ConcurrentDictionary<string, List<PadSnapshot>> _snapshots = new();
    private readonly ConcurrentDictionary<string, PadAccess> _tokens = new();
    private readonly ConcurrentDictionary<string, PadAuthor> _authors = new();
    private readonly ConcurrentDictionary<string, SortedDictionary<int, StoredNamedRevision>> _names = new();
    private readonly Lock _gate = new();
    private int _loads;

    /// <summary>The size of every AppendRevisionsAsync batch, in call order.</summary>
    public List<int> AppendBatches { get; } = [];

    /// <summary>When set, the next append waits for it (and is counted as started first).</summary>
    public TaskCompletionSource? HoldNextAppend { get; set; }

    public TaskCompletionSource AppendStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool FailNextAppend { get; set; }

    /// <summary>When set, the next <see cref="SyncAsync"/> waits for it (and <see cref="SyncStarted"/> completes first).</summary>
    public TaskCompletionSource? HoldNextSync { get; set; }

    public TaskCompletionSource SyncStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many appends went through <see cref="AppendRevisionsUnsyncedAsync"/>, and how many syncs ran.</summary>
    public int UnsyncedAppends { get; private set; }

    public int Syncs { get; private set; }

    /// <summary>How many times a pad was loaded.</summary>
    public int LoadCount => Volatile.Read(ref _loads);

    public int SnapshotCount(string padId) => _snapshots.TryGetValue(padId, out var list) ? list.Count : 0;

    public Task<CreatedPad> CreatePadAsync(string initialText, CancellationToken cancellationToken = default)
    {
        var padId = Guid.NewGuid().ToString("N");
        _revisions[padId] = [];
        _snapshots[padId] = [new PadSnapshot(0, initialText, initialText.Length == 0 ? [] : [new AuthorRun("system", initialText.Length)])];
        var edit = "edit-" + padId;
        var view = "view-" + padId;
        _tokens[edit] = new PadAccess(padId, PadRole.Editor);
        _tokens[view] = new PadAccess(padId, PadRole.Viewer);
        return Task.FromResult(new CreatedPad(padId, edit, view));
    }

    public Task<string?> ReplaceTokenAsync(string padId, PadRole role, CancellationToken cancellationToken = default)
    {
        var old = _tokens.Where(t => t.Value.PadId == padId).ToList();
        if (old.Count == 0)
        {
            return Task.FromResult<string?>(null);
        }

        foreach (var (token, _) in old.Where(t => t.Value.Role == role))
        {
            _tokens.TryRemove(token, out _);
        }

        var fresh = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}";
        _tokens[fresh] = new PadAccess(padId, role);
        return Task.FromResult<string?>(fresh);
    }

    /// <summary>Makes a pad's token unknown from now on (a revoked link).</summary>
    public void RevokeToken(string token) => _tokens.TryRemove(token, out _);

    public Task<PadAccess?> ResolveTokenAsync(string token, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tokens.TryGetValue(token, out var access) ? access : null);

    public Task<StoredPadState?> LoadAsync(string padId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _loads);
        lock (_gate)
        {
            if (!_snapshots.TryGetValue(padId, out var snapshots))
            {
                return Task.FromResult<StoredPadState?>(null);
            }

            var snapshot = snapshots[^1];
            var after = _revisions[padId].Where(r => r.Operation.Revision > snapshot.Revision).ToArray();
            return Task.FromResult<StoredPadState?>(new StoredPadState(padId, snapshot, after));
        }
    }

    public async Task AppendRevisionsAsync(string padId, IReadOnlyList<StoredRevision> revisions, CancellationToken cancellationToken = default)
    {
        var hold = HoldNextAppend;
        HoldNextAppend = null;
        lock (_gate)
        {
            AppendBatches.Add(revisions.Count);
        }

        AppendStarted.TrySetResult();
        if (hold is not null)
        {
            await hold.Task;
        }

        if (FailNextAppend)
        {
            FailNextAppend = false;
            throw new IOException("disk full (simulated)");
        }

        lock (_gate)
        {
            _revisions[padId].AddRange(revisions);
        }
    }

    public Task AppendRevisionsUnsyncedAsync(string padId, IReadOnlyList<StoredRevision> revisions, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            UnsyncedAppends++;
        }

        return AppendRevisionsAsync(padId, revisions, cancellationToken);
    }

    public async Task SyncAsync(CancellationToken cancellationToken = default)
    {
        var hold = HoldNextSync;
        HoldNextSync = null;
        SyncStarted.TrySetResult();
        if (hold is not null)
        {
            await hold.Task;
        }

        lock (_gate)
        {
            Syncs++;
        }
    }

    public Task SaveSnapshotAsync(string padId, PadSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _snapshots[padId].Add(snapshot);
        }

        return Task.CompletedTask;
    }

    /// <summary>When set, the next revisions read waits for it (a slow history read).</summary>
    public TaskCompletionSource? HoldNextRead { get; set; }

    public TaskCompletionSource ReadStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every read passes here: it signals <see cref="ReadStarted"/> and waits for <see cref="HoldNextRead"/>, once.</summary>
    private async Task PassReadHoldAsync()
    {
        var hold = HoldNextRead;
        HoldNextRead = null;
        ReadStarted.TrySetResult();
        if (hold is not null)
        {
            await hold.Task;
        }
    }

    public async Task<IReadOnlyList<StoredRevision>> GetRevisionsAsync(string padId, int afterRevision, int maxCount, CancellationToken cancellationToken = default)
    {
        await PassReadHoldAsync();

        lock (_gate)
        {
            return [.. _revisions[padId].Where(r => r.Operation.Revision > afterRevision).Take(maxCount)];
        }
    }

    public Task<int?> FindRevisionAsync(string padId, string clientId, long seq, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var match = _revisions[padId].FirstOrDefault(r => r.Operation.ClientId == clientId && r.Operation.Seq == seq);
            return Task.FromResult(match is null ? (int?)null : match.Operation.Revision);
        }
    }

    public Task<bool> HasClientAsync(string padId, string clientId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_revisions.TryGetValue(padId, out var revisions) && revisions.Any(r => r.Operation.ClientId == clientId));
        }
    }

    public Task SaveAuthorAsync(PadAuthor author, CancellationToken cancellationToken = default)
    {
        _authors[author.AuthorId] = author;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PadAuthor>> GetAuthorsAsync(IReadOnlyCollection<string> authorIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PadAuthor>>([.. authorIds.Where(_authors.ContainsKey).Select(id => _authors[id])]);

    /// <summary>Honours <see cref="HoldNextRead"/> like every read: a slow read of a past revision.</summary>
    public async Task<StoredRevisionState?> LoadRevisionAsync(string padId, int revision, CancellationToken cancellationToken = default)
    {
        await PassReadHoldAsync();

        lock (_gate)
        {
            if (!_snapshots.TryGetValue(padId, out var snapshots))
            {
                return null;
            }

            var snapshot = snapshots.Where(s => s.Revision <= revision).MaxBy(s => s.Revision)!;
            var after = _revisions[padId].Where(r => r.Operation.Revision > snapshot.Revision && r.Operation.Revision <= revision).ToArray();
            var time = after.Length > 0 ? after[^1].CommittedAt : DateTimeOffset.UnixEpoch;
            return new StoredRevisionState(snapshot, after, time);
        }
    }

    public Task<bool> NameRevisionAsync(string padId, StoredNamedRevision named, int maxPerPad, CancellationToken cancellationToken = default)
    {
        var names = _names.GetOrAdd(padId, _ => []);
        lock (_gate)
        {
            if (!names.ContainsKey(named.Revision) && names.Count >= maxPerPad)
            {
                return Task.FromResult(false);
            }

            names[named.Revision] = named;
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<StoredNamedRevision>> GetNamedRevisionsAsync(string padId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<StoredNamedRevision>>(_names.TryGetValue(padId, out var names) ? [.. names.Values] : []);
        }
    }
}

using PadHub.Components.Contracts.Pads;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Sessions;

/// <summary>An in-memory stand-in for the pad mirror: tests set a pad's snapshot and notify its watchers.</summary>
internal sealed class FakePadWatchService : IPadWatchService
{
    private readonly Dictionary<string, PadWatchSnapshot> _pads = [];
    private readonly List<FakePadWatch> _watches = [];

    /// <summary>Tokens allowed to watch; others are refused as <c>not-found</c>.</summary>
    public HashSet<string> Tokens { get; } = [FakeWorkshopService.ModeratorToken, FakeWorkshopService.AudienceToken];

    /// <summary>Pads' own links (token to pad id) that <see cref="WatchPadLinkAsync"/> accepts.</summary>
    public Dictionary<string, string> PadLinks { get; } = [];

    public int ActiveWatches => _watches.Count;

    public PadWatchSnapshot this[string padId] => _pads[padId];

    public void Set(string padId, string text, IReadOnlyList<PadParticipant>? participants = null, IReadOnlyList<string>? typing = null,
        IReadOnlyList<int>? editsPerMinute = null, DateTimeOffset? lastEditAt = null)
    {
        var revision = _pads.TryGetValue(padId, out var old) ? old.Revision + 1 : 0;
        _pads[padId] = new PadWatchSnapshot(padId, revision, text, participants ?? old?.Participants ?? [], typing ?? old?.TypingAuthorIds ?? [],
            editsPerMinute ?? old?.EditsPerMinute ?? [0, 0, 0, 0, 0], lastEditAt ?? old?.LastEditAt);
    }

    /// <summary>Sets the pad and calls every watcher's onChanged (as the mirror does after a commit).</summary>
    public async Task ChangeAsync(string padId, string text, IReadOnlyList<PadParticipant>? participants = null, IReadOnlyList<string>? typing = null,
        IReadOnlyList<int>? editsPerMinute = null, DateTimeOffset? lastEditAt = null)
    {
        Set(padId, text, participants, typing, editsPerMinute, lastEditAt);
        foreach (var watch in _watches.Where(w => w.PadId == padId).ToList())
        {
            await watch.OnChanged();
        }
    }

    public Task<IPadWatch> WatchAsync(string token, string padId, Func<ValueTask> onChanged, CancellationToken cancellationToken = default)
    {
        if (!Tokens.Contains(token) || !_pads.ContainsKey(padId))
        {
            throw new PadException(PadErrorCodes.NotFound, "No pad has this link.");
        }

        var watch = new FakePadWatch(this, padId, onChanged);
        _watches.Add(watch);
        return Task.FromResult<IPadWatch>(watch);
    }

    public Task<IPadWatch> WatchPadLinkAsync(string token, Func<ValueTask> onChanged, CancellationToken cancellationToken = default)
    {
        if (!PadLinks.TryGetValue(token, out var padId) || !_pads.ContainsKey(padId))
        {
            throw new PadException(PadErrorCodes.NotFound, "No pad has this link.");
        }

        var watch = new FakePadWatch(this, padId, onChanged);
        _watches.Add(watch);
        return Task.FromResult<IPadWatch>(watch);
    }

    internal sealed class FakePadWatch(FakePadWatchService service, string padId, Func<ValueTask> onChanged) : IPadWatch
    {
        public string PadId { get; } = padId;

        public Func<ValueTask> OnChanged { get; } = onChanged;

        public PadWatchSnapshot Current => service._pads[PadId];

        public ValueTask DisposeAsync()
        {
            service._watches.Remove(this);
            return ValueTask.CompletedTask;
        }
    }
}

using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Results;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Markdown;
using PadHub.Core.Documents;
using PadHub.Server.Pads.Authority;
using PadHub.Server.Persistence;

namespace PadHub.Server.Results;

/// <summary>
/// Takes a session's results snapshot for its results link: the session's state through <see cref="IWorkshopService"/>
/// (which checks the token), each pad from its authority (the recorded revision after the end, rebuilt outside the commit
/// loop; the head before it), its named revisions and the contributors' counts. An ended session's snapshot never changes,
/// so the last few are kept per session version.
/// </summary>
internal sealed class ResultsService(
    IWorkshopService workshop,
    IPadAuthorityProvider authorities,
    IPadStore store,
    ContributionCounter counter,
    TimeProvider time) : IResultsService
{
    internal const int MaxTokenLength = 128;
    private const int MaxCachedResults = 16;

    private readonly Lock _cacheGate = new();
    private readonly Dictionary<(string SessionId, long Version), ResultsSnapshot> _ended = [];

    public async Task<ResultsSnapshot?> GetSnapshotAsync(string token, CancellationToken cancellationToken = default)
    {
        if (await GetStateAsync(token, cancellationToken).ConfigureAwait(false) is not { } state)
        {
            return null;
        }

        lock (_cacheGate)
        {
            if (_ended.TryGetValue((state.SessionId, state.Version), out var cached))
            {
                return cached;
            }
        }

        var snapshot = await TakeAsync(state, cancellationToken).ConfigureAwait(false);
        if (snapshot.Ended)
        {
            lock (_cacheGate)
            {
                if (_ended.Count >= MaxCachedResults)
                {
                    _ended.Clear();
                }

                _ended[(state.SessionId, state.Version)] = snapshot;
            }
        }

        return snapshot;
    }

    /// <summary>The session's state when <paramref name="token"/> is a valid results link, else null.</summary>
    internal async Task<SessionState?> GetStateAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        var access = await workshop.ResolveAsync(token, cancellationToken).ConfigureAwait(false);
        if (access is not { Role: SessionRole.Results })
        {
            return null; // Another kind of link is as unknown here as a made-up one.
        }

        try
        {
            var subscription = await workshop.WatchAsync(token, static _ => ValueTask.CompletedTask, cancellationToken).ConfigureAwait(false);
            await using (subscription.ConfigureAwait(false))
            {
                return subscription.Current;
            }
        }
        catch (PadException ex) when (ex.Code == PadErrorCodes.NotFound)
        {
            return null; // Replaced between the two calls.
        }
    }

    internal async Task<ResultsSnapshot> TakeAsync(SessionState state, CancellationToken cancellationToken)
    {
        var pads = new List<(SessionGroup Group, PadRevision Pad, IReadOnlyList<PadNamedRevision> Named, PadTally Tally)>();
        foreach (var group in state.Groups.OrderBy(g => g.Number))
        {
            var authority = authorities.GetAuthority(group.PadId);
            var pad = await ReadPadAsync(state, group, authority, cancellationToken).ConfigureAwait(false);
            var named = await authority.GetNamedRevisionsAsync(cancellationToken).ConfigureAwait(false);
            var tally = await counter.CountAsync(group.PadId, pad.Revision, cancellationToken).ConfigureAwait(false);
            pads.Add((group, pad, [.. named.Where(n => n.Revision <= pad.Revision)], tally));
        }

        var names = await ContributorNamesAsync(state.CreditContributors, new ExportText(state.Language), pads.Select(p => p.Tally), cancellationToken).ConfigureAwait(false);
        var groups = pads.Select(p => new ResultsGroup(
            p.Group.GroupId,
            p.Group.Number,
            p.Group.Name,
            p.Group.Topic,
            p.Group.Animators,
            p.Group.Rapporteur,
            new ResultsPad(
                p.Group.PadId,
                p.Pad.Revision,
                p.Pad.Text,
                PadConclusions.Extract(p.Pad.Text),
                p.Named,
                Contributions(p.Tally, p.Pad, names)))).ToArray();

        return new ResultsSnapshot(
            state.SessionId,
            state.Version,
            state.Title,
            state.Description,
            state.Phases,
            SessionLicences.Find(state.Licence) ?? SessionLicences.Find(SessionLicences.Default)!,
            state.CreatedAt,
            state.Ended?.EndedAt,
            time.GetUtcNow(),
            state.CreditContributors,
            groups,
            state.Language);
    }

    private static async Task<PadRevision> ReadPadAsync(SessionState state, SessionGroup group, IPadAuthority authority, CancellationToken cancellationToken)
    {
        var recorded = state.Ended?.Pads.FirstOrDefault(p => string.Equals(p.GroupId, group.GroupId, StringComparison.Ordinal));
        if (recorded is not null)
        {
            return await authority.GetRevisionAsync(recorded.Revision, cancellationToken).ConfigureAwait(false);
        }

        var head = await authority.GetStateAsync(cancellationToken).ConfigureAwait(false);
        return new PadRevision(head.Revision, head.Text, head.Authorship, default);
    }

    /// <summary>
    /// Each author's label: "Contributor N" numbered across the session in order of first edit (group by group), or, when
    /// the session credits its contributors, the display name the author chose (the number when the author is gone).
    /// </summary>
    private async Task<Dictionary<string, string>> ContributorNamesAsync(bool credit, ExportText text, IEnumerable<PadTally> tallies, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var author in tallies.SelectMany(t => t.Authors))
        {
            if (!labels.ContainsKey(author.AuthorId))
            {
                labels[author.AuthorId] = text["Contributor", labels.Count + 1];
            }
        }

        if (credit && labels.Count > 0)
        {
            foreach (var author in await store.GetAuthorsAsync(labels.Keys, cancellationToken).ConfigureAwait(false))
            {
                if (!string.IsNullOrWhiteSpace(author.DisplayName))
                {
                    labels[author.AuthorId] = author.DisplayName.Trim();
                }
            }
        }

        return labels;
    }

    private static ResultsContribution[] Contributions(PadTally tally, PadRevision pad, Dictionary<string, string> names)
    {
        var inResult = new Dictionary<string, long>(StringComparer.Ordinal);
        var position = 0;
        foreach (var run in pad.Authorship)
        {
            var length = Math.Min(run.Length, pad.Text.Length - position);
            if (length <= 0)
            {
                break;
            }

            long scalars = 0;
            foreach (var _ in pad.Text.AsSpan(position, length).EnumerateRunes())
            {
                scalars++;
            }

            inResult[run.AuthorId] = inResult.GetValueOrDefault(run.AuthorId) + scalars;
            position += length;
        }

        // Two credited authors may share a display name: one row each name, so (group, contributor) stays a key.
        return [.. tally.Authors
            .GroupBy(a => names[a.AuthorId], StringComparer.Ordinal)
            .Select(same => new ResultsContribution(
                same.Key,
                same.Sum(a => a.Characters),
                same.Sum(a => a.Edits),
                same.Sum(a => inResult.GetValueOrDefault(a.AuthorId))))];
    }
}

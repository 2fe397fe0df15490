namespace PadHub.Components.Contracts.Participation;

/// <summary>A session's participation as a watcher may see it. Immutable: a change publishes a new one.</summary>
/// <param name="Version">Increases with every change.</param>
/// <param name="Followers">How many live audience pages follow each group (group id to count; absent is zero).</param>
/// <param name="HelpCalls">The latest call of each group that called, open or seen.</param>
public sealed record ParticipationState(long Version, IReadOnlyDictionary<string, int> Followers, IReadOnlyList<HelpCall> HelpCalls)
{
    /// <summary>Nothing followed, nobody called.</summary>
    public static ParticipationState Empty { get; } = new(0, new Dictionary<string, int>(StringComparer.Ordinal), []);

    /// <summary>How many pages follow <paramref name="groupId"/>.</summary>
    public int FollowersOf(string groupId) => Followers.TryGetValue(groupId, out var count) ? count : 0;

    /// <summary>The group's latest call (open or seen), or null.</summary>
    public HelpCall? CallOf(string groupId) => HelpCalls.FirstOrDefault(c => string.Equals(c.GroupId, groupId, StringComparison.Ordinal));
}

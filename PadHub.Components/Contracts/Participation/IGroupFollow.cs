namespace PadHub.Components.Contracts.Participation;

/// <summary>One page's follow of a group: counted once until disposed.</summary>
public interface IGroupFollow : IAsyncDisposable
{
    /// <summary>The group followed now, or null.</summary>
    string? GroupId { get; }

    /// <summary>Follows another group (null: none), moving this page's count at once.</summary>
    Task ChangeAsync(string? groupId, CancellationToken cancellationToken = default);
}

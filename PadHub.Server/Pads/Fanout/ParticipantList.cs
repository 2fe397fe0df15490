using System.Collections.Immutable;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Fanout;

/// <summary>A participant list published to every connection of a pad, with the same one-serialisation slot.</summary>
internal sealed class ParticipantList(ImmutableArray<PadParticipant> participants)
    : IReadOnlyList<PadParticipant>, ISharedWireForm<IReadOnlyList<PadParticipant>>
{
    private object? _wireForm;

    public int Count => participants.Length;

    public PadParticipant this[int index] => participants[index];

    IReadOnlyList<PadParticipant> ISharedWireForm<IReadOnlyList<PadParticipant>>.Value => this;

    public T GetWireForm<T>(Func<IReadOnlyList<PadParticipant>, T> create)
        where T : class =>
        Volatile.Read(ref _wireForm) as T ?? (T)(Interlocked.CompareExchange(ref _wireForm, create(this), null) ?? _wireForm!);

    public IEnumerator<PadParticipant> GetEnumerator() => ((IEnumerable<PadParticipant>)participants).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

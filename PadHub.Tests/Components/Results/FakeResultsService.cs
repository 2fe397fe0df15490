using PadHub.Components.Contracts.Results;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Results;

/// <summary>Answers <see cref="FakeWorkshopService.ResultsToken"/> with <see cref="Snapshot"/>; any other token with null.</summary>
internal sealed class FakeResultsService : IResultsService
{
    public ResultsSnapshot? Snapshot { get; set; }

    public int Calls { get; private set; }

    public Task<ResultsSnapshot?> GetSnapshotAsync(string token, CancellationToken cancellationToken = default)
    {
        Calls++;
        return Task.FromResult(token == FakeWorkshopService.ResultsToken ? Snapshot : null);
    }
}

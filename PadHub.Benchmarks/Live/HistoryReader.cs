using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace PadHub.Benchmarks.Live;

/// <summary>Reads a pad's whole history through <c>GetHistory</c>'s pages, waiting out the per-connection rate limit.</summary>
internal static class HistoryReader
{
    public static async Task<List<CommittedOp>> ReadAllAsync(HubConnection connection, string padId, int fromRevision, CancellationToken cancellationToken)
    {
        var operations = new List<CommittedOp>();
        var from = fromRevision;
        while (true)
        {
            HistoryPage page;
            try
            {
                page = await connection.InvokeAsync<HistoryPage>("GetHistory", new HistoryRequest(padId, from), cancellationToken);
            }
            catch (HubException ex) when (ex.Message.Contains("rate-limited:", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                continue;
            }

            operations.AddRange(page.Operations);
            if (!page.HasMore || page.Operations.Count == 0)
            {
                return operations;
            }

            from = page.Operations[^1].Revision;
        }
    }
}

using System.Globalization;
using PadHub.Core.Client;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PadHub.Tests.Core;

/// <summary>
/// Many <see cref="OtClient"/>s against one <see cref="PadDocument"/> over lossy, delayed, reconnecting links (see
/// <see cref="ConvergenceSimulation"/>), with the reference server as a lockstep oracle. PADHUB_SEED replays a run;
/// PADHUB_SIM_OPS sets the edit count of the main run.
/// </summary>
public sealed class ConvergenceSimulationTests(ITestOutputHelper output)
{
    [Fact]
    public void Run_FiveClientsWithDisconnects_AllConvergeWithNoEditLostOrDoubled()
    {
        // Typing about as fast as the round trip, so most edits go out alone (the server rebases thousands of them)
        // while bursts still compose into buffers.
        var options = new SimulationOptions(TestSeed.Get(output), Clients: 5, TargetEdits: TestSeed.SimulationOps)
        {
            MeanEditIntervalMicros = 60_000,
            MaxLinkDelayMicros = 50_000,
        };

        var result = new ConvergenceSimulation(options).Run();

        Report(result);
        AssertConverged(result, options);
    }

    [Fact]
    public void Run_ManySeedsAndNetworkShapes_AllConverge()
    {
        // Small runs over varied shapes: fast typists on slow links (deep buffers), flapping connections, many clients,
        // and a document retaining only 8 operations (history from the store, too-old re-sends, seqs looked up in the store).
        var baseSeed = TestSeed.Get(output);
        long edits = 0, duplicates = 0, disconnects = 0, tooOld = 0, storeReads = 0, storeDuplicates = 0, snapshots = 0;
        for (var i = 0; i < 60; i++)
        {
            var seed = unchecked(baseSeed + (i * 7_919));
            var options = (i % 4) switch
            {
                0 => new SimulationOptions(seed, Clients: 5, TargetEdits: 300) { MeanEditIntervalMicros = 2_000, MaxLinkDelayMicros = 300_000 },
                1 => new SimulationOptions(seed, Clients: 6, TargetEdits: 300) { MeanConnectedMicros = 60_000, MaxOfflineMicros = 100_000 },
                2 => new SimulationOptions(seed, Clients: 12, TargetEdits: 400) { MultiEditProbability = 0.5, SnapshotRejoinProbability = 0.8 },
                _ => new SimulationOptions(seed, Clients: 6, TargetEdits: 300)
                {
                    Document = PadDocumentOptions.Default with { RetainedHistory = 8 },
                    MeanConnectedMicros = 150_000,
                    MaxOfflineMicros = 600_000,
                },
            };

            var result = new ConvergenceSimulation(options).Run();

            AssertConverged(result, options);
            edits += result.EditsGenerated;
            duplicates += result.DuplicatesAbsorbed;
            disconnects += result.Disconnects;
            tooOld += result.RejectedTooOld;
            storeReads += result.StoreHistoryReads;
            storeDuplicates += result.StoreDuplicateLookups;
            snapshots += result.SnapshotRejoins;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"base seed {baseSeed}: 60 runs, {edits} edits, {disconnects} disconnects, {duplicates} duplicate re-sends absorbed ({storeDuplicates} via the store), {tooOld} too-old re-sends, {storeReads} history reads from the store, {snapshots} snapshot rejoins"));
        // The shapes exist to reach these paths; a run that never reaches them tests less than it claims.
        Assert.True(duplicates > 0 && storeDuplicates > 0 && tooOld > 0 && storeReads > 0 && snapshots > 0,
            $"base seed {baseSeed}: a recovery path went unexercised (duplicates {duplicates}, store duplicates {storeDuplicates}, too old {tooOld}, store reads {storeReads}, snapshots {snapshots})");
    }

    private void Report(SimulationResult result)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {result.Seed}: {result.EditsGenerated} edits by {result.Clients.Count} clients -> {result.ServerRevision} committed operations"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {result.Events} events over {result.SimulatedMicros / 1_000_000.0:F1} simulated s in {result.WallTime.TotalMilliseconds:F0} ms wall"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {result.Disconnects} disconnects, {result.MessagesDropped} messages dropped, {result.HistoryRejoins} history rejoins, {result.SnapshotRejoins} snapshot rejoins, {result.DuplicatesAbsorbed} duplicate re-sends absorbed, {result.RejectedTooOld} too-old re-sends"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  up to {result.Clients.Max(c => c.MaxEditsPerOperation)} edits composed into one operation; final text {result.ServerText.Length} code units"));
    }

    private static void AssertConverged(SimulationResult result, SimulationOptions options)
    {
        var seed = result.Seed;
        Assert.True(result.EditsGenerated == options.TargetEdits,
            $"seed {seed}: generated {result.EditsGenerated} edits, wanted {options.TargetEdits}");

        string replayed;
        try
        {
            replayed = ReferenceServer.Replay(result.InitialText, result.CommittedLog);
        }
        catch (Exception ex) when (ex is OtException or InvalidOperationException)
        {
            throw new XunitException($"seed {seed}: the committed log does not replay: {ex.Message}", ex);
        }

        Assert.True(string.Equals(replayed, result.ServerText, StringComparison.Ordinal),
            $"seed {seed}: the server text differs from a replay of its log at {FirstDifference(replayed, result.ServerText)}");
        Assert.True(result.CommittedLog.Count == result.ServerRevision,
            $"seed {seed}: {result.CommittedLog.Count} log entries for revision {result.ServerRevision}");

        var distinct = result.CommittedLog.Select(c => (c.ClientId, c.Seq)).Distinct().Count();
        Assert.True(distinct == result.CommittedLog.Count,
            $"seed {seed}: {result.CommittedLog.Count - distinct} (client id, seq) pairs were committed more than once");

        foreach (var client in result.Clients)
        {
            var id = client.ClientId;
            Assert.True(client.Connected, $"seed {seed}: {id} ended disconnected");
            Assert.True(client.State == OtClientState.Synchronized, $"seed {seed}: {id} ended {client.State}");
            Assert.True(client.Revision == result.ServerRevision,
                $"seed {seed}: {id} ended at revision {client.Revision}, the server at {result.ServerRevision}");
            Assert.True(string.Equals(client.Document, result.ServerText, StringComparison.Ordinal),
                $"seed {seed}: {id}'s document differs from the server's at {FirstDifference(client.Document ?? string.Empty, result.ServerText)}");

            var committedSeqs = result.CommittedLog.Where(c => c.ClientId == id).Select(c => c.Seq).Order().ToList();
            var expectedSeqs = Enumerable.Range(1, checked((int)client.LastSeq)).Select(s => (long)s);
            Assert.True(committedSeqs.SequenceEqual(expectedSeqs),
                $"seed {seed}: {id} sent seqs 1..{client.LastSeq} but the log holds {committedSeqs.Count} of its seqs");
            Assert.True(committedSeqs.All(client.EditsPerSeq.ContainsKey),
                $"seed {seed}: the log holds a seq of {id} that {id} never produced");
            var committedEdits = committedSeqs.Sum(s => (long)client.EditsPerSeq[s]);
            Assert.True(committedEdits == client.EditsGenerated,
                $"seed {seed}: {id} made {client.EditsGenerated} edits but its committed operations carry {committedEdits}");
        }
    }

    private static string FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"offset {i} (lengths {a.Length} and {b.Length})");
    }
}

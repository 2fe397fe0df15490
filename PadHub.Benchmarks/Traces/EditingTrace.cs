using System.IO.Compression;
using System.Text.Json;

namespace PadHub.Benchmarks.Traces;

/// <summary>
/// An editing trace from josephg/editing-traces: <c>{startContent, endContent, txns: [{time, patches: [[pos, del, ins]]}]}</c>.
/// Positions count code points, but the stored traces contain nothing above U+FFFF, so they are UTF-16 offsets here.
/// </summary>
public sealed class EditingTrace
{
    private EditingTrace(string name, string startContent, string endContent, TracePatch[][] transactions, bool isConcurrent)
    {
        Name = name;
        StartContent = startContent;
        EndContent = endContent;
        Transactions = transactions;
        IsConcurrent = isConcurrent;
        PatchCount = transactions.Sum(t => t.Length);
    }

    /// <summary>The file name without <c>.json.gz</c>, e.g. <c>automerge-paper</c>.</summary>
    public string Name { get; }

    /// <summary>The text before the first transaction (empty when the file has none).</summary>
    public string StartContent { get; }

    /// <summary>The text after the last transaction.</summary>
    public string EndContent { get; }

    /// <summary>Patches grouped by transaction, in order.</summary>
    public IReadOnlyList<TracePatch[]> Transactions { get; }

    /// <summary>Total number of patches (the "edits" every per-edit figure divides by).</summary>
    public int PatchCount { get; }

    /// <summary>
    /// True for a concurrent history (txns name their parents): its positions are relative to the merged state of a
    /// txn's parents, so it cannot be replayed in file order.
    /// </summary>
    public bool IsConcurrent { get; }

    /// <summary>Reads and decompresses a <c>.json.gz</c> trace.</summary>
    /// <exception cref="InvalidDataException">The file is not a trace.</exception>
    public static EditingTrace Load(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var json = JsonDocument.Parse(gzip);
        var root = json.RootElement;
        var name = Path.GetFileName(path);
        if (name.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^".json.gz".Length];
        }

        var start = root.TryGetProperty("startContent", out var startElement) ? startElement.GetString() ?? "" : "";
        var end = root.GetProperty("endContent").GetString() ?? throw new InvalidDataException($"{path}: endContent is null.");
        var txnsElement = root.GetProperty("txns");
        var transactions = new TracePatch[txnsElement.GetArrayLength()][];
        var concurrent = false;
        var index = 0;
        foreach (var txn in txnsElement.EnumerateArray())
        {
            concurrent |= txn.TryGetProperty("parents", out _);
            var patchesElement = txn.GetProperty("patches");
            var patches = new TracePatch[patchesElement.GetArrayLength()];
            var p = 0;
            foreach (var patch in patchesElement.EnumerateArray())
            {
                if (patch.GetArrayLength() != 3)
                {
                    throw new InvalidDataException($"{path}: txn {index} has a patch that is not [pos, delCount, insStr].");
                }

                patches[p++] = new TracePatch(patch[0].GetInt32(), patch[1].GetInt32(), patch[2].GetString() ?? "");
            }

            transactions[index++] = patches;
        }

        return new EditingTrace(name, start, end, transactions, concurrent);
    }
}

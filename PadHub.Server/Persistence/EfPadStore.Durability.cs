using Microsoft.EntityFrameworkCore;

namespace PadHub.Server.Persistence;

// Deferred durability on SQLite (synchronous=FULL): a batch is appended without an fsync, then one fsync of the WAL
// file on a dedicated thread makes every batch written so far durable (group fsync across pads).
public sealed partial class EfPadStore
{
    private readonly object _syncGate = new(); // Monitor: the sync thread waits on it
    private string? _walPath;
    private bool? _sqliteFull;
    private TaskCompletionSource? _nextSync;
    private Thread? _syncThread;

    /// <summary>
    /// SQLite with <c>synchronous=FULL</c>: this one transaction runs with <c>synchronous=NORMAL</c>, so its frames reach
    /// the WAL file (the OS's cache: they survive a crash of this process) without an fsync; <see cref="SyncAsync"/>
    /// fsyncs the WAL file, which is what FULL does at the end of every commit. Other providers and modes append as
    /// <see cref="AppendRevisionsAsync"/> does.
    /// </summary>
    public Task AppendRevisionsUnsyncedAsync(string padId, IReadOnlyList<StoredRevision> revisions, CancellationToken cancellationToken = default) =>
        AppendAsync(padId, revisions, deferSync: true, cancellationToken);

    public Task SyncAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _walPath) is null)
        {
            return Task.CompletedTask; // Nothing was appended unsynced yet.
        }

        // Group fsync across every pad: callers that arrive while an fsync runs share the next one, which starts after
        // their call. It runs on a dedicated thread: an fsync can block for 100 ms, and the thread pool of a small
        // machine must not lose a thread to it.
        lock (_syncGate)
        {
            _nextSync ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var task = _nextSync.Task;
            if (_syncThread is null)
            {
                _syncThread = new Thread(SyncLoop) { IsBackground = true, Name = "PadHub WAL fsync" };
                _syncThread.Start();
            }

            Monitor.Pulse(_syncGate);
            return task;
        }
    }

    private void SyncLoop()
    {
        while (true)
        {
            TaskCompletionSource next;
            lock (_syncGate)
            {
                if (_nextSync is null && !Monitor.Wait(_syncGate, TimeSpan.FromSeconds(10)) && _nextSync is null)
                {
                    _syncThread = null; // Idle: the next SyncAsync starts a new thread.
                    return;
                }

                if (_nextSync is null)
                {
                    continue;
                }

                next = _nextSync;
                _nextSync = null;
            }

            try
            {
                FsyncWal(_walPath!);
                next.TrySetResult();
            }
#pragma warning disable CA1031 // The failure goes to every caller waiting for this fsync.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                next.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// One fsync of the WAL file covers every frame written before it, whichever connection wrote it. SQLite takes no
    /// POSIX locks on the -wal file, so opening and closing another descriptor on it cannot drop SQLite's locks.
    /// </summary>
    private static void FsyncWal(string walPath)
    {
        try
        {
            using var wal = new FileStream(walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            wal.Flush(flushToDisk: true);
        }
        catch (FileNotFoundException)
        {
            // The last connection checkpointed the WAL into the database (which a checkpoint fsyncs) and deleted it.
        }
    }

    /// <summary>Whether this store's SQLite connections run with synchronous=FULL (asked once; the interceptor sets it on every connection).</summary>
    private async Task<bool> IsSqliteFullAsync(PadHubDbContext db, CancellationToken cancellationToken)
    {
        if (_sqliteFull is { } known)
        {
            return known;
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            var mode = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            var full = mode >= 2; // 2 = FULL, 3 = EXTRA
            if (full)
            {
                Volatile.Write(ref _walPath, connection.DataSource + "-wal");
            }

            _sqliteFull = full;
            return full;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

}

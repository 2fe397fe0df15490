using System.IO.Compression;
using System.Text;
using PadHub.Components.Contracts.Results;

namespace PadHub.Server.Results;

/// <summary>
/// <c>export.zip</c>, written straight to the response: each entry is built, compressed into the stream and dropped
/// before the next (the archive is never held whole; the largest thing in memory is one pad's file). Async all the way
/// (.NET 10's <see cref="ZipArchive.CreateAsync"/> and <see cref="ZipArchiveEntry.OpenAsync"/>), so Kestrel never
/// sees a synchronous write (the compressor's synchronous tail is held by <see cref="DeferredSyncWriteStream"/>).
/// </summary>
internal static class ResultsArchive
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(Stream destination, ResultsSnapshot snapshot, string resultsUrl, CancellationToken cancellationToken)
    {
        // A fixed entry time: the same recorded result always gives the same archive.
        var stamp = snapshot.EndedAt ?? snapshot.TakenAt;
        var body = new DeferredSyncWriteStream(destination);
        await using (body.ConfigureAwait(false))
        {
            var archive = await ZipArchive.CreateAsync(body, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Utf8, cancellationToken)
                .ConfigureAwait(false);
            await using (archive.ConfigureAwait(false))
            {
                foreach (var document in ResultsDocuments.All(snapshot, resultsUrl))
                {
                    var entry = archive.CreateEntry(document.File, CompressionLevel.Fastest);
                    entry.LastWriteTime = stamp;
                    var bytes = Utf8.GetBytes(document.Build());
                    var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                    await using (stream.ConfigureAwait(false))
                    {
                        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            await body.SendPendingAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

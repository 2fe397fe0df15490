using System.IO.Compression;
using System.Text;
using Xunit.Abstractions;
using PadHub.Server.Results;

namespace PadHub.Tests.Server.Results;

public sealed class ResultsArchiveTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WriteAsync_ForwardOnlyAsyncStream_HoldsEveryDocument()
    {
        var snapshot = ResultsSamples.Snapshot();
        var sink = new ForwardOnlyStream();

        await ResultsArchive.WriteAsync(sink, snapshot, ResultsSamples.ResultsUrl, CancellationToken.None);

        using var zip = new ZipArchive(new MemoryStream(sink.Written.ToArray()), ZipArchiveMode.Read);
        var expected = ResultsDocuments.All(snapshot, ResultsSamples.ResultsUrl);
        Assert.Equal(expected.Select(d => d.File), zip.Entries.Select(e => e.FullName));
        foreach (var document in expected)
        {
            using var reader = new StreamReader(zip.GetEntry(document.File)!.Open(), Encoding.UTF8);
            Assert.Equal(document.Build(), await reader.ReadToEndAsync());
        }
    }

    [Fact]
    public async Task WriteAsync_OneMegabytePad_IsSentInSmallWrites()
    {
        // Incompressible text: were the archive (or an entry) buffered whole, one write would carry it.
        var seed = TestSeed.Get(output);
        var random = new Random(seed);
        var text = new string([.. Enumerable.Range(0, 1_000_000).Select(_ => (char)random.Next(0x21, 0x7e))]);
        var sink = new ForwardOnlyStream();

        await ResultsArchive.WriteAsync(sink, ResultsSamples.Snapshot(firstPad: text), ResultsSamples.ResultsUrl, CancellationToken.None);

        Assert.True(sink.Written.Length > 1_000_000, $"seed {seed}");
        Assert.True(sink.LargestWrite <= 128 * 1024, $"largest write {sink.LargestWrite} bytes (seed {seed})");
    }

    [Fact]
    public async Task WriteAsync_OneMegabyteMarkdownPad_WritesEveryFile()
    {
        // Prints what a 1 MB pad costs to export (all files and the archive), for the record: no timing assertion.
        // Headings are numbered: Markdig's auto identifiers cost quadratic time in repeated identical headings (reported).
        var text = string.Concat(Enumerable.Range(1, 20_000).Select(i =>
            $"## Point {i}\n\nOpen data needs ==shared vocabularies== and *maintainers*; see [the notes](https://example.org/n).\n\n"))[..1_000_000];
        var sink = new ForwardOnlyStream();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var snapshot = ResultsSamples.Snapshot(firstPad: text);
        var extracted = clock.Elapsed;
        await ResultsArchive.WriteAsync(sink, snapshot, ResultsSamples.ResultsUrl, CancellationToken.None);

        output.WriteLine($"1 MB Markdown pad: conclusions extracted in {extracted.TotalMilliseconds:F0} ms, export.zip ({sink.Written.Length:N0} bytes) written in {(clock.Elapsed - extracted).TotalMilliseconds:F0} ms");
        using var zip = new ZipArchive(new MemoryStream(sink.Written.ToArray()), ZipArchiveMode.Read);
        Assert.Equal(12, zip.Entries.Count);
    }

    /// <summary>Like a response body: not seekable, no length, and synchronous writes refused (Kestrel's default).</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        public MemoryStream Written { get; } = new();

        public int LargestWrite { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => throw new InvalidOperationException("synchronous flush");
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous write");

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Written.Write(buffer.Span);
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}

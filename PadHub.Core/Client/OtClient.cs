using PadHub.Core.Documents;
using PadHub.Core.Operations;

namespace PadHub.Core.Client;

/// <summary>
/// The ot.js client state machine for one pad: at most one operation in flight, later local edits composed into a
/// buffer, remote operations transformed over both. Deterministic and transport-agnostic: the caller sends what it
/// returns and feeds it what the server says, in revision order. Not thread-safe.
/// </summary>
/// <remarks>
/// <para>Invariants, with S the server's text at <see cref="Revision"/>:</para>
/// <list type="bullet">
/// <item><see cref="OtClientState.Synchronized"/>: no outstanding operation, no buffer; the local document is S.</item>
/// <item><see cref="OtClientState.AwaitingConfirm"/>: <see cref="Outstanding"/> applies to S and carries seq
/// <see cref="Seq"/>; no buffer; the local document is <c>outstanding(S)</c>.</item>
/// <item><see cref="OtClientState.AwaitingWithBuffer"/>: as above, and <see cref="Buffer"/> applies to
/// <c>outstanding(S)</c>; the local document is <c>buffer(outstanding(S))</c>. The buffer has no seq until it is sent.</item>
/// <item>When a <see cref="Document"/> is tracked it is always the local document described above.</item>
/// <item>Seqs are assigned 1, 2, 3... (after the constructor's last seq), one per sent operation, never reused for
/// different content: a re-send keeps the outstanding operation's seq.</item>
/// </list>
/// <para>
/// Ties: the server rebases an incoming operation with <c>Transform(incoming, committed)</c>, so the incoming insert
/// lands first. The client mirrors it: for a remote operation r and a pending operation p it computes
/// <c>(p', r') = Transform(p, r)</c>, applies r' locally and keeps p'. So the outstanding operation is always exactly
/// the operation the server will commit for it, which <see cref="Receive"/> checks.
/// </para>
/// <para>
/// Reconnect (messages in flight in either direction may have been lost): on the new connection, send
/// <c>join(fromRevision: Revision)</c> and, right behind it, <see cref="GetPendingForResend"/> if it is not null. The
/// server answers the join with every committed operation after <see cref="Revision"/> (this client's own included) and
/// then streams new commits; feed each to <see cref="Receive"/>. If the outstanding operation had been committed before
/// the disconnect, the history contains it under this client's id and seq and acknowledges it, and the re-send is a
/// duplicate the server's idempotency ignores; otherwise the re-send commits it. Either way it is committed once, and
/// the buffer goes out after its acknowledgement under the next seq. A client with nothing pending may instead
/// <see cref="Reset"/> to a snapshot.
/// </para>
/// </remarks>
public sealed class OtClient
{
    private TextOperation? _outstanding;
    private int _outstandingEdits;
    private TextOperation? _buffer;
    private int _bufferEdits;

    /// <summary>Creates a synchronized client.</summary>
    /// <param name="clientId">This client's id (a browser tab, a bot connection): unique per pad session.</param>
    /// <param name="revision">The server revision the client starts from.</param>
    /// <param name="document">
    /// The server's text at <paramref name="revision"/> to track the local document, or null to track only operations.
    /// </param>
    /// <param name="lastSeq">The last seq this client id already used (0 for a new id).</param>
    public OtClient(string clientId, int revision, string? document = null, long lastSeq = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        ArgumentOutOfRangeException.ThrowIfNegative(lastSeq);
        ClientId = clientId;
        Revision = revision;
        Document = document;
        Seq = lastSeq;
    }

    /// <summary>This client's id.</summary>
    public string ClientId { get; }

    /// <summary>The last server revision this client has seen (applied or had acknowledged).</summary>
    public int Revision { get; private set; }

    /// <summary>The last seq assigned to a sent operation; the outstanding operation, if any, carries it.</summary>
    public long Seq { get; private set; }

    /// <summary>The local document, when the client was created with one; otherwise null.</summary>
    public string? Document { get; private set; }

    /// <summary>The current state (see the invariants on <see cref="OtClient"/>).</summary>
    public OtClientState State => _outstanding is null ? OtClientState.Synchronized
        : _buffer is null ? OtClientState.AwaitingConfirm : OtClientState.AwaitingWithBuffer;

    /// <summary>
    /// The operation awaiting confirmation, transformed to apply at <see cref="Revision"/>, or null when synchronized.
    /// </summary>
    public OutgoingOperation? Outstanding =>
        _outstanding is null ? null : new OutgoingOperation(ClientId, Seq, Revision, _outstanding, _outstandingEdits);

    /// <summary>Local edits made while an operation was in flight, composed; null when there are none.</summary>
    public TextOperation? Buffer => _buffer;

    /// <summary>
    /// Records a local edit, already applied to the editor. Returns the operation to send now, or null when one is
    /// already in flight (the edit is composed into the buffer) or the edit changes nothing.
    /// </summary>
    /// <param name="operation">The edit, against the local document.</param>
    /// <exception cref="OtException">
    /// The edit does not apply to the local document (a wrong length; with a tracked <see cref="Document"/>, also a split
    /// surrogate pair, a lone surrogate or a <c>\r</c> in inserted text). Nothing changed.
    /// </exception>
    public OutgoingOperation? ApplyLocal(TextOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        string? document = null;
        if (Document is not null)
        {
            operation.Validate(Document, OperationLimits.None);
            document = operation.Apply(Document);
        }

        var pending = _buffer ?? _outstanding;
        if (pending is not null && pending.TargetLength != operation.BaseLength)
        {
            throw new OperationLengthMismatchException(pending.TargetLength, operation.BaseLength, "a local edit after the pending operations");
        }

        if (operation.IsNoop)
        {
            return null;
        }

        if (_outstanding is null)
        {
            Seq = checked(Seq + 1);
            _outstanding = operation;
            _outstandingEdits = 1;
            Document = document;
            return Outstanding;
        }

        _buffer = _buffer is null ? operation : TextOperation.Compose(_buffer, operation);
        _bufferEdits = checked(_bufferEdits + 1);
        Document = document;
        return null;
    }

    /// <summary>
    /// Applies a remote operation committed by the server at <paramref name="revision"/>: transforms it over the
    /// outstanding operation and the buffer (which are transformed over it in turn) and returns the operation to apply to
    /// the local document. Move local carets through it with <see cref="TextOperation.TransformSelection"/>.
    /// </summary>
    /// <param name="revision">The revision the operation produced; must be <see cref="Revision"/> + 1.</param>
    /// <param name="operation">The operation as committed, against the server's text at <c>revision - 1</c>.</param>
    /// <exception cref="RevisionOrderException"><paramref name="revision"/> is not the next revision. Nothing changed.</exception>
    /// <exception cref="OperationLengthMismatchException">The operation does not fit the server's text. Nothing changed.</exception>
    public TextOperation ApplyServer(int revision, TextOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ExpectNext(revision);
        var remote = operation;
        var outstanding = _outstanding;
        var buffer = _buffer;
        if (outstanding is not null)
        {
            (outstanding, remote) = TextOperation.Transform(outstanding, remote);
        }

        if (buffer is not null)
        {
            (buffer, remote) = TextOperation.Transform(buffer, remote);
        }

        var document = Document is null ? null : remote.Apply(Document);
        _outstanding = outstanding;
        _buffer = buffer;
        Document = document;
        Revision = revision;
        return remote;
    }

    /// <summary>
    /// The outstanding operation was committed at <paramref name="revision"/>. Returns the buffer to send next (under the
    /// next seq, based on <paramref name="revision"/>), or null when the client is now synchronized.
    /// </summary>
    /// <param name="revision">The revision the outstanding operation produced; must be <see cref="Revision"/> + 1.</param>
    /// <exception cref="OtClientProtocolException">Nothing is outstanding. Nothing changed.</exception>
    /// <exception cref="RevisionOrderException"><paramref name="revision"/> is not the next revision. Nothing changed.</exception>
    public OutgoingOperation? ServerAck(int revision)
    {
        if (_outstanding is null)
        {
            throw new OtClientProtocolException($"Client {ClientId} received an acknowledgement for revision {revision} with no operation outstanding.");
        }

        ExpectNext(revision);
        Revision = revision;
        _outstanding = null;
        _outstandingEdits = 0;
        if (_buffer is null)
        {
            return null;
        }

        Seq = checked(Seq + 1);
        _outstanding = _buffer;
        _outstandingEdits = _bufferEdits;
        _buffer = null;
        _bufferEdits = 0;
        return Outstanding;
    }

    /// <summary>
    /// Handles one entry of the server's ordered stream of commits (live broadcasts and reconnect history alike): this
    /// client's own outstanding operation is an acknowledgement (<see cref="ServerAck"/>), any other is a remote operation
    /// (<see cref="ApplyServer"/>).
    /// </summary>
    /// <exception cref="RevisionOrderException">The revision is not the next one. Nothing changed.</exception>
    /// <exception cref="OtClientProtocolException">
    /// An operation of this client that is not the outstanding one, or that differs from it (the two sides diverged).
    /// Nothing changed.
    /// </exception>
    public ReceiveResult Receive(CommittedOperation committed)
    {
        ArgumentNullException.ThrowIfNull(committed.Operation);
        if (!string.Equals(committed.ClientId, ClientId, StringComparison.Ordinal))
        {
            return new ReceiveResult(ApplyServer(committed.Revision, committed.Operation), null);
        }

        ExpectNext(committed.Revision);
        if (_outstanding is null || committed.Seq != Seq)
        {
            throw new OtClientProtocolException(
                $"Client {ClientId} received its own seq {committed.Seq} at revision {committed.Revision}, but the outstanding seq is {(_outstanding is null ? "none" : Seq)}.");
        }

        if (!committed.Operation.Equals(_outstanding))
        {
            throw new OtClientProtocolException(
                $"Client {ClientId} seq {Seq} was committed at revision {committed.Revision} as {committed.Operation}, but the client holds it as {_outstanding}: the two sides diverged.");
        }

        return new ReceiveResult(null, ServerAck(committed.Revision));
    }

    /// <summary>
    /// The operation to re-send after a reconnect: the outstanding one under its original seq, transformed to apply at
    /// <see cref="Revision"/>; null when synchronized. The buffer is not part of it: it is sent after the outstanding
    /// operation is acknowledged. Changes nothing.
    /// </summary>
    public OutgoingOperation? GetPendingForResend() => Outstanding;

    /// <summary>
    /// Jumps to a server snapshot (a rejoin too far behind for history). Only allowed when synchronized: pending edits
    /// could not be rebased onto a snapshot.
    /// </summary>
    /// <param name="revision">The snapshot's revision.</param>
    /// <param name="document">The snapshot's text, or null when this client does not track the document.</param>
    /// <exception cref="InvalidOperationException">Operations are pending. Nothing changed.</exception>
    public void Reset(int revision, string? document)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        if (_outstanding is not null)
        {
            throw new InvalidOperationException($"Client {ClientId} has operations pending (seq {Seq}): rejoin from history, not a snapshot.");
        }

        Revision = revision;
        Document = document;
    }

    /// <summary>
    /// Maps a selection made against the server's text at <see cref="Revision"/> (another user's caret) into the local
    /// document, through the outstanding operation and then the buffer.
    /// </summary>
    public TextSelection TransformRemoteSelection(TextSelection selection)
    {
        if (_outstanding is not null)
        {
            selection = _outstanding.TransformSelection(selection);
        }

        if (_buffer is not null)
        {
            selection = _buffer.TransformSelection(selection);
        }

        return selection;
    }

    private void ExpectNext(int revision)
    {
        if (revision != Revision + 1)
        {
            throw new RevisionOrderException(Revision + 1, revision);
        }
    }
}

using Microsoft.AspNetCore.SignalR;
using PadHub.Core.Client;
using PadHub.Core.Operations;

namespace PadHub.Benchmarks.Live;

// What arrives: committed operations in revision order (acknowledgements and others' edits) and the history a resync reads.
internal abstract partial class LoadClient
{
    private async Task ResyncAsync()
    {
        _run.ResyncReceived();
        try
        {
            // Pages of at most 1,000 operations: follow them to the head.
            var from = Revision;
            HistoryPage page;
            do
            {
                page = await InvokeGetHistoryAsync(new HistoryRequest(_padId, from)).ConfigureAwait(false);
                foreach (var item in page.Operations)
                {
                    Deliver(item);
                }

                from = page.Operations.Count > 0 ? page.Operations[^1].Revision : from;
            }
            while (page.HasMore && page.Operations.Count > 0);
        }
#pragma warning disable CA1031 // Counted by code and reported; the client stops.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fail(ex is HubException hub ? ErrorCode(hub) : ex.GetType().Name, ex);
        }
    }

    private void Deliver(CommittedOp committed)
    {
        OutgoingOperation? send = null;
        var now = LoadRun.Now;
        lock (_gate)
        {
            try
            {
                if (_sequencer!.TryAdvance(committed.Revision))
                {
                    send = Handle(committed, now, send); // in order, nothing held: the common case, without a list
                }
                else
                {
                    foreach (var ready in _sequencer.Offer(committed.Revision, committed))
                    {
                        send = Handle(ready, now, send);
                    }
                }
            }
#pragma warning disable CA1031 // A protocol violation is a divergence: counted, reported, the client stops.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Fail("client-protocol", ex);
            }
        }

        if (send is not null)
        {
            _ = SubmitAsync(send);
        }
    }

    // One committed operation in revision order (under _gate): this client's own is an acknowledgement, another's is
    // applied. Returns what to send next (the buffer, after an acknowledgement).
    private OutgoingOperation? Handle(CommittedOp ready, long now, OutgoingOperation? send)
    {
        if (string.Equals(ready.ClientTag, ClientTag, StringComparison.Ordinal))
        {
            _run.Acknowledged(_outstandingEdits);
            send = _client!.ServerAck(ready.Revision);
            if (send is not null)
            {
                _run.Sent(ClientTag, send.Seq, [.. _bufferedEditTimes]);
                _outstandingEdits = _bufferedEditTimes.Count;
                _bufferedEditTimes.Clear();
            }

            return send;
        }

        var apply = _client!.ApplyServer(ready.Revision, ready.Operation!);
        _text!.Apply(apply);
        _caret = apply.TransformCaret(_caret);
        if (IsObserver)
        {
            _run.Observed(ready.ClientTag, ready.Seq, now);
        }

        RemoteApplied?.Invoke(ready.ClientTag, ready.Operation!);
        return send;
    }
}

namespace PadHub.Components.History;

/// <summary>Play/pause: the slider advances <see cref="_speed"/> revisions every <see cref="PlaybackTick"/> up to the head.</summary>
public sealed partial class HistoryPanel
{
    private void TogglePlay()
    {
        if (_playing)
        {
            StopPlayback();
            return;
        }

        // Playing from the head replays the pad from its start.
        if (_target >= HeadRevision)
        {
            Go(0);
        }

        _playing = true;
        _playback = new CancellationTokenSource();
        _ = PlayAsync(_playback.Token);
    }

    private void SetSpeed(int speed) => _speed = speed;

    private void StopPlayback()
    {
        _playing = false;
        _playback?.Cancel();
        _playback?.Dispose();
        _playback = null;
    }

    // Runs on the circuit's dispatcher (the awaits resume there); the loader keeps only the newest step, so a slow
    // server makes playback skip revisions rather than queue calls.
    private async Task PlayAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(PlaybackTick, Time, cancellationToken);
                if (_target >= HeadRevision)
                {
                    StopPlayback();
                    StateHasChanged();
                    return;
                }

                Go(_target + _speed);
                StateHasChanged();
            }
        }
        catch (OperationCanceledException)
        {
            // Paused, or the panel closed.
        }
    }
}

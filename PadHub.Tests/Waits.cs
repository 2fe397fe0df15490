namespace PadHub.Tests;

/// <summary>Waiting on a condition with a deadline, never a fixed sleep.</summary>
internal static class Waits
{
    /// <summary>Polls a cheap in-memory condition until it holds, failing with <paramref name="describe"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"Timed out after {timeout}: {describe()}");
            }

            await timer.WaitForNextTickAsync();
        }
    }
}

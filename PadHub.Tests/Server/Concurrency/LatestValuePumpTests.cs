using System.Collections.Concurrent;
using System.Globalization;
using PadHub.Server.Concurrency;
using Xunit.Abstractions;

namespace PadHub.Tests.Server.Concurrency;

/// <summary>The one latest-value-wins delivery loop behind session watchers, session pad gates and pad watches.</summary>
public sealed class LatestValuePumpTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Post_ConsumerBusy_ReturnsAtOnceAndTheNewestIsDeliveredNext()
    {
        var consumer = new BlockingConsumer(blockAt: 1);
        var pump = new LatestValuePump<int>(0, consumer.DeliverAsync, Fail);

        pump.Post(1);
        await consumer.Entered.Task.WaitAsync(Deadline);
        var accepted = new[] { pump.Post(2), pump.Post(3), pump.Post(4) };
        consumer.Release.SetResult();
        await Waits.UntilAsync(() => consumer.Delivered.Count == 2, Deadline, () => string.Join(",", consumer.Delivered));

        Assert.All(accepted, Assert.True);
        Assert.Equal([1, 4], consumer.Delivered);
        Assert.Equal(4, pump.Current);
    }

    [Fact]
    public async Task Post_FromAnotherCulture_DeliveredInTheCultureThePumpWasMadeIn()
    {
        var delivered = new TaskCompletionSource<(string Culture, string UiCulture)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        LatestValuePump<int> pump;
        try
        {
            // A French page subscribes...
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo("fr-FR"), CultureInfo.GetCultureInfo("fr-FR"));
            pump = new LatestValuePump<int>(0, _ =>
            {
                delivered.TrySetResult((CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name));
                return ValueTask.CompletedTask;
            }, Fail);

            // ...and an English moderator's action produces the change.
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (CultureInfo.GetCultureInfo("en-GB"), CultureInfo.GetCultureInfo("en-GB"));
            pump.Post(1);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }

        Assert.Equal(("fr-FR", "fr-FR"), await delivered.Task.WaitAsync(Deadline));
    }

    [Fact]
    public async Task Post_NotNewerThanTheLatest_Dropped()
    {
        var delivered = new ConcurrentQueue<int>();
        var pump = new LatestValuePump<int>(5, v => { delivered.Enqueue(v); return ValueTask.CompletedTask; }, Fail, static (latest, next) => next > latest);

        var older = pump.Post(3);
        var same = pump.Post(5);
        var newer = pump.Post(6);
        await Waits.UntilAsync(() => delivered.Count == 1, Deadline, () => string.Join(",", delivered));
        var again = pump.Post(6);

        Assert.Equal((false, false, true, false), (older, same, newer, again));
        Assert.Equal([6], delivered);
    }

    [Fact]
    public async Task Post_OlderThanTheWaitingValue_DroppedAndTheWaitingOneDelivered()
    {
        var consumer = new BlockingConsumer(blockAt: 10);
        var pump = new LatestValuePump<int>(0, consumer.DeliverAsync, Fail, static (latest, next) => next > latest);

        pump.Post(10);
        await consumer.Entered.Task.WaitAsync(Deadline);
        pump.Post(12);
        var older = pump.Post(11);
        consumer.Release.SetResult();
        await Waits.UntilAsync(() => consumer.Delivered.Count == 2, Deadline, () => string.Join(",", consumer.Delivered));

        Assert.False(older);
        Assert.Equal([10, 12], consumer.Delivered);
    }

    [Fact]
    public async Task Stop_WhileAValueWaits_TheWaitingValueAndLaterPostsAreDropped()
    {
        var delivered = new ConcurrentQueue<int>();
        var first = new TaskCompletionSource();

        // Completing this runs the loop's continuation inline: when SetResult returns, the loop has decided what follows.
        var release = new TaskCompletionSource();
        var pump = new LatestValuePump<int>(0, v =>
        {
            delivered.Enqueue(v);
            first.TrySetResult();
            return new ValueTask(release.Task);
        }, Fail);
        pump.Post(1);
        await first.Task.WaitAsync(Deadline);
        pump.Post(2);

        pump.Stop();
        release.SetResult();
        var late = pump.Post(3);

        Assert.True(pump.Stopped);
        Assert.False(late);
        Assert.Equal([1], delivered);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_ConsumerThrows_ErrorReportedAndTheNextValueStillDelivered(bool asynchronously)
    {
        var delivered = new ConcurrentQueue<int>();
        var errors = new ConcurrentQueue<Exception>();
        Func<int, ValueTask> deliver = v =>
        {
            delivered.Enqueue(v);
            return v == 1 ? throw new InvalidOperationException("view gone") : ValueTask.CompletedTask;
        };

        // Thrown by the call itself, or a faulted task after the consumer yielded.
        var pump = new LatestValuePump<int>(0, asynchronously ? async v => { await Task.Yield(); await deliver(v); } : deliver, errors.Enqueue);

        pump.Post(1);
        await Waits.UntilAsync(() => !errors.IsEmpty, Deadline, () => "no error reported");
        pump.Post(2);
        await Waits.UntilAsync(() => delivered.Count == 2, Deadline, () => string.Join(",", delivered));

        Assert.IsType<InvalidOperationException>(Assert.Single(errors));
        Assert.Equal([1, 2], delivered);
    }

    [Fact]
    public async Task Post_RandomConcurrentProducers_NeverConcurrentInOrderAndTheLastValueDelivered()
    {
        var seed = TestSeed.Get(output);
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            var producers = random.Next(2, 6);
            var postsEach = random.Next(50, 400);
            var consumerSeed = random.Next();
            await RunRoundAsync(round, producers, postsEach, consumerSeed);
        }
    }

    [Fact]
    public async Task Post_RandomSingleProducerAcceptingEverything_DeliveriesFollowPostOrderAndEndWithTheLast()
    {
        var seed = TestSeed.Get(output);
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            var delivered = new ConcurrentQueue<int>();
            var consumerRandom = new Random(random.Next());
            var pump = new LatestValuePump<int>(-1, async v =>
            {
                delivered.Enqueue(v);
                if (NextBool(consumerRandom))
                {
                    await Task.Yield();
                }
            }, Fail);
            var posts = random.Next(10, 2_000);

            for (var i = 0; i < posts; i++)
            {
                Assert.True(pump.Post(i));
                if (random.Next(8) == 0)
                {
                    await Task.Yield();
                }
            }

            await Waits.UntilAsync(() => delivered.LastOrDefault(-1) == posts - 1, Deadline,
                () => $"round {round}: last delivered {delivered.LastOrDefault(-1)} of {posts}");
            var values = delivered.ToArray();
            Assert.True(values.Zip(values.Skip(1)).All(p => p.First < p.Second), $"round {round}: out of order: {string.Join(",", values)}");
        }
    }

    private static async Task RunRoundAsync(int round, int producers, int postsEach, int consumerSeed)
    {
        var delivered = new ConcurrentQueue<long>();
        var inFlight = 0;
        var overlaps = 0;
        var consumerRandom = new Random(consumerSeed); // Used by one delivery at a time, which is what is under test.
        long counter = 0;
        var pump = new LatestValuePump<long>(0, async v =>
        {
            if (Interlocked.Increment(ref inFlight) != 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            delivered.Enqueue(v);
            if (NextBool(consumerRandom))
            {
                await Task.Yield();
            }

            Interlocked.Decrement(ref inFlight);
        }, Fail, static (latest, next) => next > latest);

        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, producers).Select(_ => Task.Run(() =>
        {
            start.Wait();
            for (var i = 0; i < postsEach; i++)
            {
                // Taking the number and posting it are not atomic: posts arrive out of order, the pump drops older ones.
                pump.Post(Interlocked.Increment(ref counter));
            }
        })).ToArray();
        start.Set();
        await Task.WhenAll(tasks).WaitAsync(Deadline);
        long last = producers * postsEach;

        await Waits.UntilAsync(() => delivered.LastOrDefault() == last, Deadline,
            () => $"round {round}: last delivered {delivered.LastOrDefault()}, expected {last}");
        var values = delivered.ToArray();
        Assert.Equal(0, overlaps);
        Assert.True(values.Zip(values.Skip(1)).All(p => p.First < p.Second), $"round {round}: out of order");
        Assert.Equal(last, pump.Current);
    }

    /// <summary>Records every value and holds the delivery of <c>blockAt</c> until released.</summary>
    private sealed class BlockingConsumer(int blockAt)
    {
        public ConcurrentQueue<int> Delivered { get; } = new();

        public TaskCompletionSource Entered { get; } = new();

        public TaskCompletionSource Release { get; } = new();

        public async ValueTask DeliverAsync(int value)
        {
            Delivered.Enqueue(value);
            if (value == blockAt)
            {
                Entered.SetResult();
                await Release.Task;
            }
        }
    }

    private static bool NextBool(Random random) => random.Next(2) == 0;

    private static void Fail(Exception ex) => Assert.Fail($"unexpected consumer error: {ex}");
}

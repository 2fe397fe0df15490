using Microsoft.JSInterop;
using PadHub.Components.Editor;

namespace PadHub.Tests.Components;

/// <summary>
/// The editor's queue of calls into its JS module: in order, nothing before <see cref="JsCallQueue.Open"/>, pipelined
/// (a call is issued without waiting for the browser's answer to the one before), silent while calls fail, and holding
/// its producer back (<see cref="JsCallQueue.Room"/>) while too many calls are unanswered.
/// </summary>
public sealed class JsCallQueueTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void Enqueue_BeforeOpen_IssuesNothingThenEverythingInOrderAtOpen()
    {
        var queue = new JsCallQueue(Timeout, _ => { });
        var issued = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            var call = i;
            queue.Enqueue(_ =>
            {
                issued.Add(call);
                return ValueTask.CompletedTask;
            });
        }

        var beforeOpen = issued.Count;
        queue.Open();
        queue.Enqueue(_ =>
        {
            issued.Add(4);
            return ValueTask.CompletedTask;
        });

        Assert.Equal(0, beforeOpen);
        Assert.Equal([1, 2, 3, 4], issued);
    }

    [Fact]
    public async Task Enqueue_PreviousCallUnanswered_IssuesTheNextAtOnceAndIdleWaitsForBoth()
    {
        var queue = new JsCallQueue(Timeout, _ => { });
        queue.Open();
        var firstAnswer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var issued = new List<string>();
        queue.Enqueue(_ =>
        {
            issued.Add("receive");
            return new ValueTask(firstAnswer.Task);
        });
        queue.Enqueue(_ =>
        {
            issued.Add("moveCaret");
            return ValueTask.CompletedTask;
        });
        var idleWhileUnanswered = queue.Idle.IsCompleted;

        firstAnswer.SetResult();
        await queue.Idle.WaitAsync(Timeout);

        Assert.Equal(["receive", "moveCaret"], issued); // the second did not wait for the first's answer
        Assert.False(idleWhileUnanswered);
    }

    [Fact]
    public async Task Enqueue_AfterACallFailed_DropsCallsUntilTheBrowserIsAliveAgain()
    {
        var failures = new List<Exception>();
        var queue = new JsCallQueue(Timeout, failures.Add);
        queue.Open();
        var issued = new List<string>();
        queue.Enqueue(_ => ValueTask.FromException(new JSException("the socket is down")));
        await queue.Idle.WaitAsync(Timeout);

        queue.Enqueue(_ =>
        {
            issued.Add("dropped");
            return ValueTask.CompletedTask;
        });
        queue.MarkAlive();
        queue.Enqueue(_ =>
        {
            issued.Add("delivered");
            return ValueTask.CompletedTask;
        });

        Assert.Single(failures);
        Assert.Equal(["delivered"], issued);
    }

    [Fact]
    public void Close_DropsWhatWaitsForOpenAndEverythingAfter()
    {
        var queue = new JsCallQueue(Timeout, _ => { });
        var issued = 0;
        queue.Enqueue(_ =>
        {
            issued++;
            return ValueTask.CompletedTask;
        });
        queue.Close();
        queue.Open();
        queue.Enqueue(_ =>
        {
            issued++;
            return ValueTask.CompletedTask;
        });

        Assert.Equal(0, issued);
    }

    [Fact]
    public async Task Room_WindowFull_CompletesOnceTheBrowserAnswersACall()
    {
        var queue = new JsCallQueue(Timeout, _ => { }, maxInFlight: 2);
        queue.Open();
        var answers = new[] { NewAnswer(), NewAnswer(), NewAnswer() };
        queue.Enqueue(_ => new ValueTask(answers[0].Task));
        var roomAfterOne = queue.Room.IsCompleted;
        queue.Enqueue(_ => new ValueTask(answers[1].Task));
        var room = queue.Room;
        var roomWhileFull = room.IsCompleted;
        var inFlightWhileFull = queue.InFlight;

        answers[0].SetResult();
        await room.WaitAsync(Timeout);

        Assert.True(roomAfterOne);
        Assert.False(roomWhileFull);
        Assert.Equal(2, inFlightWhileFull);
        Assert.Equal(1, queue.InFlight);
        answers[1].SetResult();
        await queue.Idle.WaitAsync(Timeout);
        Assert.Equal(0, queue.InFlight);
    }

    [Fact]
    public async Task Room_WindowFullThenClosed_CompletesWithoutAnAnswer()
    {
        var queue = new JsCallQueue(Timeout, _ => { }, maxInFlight: 1);
        queue.Open();
        queue.Enqueue(_ => new ValueTask(NewAnswer().Task)); // never answered
        var room = queue.Room;
        var roomWhileFull = room.IsCompleted;

        queue.Close();
        await room.WaitAsync(Timeout);

        Assert.False(roomWhileFull);
    }

    [Fact]
    public async Task Room_WindowFullAndACallFails_CompletesSoTheProducerIsNotHeldWhileCallsAreDropped()
    {
        var failures = new List<Exception>();
        var queue = new JsCallQueue(Timeout, failures.Add, maxInFlight: 2);
        queue.Open();
        var failing = NewAnswer();
        queue.Enqueue(_ => new ValueTask(failing.Task));
        queue.Enqueue(_ => new ValueTask(NewAnswer().Task)); // never answered
        queue.Enqueue(_ => new ValueTask(NewAnswer().Task)); // never answered
        var room = queue.Room;
        var roomWhileFull = room.IsCompleted;

        failing.SetException(new JSException("the call timed out"));
        await room.WaitAsync(Timeout);

        Assert.False(roomWhileFull);
        Assert.Single(failures);
        Assert.Equal(2, queue.InFlight); // still a full window unanswered, but the queue drops calls now
        Assert.True(queue.Room.IsCompleted);
    }

    private static TaskCompletionSource NewAnswer() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

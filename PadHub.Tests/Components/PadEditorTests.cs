using Bunit.Rendering;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Editor;
using PadHub.Core.Documents;
using PadHub.Core.Operations;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components;

public sealed class PadEditorTests : IAsyncLifetime
{
    private readonly BunitContext _context = MudBunit.CreateContext();
    private readonly FakePadSessionService _sessions = new() { Text = "hello" };
    private readonly BunitJSModuleInterop _module;

    public PadEditorTests()
    {
        _context.Services.AddSingleton<IPadSessionService>(_sessions);
        // The History panel's services (it opens from the toolbar).
        _context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        _context.Services.AddSingleton<IWorkshopService>(new FakeWorkshopService());
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        // PadHub's own module is Strict: any call the test did not plan for fails it.
        _module = _context.JSInterop.SetupModule(PadEditor.ModulePath);
        _module.Mode = JSRuntimeMode.Strict;
        _module.SetupVoid("attach", _ => true).SetVoidResult();
        _module.SetupVoid("detach", _ => true).SetVoidResult();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<PadEditor> RenderJoined(string? displayName = "Ada")
    {
        _module.Setup<EditorIdentity>("identity").SetResult(new EditorIdentity("client-1", displayName));
        var cut = _context.Render<PadEditor>(p => p.Add(x => x.Token, FakePadSessionService.ValidToken));
        if (displayName is not null)
        {
            cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".padhub-editor").GetAttribute("data-interactive")));
        }

        return cut;
    }

    [Fact]
    public void History_ToolbarButton_OpensThePanelAtTheHeadAndBackToLiveClosesIt()
    {
        var cut = RenderJoined();
        _sessions.Connection!.Revisions = r => Task.FromResult(new PadRevision(r, "hello", [new AuthorRun("author-other", 5)], DateTimeOffset.UnixEpoch));

        cut.Find("button[data-action=history]").Click();

        cut.WaitForAssertion(() => Assert.Equal("hello", cut.Find("[data-history-text]").TextContent));
        Assert.Equal([0], _sessions.Connection.RevisionCalls);
        Assert.Equal("Grace", cut.Find(".padhub-history-run").GetAttribute("title"));
        cut.Find("button[data-action=history-live]").Click();
        Assert.Empty(cut.FindAll("[data-history-panel]"));
    }

    [Fact]
    public void OnAfterRender_NameRemembered_ImportsModuleAndAttachesJoinedState()
    {
        var cut = RenderJoined();

        var attach = _module.VerifyInvoke("attach");
        var start = Assert.IsType<EditorStart>(attach.Arguments[2]);
        Assert.Equal(("pad-1", "client-1", 0, "hello", false), (start.PadId, start.ClientId, start.Revision, start.Text, start.ReadOnly));
        Assert.IsType<DotNetObjectReference<PadEditor>>(attach.Arguments[1]);
        Assert.Equal(new PadJoinRequest(FakePadSessionService.ValidToken, "client-1", "Ada"), _sessions.LastRequest);
        Assert.Equal("pad-1", cut.Find(".padhub-editor").GetAttribute("data-pad-id"));
    }

    [Fact]
    public void OnAfterRender_ClientIdInUseUnderTheOtherRole_JoinsWithTheTabsOtherId()
    {
        _sessions.ClientIdInUse = "client-1";
        _module.Setup<string>("swapClientId").SetResult("client-2");

        var cut = RenderJoined();

        _module.VerifyInvoke("swapClientId");
        Assert.Equal("client-2", _sessions.LastRequest?.ClientId);
        var start = Assert.IsType<EditorStart>(_module.VerifyInvoke("attach").Arguments[2]);
        Assert.Equal(("client-2", "tag-client-2"), (start.ClientId, start.ClientTag));
        Assert.Empty(cut.FindAll(".padhub-link-invalid"));
    }

    [Fact]
    public void OnAfterRender_FirstVisit_AsksForNameRemembersItAndJoins()
    {
        _module.SetupVoid("rememberName", "Grace").SetVoidResult();
        var cut = RenderJoined(displayName: null);
        cut.WaitForAssertion(() => cut.Find(".padhub-name-form"));
        Assert.Null(_sessions.LastRequest);

        cut.Find("#padhub-name").Input("Grace");
        cut.Find(".padhub-name-form form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".padhub-editor").GetAttribute("data-interactive")));
        _module.VerifyInvoke("rememberName");
        Assert.Equal("Grace", _sessions.LastRequest?.DisplayName);
    }

    [Fact]
    public void SubmitName_Blank_SaysANameIsNeededAndDoesNotJoin()
    {
        var cut = RenderJoined(displayName: null);
        cut.WaitForAssertion(() => cut.Find(".padhub-name-form"));
        // The button stays enabled (Enter in the field must always submit): a blank name is answered, not blocked.
        Assert.False(cut.Find("#padhub-join").HasAttribute("disabled"));

        cut.Find("#padhub-name").Input("   ");
        cut.Find(".padhub-name-form form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Enter a name to join the pad.", cut.Find(".padhub-name-form").TextContent, StringComparison.Ordinal));
        Assert.Null(_sessions.LastRequest);
        Assert.Equal("false", cut.Find(".padhub-editor").GetAttribute("data-interactive"));
    }

    [Fact]
    public void SubmitName_SecondSubmitWhileTheFirstIsJoining_OpensOneConnection()
    {
        var remember = _module.SetupVoid("rememberName", "Grace"); // no result yet: the first submit waits in it
        var cut = RenderJoined(displayName: null);
        cut.WaitForAssertion(() => cut.Find(".padhub-name-form"));
        cut.Find("#padhub-name").Input("Grace");
        var form = cut.Find(".padhub-name-form form");

        form.Submit();
        // In a browser the second submit can reach the circuit before the form is gone (Blazor Server keeps the handler
        // until the browser has the new render); bUnit drops it once the form is gone. Either way it must not join.
        try
        {
            form.Submit();
        }
        catch (Exception ex) when (ex is UnknownEventHandlerIdException or ElementRemovedFromDomException)
        {
            // The form was already replaced by the joining state.
        }

        remember.SetVoidResult();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".padhub-editor").GetAttribute("data-interactive")));
        Assert.Equal(1, _sessions.ConnectCount);
        Assert.Single(_module.Invocations["rememberName"]);
    }

    [Fact]
    public async Task SubmitOperation_Accepted_SubmitsAndAcknowledgesWithRevision()
    {
        _module.SetupVoid("acknowledge", _ => true).SetVoidResult();
        var cut = RenderJoined();

        await cut.InvokeAsync(() => cut.Instance.SubmitOperation(7, 0, "[5,\" world\"]"));

        var (seq, baseRevision, operation) = Assert.Single(_sessions.Connection!.Submitted);
        Assert.Equal((7L, 0, "[5,\" world\"]"), (seq, baseRevision, operation.ToJson()));
        Assert.Equal("hello world", _sessions.Text);
        cut.WaitForAssertion(() =>
        {
            var ack = _module.VerifyInvoke("acknowledge");
            Assert.Equal((7L, 1), ((long)ack.Arguments[1]!, (int)ack.Arguments[2]!));
        });
    }

    [Fact]
    public async Task SubmitOperation_PadException_RejectsWithItsCode()
    {
        _module.SetupVoid("reject", _ => true).SetVoidResult();
        var cut = RenderJoined();
        _sessions.Connection!.SubmitFailure = new PadException(PadErrorCodes.TooLarge, "The operation inserts too much.");

        await cut.InvokeAsync(() => cut.Instance.SubmitOperation(3, 0, "[5,\"!\"]"));

        cut.WaitForAssertion(() =>
        {
            var reject = _module.VerifyInvoke("reject");
            Assert.Equal((3L, PadErrorCodes.TooLarge), ((long)reject.Arguments[1]!, (string)reject.Arguments[2]!));
        });
        Assert.Equal("hello", _sessions.Text);
    }

    [Fact]
    public async Task SubmitOperation_MalformedJson_RejectsAsInvalidOpWithoutSubmitting()
    {
        _module.SetupVoid("reject", _ => true).SetVoidResult();
        var cut = RenderJoined();

        await cut.InvokeAsync(() => cut.Instance.SubmitOperation(4, 0, "[0]"));

        cut.WaitForAssertion(() => Assert.Equal(PadErrorCodes.InvalidOp, _module.VerifyInvoke("reject").Arguments[2]));
        Assert.Empty(_sessions.Connection!.Submitted);
    }

    [Fact]
    public async Task OnOperationApplied_SeveralRemoteOperations_ForwardedInRevisionOrder()
    {
        _module.SetupVoid("receive", _ => true).SetVoidResult();
        var cut = RenderJoined();
        var events = new[]
        {
            _sessions.CommitRemote(TextOperation.Parse("[\"A\",5]"), seq: 1),
            _sessions.CommitRemote(TextOperation.Parse("[6,\"B\"]"), seq: 2),
            _sessions.CommitRemote(TextOperation.Parse("[-1,6]"), seq: 3),
        };

        foreach (var e in events)
        {
            await _sessions.Listener!.OnOperationAppliedAsync(e);
        }

        cut.WaitForAssertion(() =>
        {
            var forwarded = _module.Invocations["receive"].Select(i => Assert.IsType<EditorOperation>(i.Arguments[1])).ToList();
            Assert.Equal([1, 2, 3], forwarded.Select(o => o.Revision));
            Assert.Equal(["[\"A\",5]", "[6,\"B\"]", "[-1,6]"], forwarded.Select(o => o.Operation));
        });
    }

    [Fact]
    public async Task OnOperationApplied_BrowserNotAnswering_HoldsTheDeliveryLoopOnceTheWindowIsFull()
    {
        var receive = _module.SetupVoid("receive", _ => true); // planned, not answered yet: the browser is behind
        var cut = RenderJoined();
        for (var i = 1; i < PadEditor.MaxJsCallsInFlight; i++)
        {
            await _sessions.Listener!.OnOperationAppliedAsync(_sessions.CommitRemote(TextOperation.ForInsert(_sessions.Text.Length, 0, "x"), seq: i))
                .AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        }

        var last = _sessions.CommitRemote(TextOperation.ForInsert(_sessions.Text.Length, 0, "x"), seq: PadEditor.MaxJsCallsInFlight);
        var held = _sessions.Listener!.OnOperationAppliedAsync(last).AsTask();
        cut.WaitForAssertion(() => Assert.Equal(PadEditor.MaxJsCallsInFlight, _module.Invocations["receive"].Count));
        var heldWhileUnanswered = !held.IsCompleted;

        receive.SetVoidResult(); // the browser catches up
        await held.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(heldWhileUnanswered);
    }

    [Fact]
    public async Task GetHistory_FromRevision_ReturnsLaterOperations()
    {
        var cut = RenderJoined();
        _sessions.CommitRemote(TextOperation.Parse("[\"A\",5]"), seq: 1);
        _sessions.CommitRemote(TextOperation.Parse("[6,\"B\"]"), seq: 2);

        var history = await cut.InvokeAsync(() => cut.Instance.GetHistory(1));

        Assert.Null(history.Error);
        var only = Assert.Single(history.Operations);
        Assert.Equal((2, "[6,\"B\"]", "tag-other", 2L), (only.Revision, only.Operation, only.ClientTag, only.Seq));
    }

    [Fact]
    public async Task OnCaretMoved_RemoteCaret_ForwardedToModule()
    {
        _module.SetupVoid("moveCaret", _ => true).SetVoidResult();
        RenderJoined();
        var caret = new PadCaret("pad-1", "client-other", "author-other", 0, 1, 3);

        await _sessions.Listener!.OnCaretMovedAsync(caret);

        Assert.Equal(caret, _module.VerifyInvoke("moveCaret").Arguments[1]);
    }

    [Fact]
    public void Render_UnknownToken_ShowsLinkNotValid()
    {
        _module.Setup<EditorIdentity>("identity").SetResult(new EditorIdentity("client-1", "Ada"));

        var cut = _context.Render<PadEditor>(p => p.Add(x => x.Token, "no-such-token"));

        cut.WaitForAssertion(() => Assert.Contains("This link is not valid", cut.Find(".padhub-link-invalid").TextContent, StringComparison.Ordinal));
        Assert.Empty(_module.Invocations["attach"]);
    }

    [Fact]
    public async Task DisposeAsync_Attached_DetachesAndLeavesThePad()
    {
        var cut = RenderJoined();

        await cut.InvokeAsync(() => cut.Instance.DisposeAsync().AsTask());

        _module.VerifyInvoke("detach");
        Assert.True(_sessions.Connection!.Disposed);
    }

    [Fact]
    public void MarkConclusion_Joined_ButtonHasItsNameAndShortcutAndIsEnabled()
    {
        var cut = RenderJoined();

        var button = cut.Find("[data-action=mark-conclusion]");
        Assert.Equal("button", button.LocalName);
        Assert.Equal("Mark as conclusion", button.GetAttribute("aria-label"));
        Assert.Contains("Control+Shift+H", button.GetAttribute("aria-keyshortcuts"), StringComparison.Ordinal);
        Assert.False(button.HasAttribute("disabled"));
    }

    [Fact]
    public void MarkConclusion_Clicked_AsksTheEditorToToggleTheMarkOnItsSelection()
    {
        _module.SetupVoid("markConclusion", _ => true).SetVoidResult();
        var cut = RenderJoined();

        cut.Find("[data-action=mark-conclusion]").Click();

        Assert.Equal(_module.VerifyInvoke("attach").Arguments[0], _module.VerifyInvoke("markConclusion").Arguments[0]);
    }

    [Fact]
    public void MarkConclusion_BeforeTheEditorIsAttached_ButtonDisabled()
    {
        var cut = RenderJoined(displayName: null);

        cut.WaitForAssertion(() => cut.Find(".padhub-name-form"));
        Assert.True(cut.Find("[data-action=mark-conclusion]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task MarkConclusion_PadLocked_ButtonDisabled()
    {
        _module.SetupVoid("setReadOnly", _ => true).SetVoidResult();
        var cut = RenderJoined();

        await _sessions.Listener!.OnAccessChangedAsync(new PadAccessState(PadRole.Editor, false, "Locked"));

        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-action=mark-conclusion]").HasAttribute("disabled")));
    }
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Editor;
using PadHub.Tests.Components.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components;

/// <summary>PadEditor in a workshop session: the pad id it joins, the session banner, and access changing live.</summary>
public sealed class PadEditorAccessTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2030, 5, 17, 9, 30, 0, TimeSpan.Zero);
    private static readonly PadAccessState Locked = new(PadRole.Editor, false, "The moderator locked the pads");
    private static readonly PadAccessState Unlocked = new(PadRole.Editor, true, null);
    private static readonly PadAccessState Ended = new(PadRole.Editor, false, "The session has ended.", SessionEnded: true);

    private readonly BunitContext _context = MudBunit.CreateContext();
    private readonly FakePadSessionService _sessions = new() { Text = "# Group 1", SessionId = "session-1" };
    private readonly BunitJSModuleInterop _module;

    public PadEditorAccessTests()
    {
        _context.Services.AddSingleton<IPadSessionService>(_sessions);
        var workshops = new FakeWorkshopService(Now);
        workshops.AddToken(FakePadSessionService.ValidToken, new SessionAccess("session-1", SessionRole.NoteTaker, "g1"));
        _context.Services.AddSingleton<IWorkshopService>(workshops);
        _context.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _module = _context.JSInterop.SetupModule(PadEditor.ModulePath);
        _module.Mode = JSRuntimeMode.Strict;
        _module.SetupVoid("attach", _ => true).SetVoidResult();
        _module.SetupVoid("detach", _ => true).SetVoidResult();
        _module.SetupVoid("setReadOnly", _ => true).SetVoidResult();
        _module.Setup<EditorIdentity>("identity").SetResult(new EditorIdentity("client-1", "Ada"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<PadEditor> RenderJoined(string token = FakePadSessionService.ValidToken, string? padId = null)
    {
        var cut = _context.Render<PadEditor>(p => p.Add(x => x.Token, token).Add(x => x.PadId, padId));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".padhub-editor").GetAttribute("data-interactive")));
        return cut;
    }

    private static string CanWrite(IRenderedComponent<PadEditor> cut) => cut.Find(".padhub-editor").GetAttribute("data-can-write")!;

    [Fact]
    public void Join_WithPadId_PassesItInTheJoinRequest()
    {
        RenderJoined(padId: "pad-7");

        Assert.Equal(new PadJoinRequest(FakePadSessionService.ValidToken, "client-1", "Ada", "pad-7"), _sessions.LastRequest);
    }

    [Fact]
    public void Join_SessionPad_ShowsSessionBanner()
    {
        var cut = RenderJoined();

        cut.WaitForAssertion(() => Assert.Equal("Breakout groups", cut.Find("[data-phase]").GetAttribute("data-phase")));
    }

    [Fact]
    public void Join_StandAlonePad_NoSessionBanner()
    {
        _sessions.SessionId = null;

        var cut = RenderJoined();

        Assert.Empty(cut.FindAll(".padhub-session-banner"));
        Assert.Equal("true", CanWrite(cut));
    }

    [Fact]
    public void Join_PadLocked_StartsReadOnlyWithLockedNotice()
    {
        _sessions.Access = Locked;

        var cut = RenderJoined();

        var start = Assert.IsType<EditorStart>(_module.VerifyInvoke("attach").Arguments[2]);
        Assert.Equal((false, false), (start.ReadOnly, start.CanWrite));
        Assert.Equal("false", CanWrite(cut));
        Assert.Contains("Locked by the moderator", cut.Find("[data-access=locked]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Join_ViewerInFrench_SaysReadOnlyInFrenchNotTheServersEnglishReason()
    {
        using var _ = CultureScope.French();
        _sessions.Access = new PadAccessState(PadRole.Viewer, false, "This audience link only allows following the pads.");

        var cut = RenderJoined();

        var notice = cut.Find("[data-access=read-only]").TextContent.Trim();
        Assert.Equal("Ce lien permet seulement de suivre le pad.", notice);
    }

    [Fact]
    public async Task OnAccessChanged_WhileJoining_IsNotOverwrittenByTheJoinsOlderAccess()
    {
        // The server registers the connection's access callback before the join returns: a lock that lands in between
        // is delivered first, and the join's snapshot (taken before it) must not put the editor back to writable.
        _sessions.HoldJoin = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cut = _context.Render<PadEditor>(p => p.Add(x => x.Token, FakePadSessionService.ValidToken));
        cut.WaitForAssertion(() => Assert.NotNull(_sessions.Listener));

        await _sessions.Listener!.OnAccessChangedAsync(Locked);
        _sessions.HoldJoin.SetResult();

        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".padhub-editor").GetAttribute("data-interactive")));
        Assert.Equal("false", CanWrite(cut));
        var start = Assert.IsType<EditorStart>(_module.VerifyInvoke("attach").Arguments[2]);
        Assert.False(start.CanWrite);
        Assert.Contains("Locked by the moderator", cut.Find("[data-access=locked]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnAccessChanged_Locked_TurnsEditorReadOnlyAndSaysWhy()
    {
        var cut = RenderJoined();
        Assert.Equal("true", CanWrite(cut));

        await _sessions.Listener!.OnAccessChangedAsync(Locked);

        cut.WaitForAssertion(() => Assert.Equal("false", CanWrite(cut)));
        Assert.Equal(true, _module.VerifyInvoke("setReadOnly").Arguments[1]);
        Assert.Contains("Locked by the moderator", cut.Find("[data-access=locked]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnAccessChanged_SessionEnded_ReadOnlyWithSessionEndedNoticeNotTheLockOne()
    {
        var cut = RenderJoined();

        await _sessions.Listener!.OnAccessChangedAsync(Ended);

        cut.WaitForAssertion(() => Assert.Equal("false", CanWrite(cut)));
        Assert.Equal(true, _module.VerifyInvoke("setReadOnly").Arguments[1]);
        Assert.Contains("Session ended", cut.Find("[data-access=ended]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-access=locked]"));

        await _sessions.Listener!.OnAccessChangedAsync(Unlocked);

        cut.WaitForAssertion(() => Assert.Equal("true", CanWrite(cut)));
        Assert.Empty(cut.FindAll("[data-access=ended]"));
    }

    [Fact]
    public async Task OnAccessChanged_UnlockedAfterLock_EditableAgain()
    {
        var cut = RenderJoined();
        await _sessions.Listener!.OnAccessChangedAsync(Locked);
        cut.WaitForAssertion(() => Assert.Equal("false", CanWrite(cut)));

        await _sessions.Listener!.OnAccessChangedAsync(Unlocked);

        cut.WaitForAssertion(() => Assert.Equal("true", CanWrite(cut)));
        Assert.Equal([true, false], _module.Invocations["setReadOnly"].Select(i => (bool)i.Arguments[1]!));
        Assert.Empty(cut.FindAll("[data-access]"));
    }

    [Fact]
    public async Task OnAccessChanged_Revoked_ReadOnlyForGoodAndAsksForNewLink()
    {
        var cut = RenderJoined();

        await _sessions.Listener!.OnAccessChangedAsync(new PadAccessState(PadRole.Editor, false, "The link was replaced", Revoked: true));
        await _sessions.Listener!.OnAccessChangedAsync(Unlocked);

        cut.WaitForAssertion(() => Assert.Contains("This link was replaced; ask the moderator for the new one.",
            cut.Find("[data-access=revoked]").TextContent, StringComparison.Ordinal));
        Assert.Equal("false", CanWrite(cut));
        Assert.All(_module.Invocations["setReadOnly"], i => Assert.Equal(true, i.Arguments[1]));
    }
}

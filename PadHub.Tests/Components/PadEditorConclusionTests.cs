using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Editor;

namespace PadHub.Tests.Components;

/// <summary>PadEditor's "Mark as conclusion" button: its accessible name, shortcut, hook, and the call into the editor's JS.</summary>
public sealed class PadEditorConclusionTests : IAsyncLifetime
{
    private readonly BunitContext _context = MudBunit.CreateContext();
    private readonly FakePadSessionService _sessions = new() { Text = "We agree" };
    private readonly BunitJSModuleInterop _module;

    public PadEditorConclusionTests()
    {
        _context.Services.AddSingleton<IPadSessionService>(_sessions);
        _context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _module = _context.JSInterop.SetupModule(PadEditor.ModulePath);
        _module.Mode = JSRuntimeMode.Strict;
        _module.SetupVoid("attach", _ => true).SetVoidResult();
        _module.SetupVoid("detach", _ => true).SetVoidResult();
        _module.SetupVoid("markConclusion", _ => true).SetVoidResult();
        _module.SetupVoid("setReadOnly", _ => true).SetVoidResult();
        _module.Setup<EditorIdentity>("identity").SetResult(new EditorIdentity("client-1", "Ada"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<PadEditor> RenderJoined()
    {
        var cut = _context.Render<PadEditor>(p => p.Add(x => x.Token, FakePadSessionService.ValidToken));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find(".padhub-editor").GetAttribute("data-interactive")));
        return cut;
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<PadEditor> cut) => cut.Find("[data-action=mark-conclusion]");

    [Fact]
    public void Render_Joined_ButtonHasItsNameShortcutAndIsEnabled()
    {
        var cut = RenderJoined();

        var button = Button(cut);
        Assert.Equal("button", button.LocalName);
        Assert.Equal("Mark as conclusion", button.GetAttribute("aria-label"));
        Assert.Contains("Control+Shift+H", button.GetAttribute("aria-keyshortcuts"), StringComparison.Ordinal);
        Assert.False(button.HasAttribute("disabled"));
    }

    [Fact]
    public void Click_Joined_AsksTheEditorToToggleTheMarkOnItsSelection()
    {
        var cut = RenderJoined();
        var attach = _module.VerifyInvoke("attach");

        Button(cut).Click();

        var call = _module.VerifyInvoke("markConclusion");
        Assert.Equal(attach.Arguments[0], call.Arguments[0]);
    }

    [Fact]
    public void Render_BeforeTheEditorIsAttached_ButtonDisabled()
    {
        _module.Setup<EditorIdentity>("identity").SetResult(new EditorIdentity("client-1", null));

        var cut = _context.Render<PadEditor>(p => p.Add(x => x.Token, FakePadSessionService.ValidToken));

        cut.WaitForAssertion(() => cut.Find(".padhub-name-form"));
        Assert.True(Button(cut).HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_PadLocked_ButtonDisabledAndNothingCalled()
    {
        var cut = RenderJoined();

        await _sessions.Listener!.OnAccessChangedAsync(new PadAccessState(PadRole.Editor, false, "Locked"));

        cut.WaitForAssertion(() => Assert.True(Button(cut).HasAttribute("disabled")));
        Assert.Empty(_module.Invocations["markConclusion"]);
    }
}

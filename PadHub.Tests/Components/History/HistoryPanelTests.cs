using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.History;
using PadHub.Core.Diffs;
using PadHub.Core.Documents;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.History;

public sealed class HistoryPanelTests : IAsyncLifetime
{
    private const int Head = 40;
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 13, 0, 0, TimeSpan.Zero);

    private readonly BunitContext _context = MudBunit.CreateContext();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly BunitJSModuleInterop _module;

    public HistoryPanelTests()
    {
        _context.Services.AddSingleton<TimeProvider>(_time);
        _context.Services.AddSingleton<IWorkshopService>(new FakeWorkshopService(Now));
        _module = _context.JSInterop.SetupModule(HistoryPanel.ModulePath);
        _module.Mode = JSRuntimeMode.Strict;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private static PadRevision RevisionAt(int revision) =>
        new(revision, $"text at {revision}\n", [new AuthorRun("author-ada", 8), new AuthorRun("author-bob", $"{revision}\n".Length)], Now.AddMinutes(-60 + revision));

    private static FakePadConnection Connection(string? sessionId = null, string text = "") =>
        new(new FakePadSessionService(), "tag-me", new PadJoined(
            "pad-1", Head, text, PadRole.Editor, "author-me", "#1e88e5", [],
            [new PadAuthor("author-ada", "Ada", "#e53935"), new PadAuthor("author-bob", "Bob", "#abc")], [], SessionId: sessionId));

    private IRenderedComponent<HistoryPanel> Render(FakePadConnection connection, bool canWrite = true, string? token = null, Action? onClose = null)
    {
        connection.Revisions ??= revision => Task.FromResult(RevisionAt(revision));
        return _context.Render<HistoryPanel>(p => p
            .Add(x => x.Connection, connection)
            .Add(x => x.HeadRevision, Head)
            .Add(x => x.CanWrite, canWrite)
            .Add(x => x.Token, token)
            .Add(x => x.OnClose, EventCallback.Factory.Create(this, onClose ?? (() => { }))));
    }

    [Fact]
    public void Open_AtHead_ShowsTheHeadsTextInAuthorshipColoursWithTimeAndAuthors()
    {
        var connection = Connection();

        var cut = Render(connection);

        cut.WaitForAssertion(() => Assert.Equal("40", cut.Find("[data-history-panel]").GetAttribute("data-shown-revision")));
        var runs = cut.FindAll(".padhub-history-run");
        Assert.Equal(["text at ", "40\n"], runs.Select(r => r.TextContent));
        Assert.Equal(["Ada", "Bob"], runs.Select(r => r.GetAttribute("title")));
        Assert.Equal("background-color: #e539352e", runs[0].GetAttribute("style"));
        Assert.Equal("background-color: #aabbcc2e", runs[1].GetAttribute("style"));
        Assert.Contains("3 Dec 2026, 12:40:00 UTC (20 min ago)", cut.Find("[data-history-time]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Ada", cut.Find("[data-history-authors]").TextContent, StringComparison.Ordinal);
        Assert.Equal([Head], connection.RevisionCalls);
    }

    [Fact]
    public void Open_HostileText_RendersItAsTextWithAnUnknownAuthorInGrey()
    {
        var hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        var connection = Connection();
        connection.Revisions = r => Task.FromResult(new PadRevision(r, hostile, [new AuthorRun("author-gone", hostile.Length)], Now));

        var cut = Render(connection);

        cut.WaitForAssertion(() => Assert.Equal(hostile, cut.Find("[data-history-text]").TextContent));
        Assert.Empty(cut.FindAll("[data-history-text] img"));
        Assert.Empty(cut.FindAll("[data-history-text] script"));
        var run = cut.Find(".padhub-history-run");
        Assert.Equal(("Earlier author", "background-color: #7575752e"), (run.GetAttribute("title"), run.GetAttribute("style")));
    }

    [Fact]
    public void Drag_ManyPositionsWhileALoadIsInFlight_LoadsOnlyTheLatestAfterTheInterval()
    {
        var connection = Connection();
        var first = new TaskCompletionSource<PadRevision>();
        connection.Revisions = r => r == Head ? first.Task : Task.FromResult(RevisionAt(r));
        var cut = Render(connection);
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-history-panel]").GetAttribute("data-loading")));

        foreach (var position in new[] { 39, 30, 21, 12, 5 })
        {
            cut.Find("[data-action=history-slider]").Input(position.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal([Head], connection.RevisionCalls);
        cut.InvokeAsync(() => first.SetResult(RevisionAt(Head)));
        cut.WaitForAssertion(() => Assert.Equal("40", cut.Find("[data-history-panel]").GetAttribute("data-shown-revision")));
        Assert.Equal([Head], connection.RevisionCalls); // the next call waits out the interval: no burst
        Assert.NotNull(cut.Find("[data-history-progress]"));

        _time.Advance(RevisionLoader<PadRevision>.MinInterval);

        cut.WaitForAssertion(() => Assert.Equal("5", cut.Find("[data-history-panel]").GetAttribute("data-shown-revision")));
        Assert.Equal([Head, 5], connection.RevisionCalls);
        Assert.Equal("false", cut.Find("[data-history-panel]").GetAttribute("data-loading"));
    }

    [Fact]
    public void Load_Refused_ShowsAClearErrorAndKeepsTheSlider()
    {
        var connection = Connection();
        connection.Revisions = _ => Task.FromException<PadRevision>(new PadException(PadErrorCodes.RateLimited, "rate-limited: slow down"));

        var cut = Render(connection);

        cut.WaitForAssertion(() => Assert.Contains("Too many history requests", cut.Find("[data-history-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("40", cut.Find("[data-history-panel]").GetAttribute("data-target"));
    }

    [Fact]
    public void Play_EachTick_AdvancesBySpeedUntilTheHead()
    {
        var connection = Connection();
        var cut = Render(connection);
        cut.WaitForAssertion(() => Assert.Equal("40", cut.Find("[data-history-panel]").GetAttribute("data-shown-revision")));

        cut.Find("button[data-action=history-play]").Click();
        Assert.Equal("0", cut.Find("[data-history-panel]").GetAttribute("data-target"));
        _time.Advance(HistoryPanel.PlaybackTick);

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-history-panel]").GetAttribute("data-target")));
        cut.Find("button[data-action=history-play]").Click();
        _time.Advance(HistoryPanel.PlaybackTick * 4);
        Assert.Equal("2", cut.Find("[data-history-panel]").GetAttribute("data-target"));
    }

    [Fact]
    public void NamedVersions_ShowAsMarksAndInTheListAndJumpTheSlider()
    {
        var connection = Connection();
        connection.NamedRevisions.Add(new PadNamedRevision(10, "before conclusions", "author-ada", Now));
        var cut = Render(connection);

        cut.WaitForAssertion(() => Assert.Equal("left: 25%", cut.Find("[data-named-mark='10']").GetAttribute("style")));
        cut.Find("[data-named-revision='10']").Click();

        cut.WaitForAssertion(() => Assert.Equal("10", cut.Find("[data-history-panel]").GetAttribute("data-target")));
        Assert.Contains("before conclusions", cut.Find("[data-history-names]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NameForm_Viewer_IsNotShown()
    {
        var cut = Render(Connection(), canWrite: false);

        cut.WaitForAssertion(() => cut.Find("[data-history-names]"));
        Assert.Empty(cut.FindAll("#padhub-history-name"));
        Assert.Empty(cut.FindAll("[data-history-restore]"));
    }

    [Fact]
    public void NameForm_Valid_NamesTheHeadAndListsIt()
    {
        var connection = Connection();
        var cut = Render(connection);

        cut.Find("#padhub-history-name").Input("  before conclusions ");
        cut.Find(".padhub-history-name-form").Submit();

        cut.WaitForAssertion(() => Assert.Equal([(Head, "before conclusions")], connection.NameCalls));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-named-revision='40']")));
        Assert.Contains("Revision 40 is named", cut.Find("[data-history-names] [data-history-message]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("   ", "Give the version a name.")]
    [InlineData("a\u0007b", "A name cannot contain control characters.")]
    public void NameForm_Invalid_ShowsTheErrorAndCallsNothing(string name, string error)
    {
        var connection = Connection();
        var cut = Render(connection);

        cut.Find("#padhub-history-name").Input(name);
        cut.Find(".padhub-history-name-form").Submit();

        cut.WaitForAssertion(() => Assert.Contains(error, cut.Find("[data-history-names]").TextContent, StringComparison.Ordinal));
        Assert.Empty(connection.NameCalls);
    }

    [Fact]
    public void NameForm_ServerRefuses_SaysWhyInThePagesLanguage()
    {
        var connection = Connection();
        connection.NameFailure = new PadException(PadErrorCodes.TooLarge, "too-large: This pad has 100 named versions already.");
        var cut = Render(connection);

        cut.Find("#padhub-history-name").Input("one more");
        cut.Find(".padhub-history-name-form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("too many named versions", cut.Find("[data-history-names]").TextContent, StringComparison.Ordinal));
        Assert.Empty(connection.NamedRevisions);
    }

    [Fact]
    public void Compare_ShowsInsertionsAndDeletionsWithAuthorsAndDownloadsAUnifiedDiff()
    {
        var connection = Connection();
        connection.Diffs = (from, to) => new PadDiff(from, to,
        [
            new DiffPart(DiffKind.Equal, "keep\n", "author-ada"),
            new DiffPart(DiffKind.Delete, "old line\n", "author-ada"),
            new DiffPart(DiffKind.Insert, "<b>new</b> line\n", "author-bob"),
        ]);
        var download = _module.SetupVoid("download", _ => true);
        download.SetVoidResult();
        var cut = Render(connection);
        cut.WaitForAssertion(() => Assert.Equal("40", cut.Find("[data-history-panel]").GetAttribute("data-shown-revision")));

        cut.Find("#padhub-history-from").Input("3");
        cut.Find("button[data-action=history-compare]").Click();

        cut.WaitForAssertion(() => Assert.Equal([(3, 40)], connection.DiffCalls));
        var inserted = cut.Find("[data-history-diff] ins");
        Assert.Equal(("<b>new</b> line\n", "Added: written by Bob"), (inserted.TextContent, inserted.GetAttribute("title")));
        Assert.Equal("Deleted: written by Ada", cut.Find("[data-history-diff] del").GetAttribute("title"));
        Assert.Empty(cut.FindAll("[data-history-diff] b"));

        cut.Find("button[data-action=history-download]").Click();

        var call = download.VerifyInvoke("download");
        Assert.Equal("pad-pad-1-r3-r40.diff", call.Arguments[0]);
        Assert.Equal("--- a/pad-1.md\n+++ b/pad-1.md\n@@ -1,2 +1,2 @@\n keep\n-old line\n+<b>new</b> line\n", call.Arguments[1]);
    }

    [Fact]
    public void Restore_WholeVersion_AsksThenRestoresAndTellsTheResult()
    {
        var connection = Connection();
        connection.Restores = (_, _, _) => 41;
        var cut = Render(connection);
        cut.WaitForAssertion(() => Assert.Equal("40", cut.Find("[data-history-panel]").GetAttribute("data-shown-revision")));
        cut.Find("[data-action=history-slider]").Input("12");
        _time.Advance(RevisionLoader<PadRevision>.MinInterval);
        cut.WaitForAssertion(() => Assert.Equal("12", cut.Find("[data-history-panel]").GetAttribute("data-shown-revision")));

        cut.Find("button[data-action=history-restore]").Click();
        Assert.Empty(connection.RestoreCalls);
        cut.Find("button[data-action=history-restore-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("restored", cut.Find("[data-restore-result]").GetAttribute("data-restore-result")));
        Assert.Equal([(12, (int?)null, (int?)null)], connection.RestoreCalls);
        Assert.Contains("Restored as revision 41", cut.Find("[data-restore-result]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_SelectedPassage_RestoresTheSelectionsOffsets()
    {
        var connection = Connection();
        connection.Restores = (_, _, _) => 41;
        _module.Setup<HistorySelection?>("selection", _ => true).SetResult(new HistorySelection(Head, 5, 7));
        var cut = Render(connection);
        cut.WaitForAssertion(() => Assert.Equal("40", cut.Find("[data-history-panel]").GetAttribute("data-shown-revision")));

        cut.Find("button[data-action=history-restore-passage]").Click();
        cut.WaitForAssertion(() => Assert.Contains("(2 characters)", cut.Find("[data-history-confirm]").TextContent, StringComparison.Ordinal));
        cut.Find("button[data-action=history-restore-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal([(Head, (int?)5, (int?)7)], connection.RestoreCalls));
    }

    [Fact]
    public void Restore_PassageWithoutSelection_AsksForOneAndRestoresNothing()
    {
        var connection = Connection();
        _module.Setup<HistorySelection?>("selection", _ => true).SetResult(null);
        var cut = Render(connection);
        cut.WaitForAssertion(() => Assert.Equal("40", cut.Find("[data-history-panel]").GetAttribute("data-shown-revision")));

        cut.Find("button[data-action=history-restore-passage]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Select a passage", cut.Find("[data-restore-result]").TextContent, StringComparison.Ordinal));
        Assert.Empty(connection.RestoreCalls);
        Assert.Empty(cut.FindAll("[data-history-confirm]"));
    }

    [Fact]
    public void Restore_ServerRefuses_ShowsTheRefusal()
    {
        var connection = Connection();
        connection.Restores = (_, _, _) => throw new PadException(PadErrorCodes.Forbidden, "forbidden: no");
        var cut = Render(connection);
        cut.WaitForAssertion(() => Assert.Equal("40", cut.Find("[data-history-panel]").GetAttribute("data-shown-revision")));

        cut.Find("button[data-action=history-restore]").Click();
        cut.Find("button[data-action=history-restore-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Equal("failed", cut.Find("[data-restore-result]").GetAttribute("data-restore-result")));
        Assert.Contains("This link does not allow that.", cut.Find("[data-restore-result]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FakeWorkshopService.AudienceToken, false)]
    [InlineData(FakeWorkshopService.NoteTakerToken, true)]
    [InlineData(FakeWorkshopService.ModeratorToken, true)]
    public void Restore_SessionPad_OfferedToNoteTakersAndTheModeratorOnly(string token, bool offered)
    {
        var cut = Render(Connection(sessionId: "session-1"), canWrite: true, token: token);

        cut.WaitForAssertion(() => Assert.Equal("40", cut.Find("[data-history-panel]").GetAttribute("data-shown-revision")));
        cut.WaitForAssertion(() => Assert.Equal(offered, cut.FindAll("[data-history-restore]").Count == 1));
    }

    [Fact]
    public void BackToLive_ClosesThePanel()
    {
        var closed = false;
        var cut = Render(Connection(), onClose: () => closed = true);

        cut.Find("button[data-action=history-live]").Click();

        Assert.True(closed);
    }
}

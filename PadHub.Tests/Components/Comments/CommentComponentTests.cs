using Bunit;
using PadHub.Components.Comments;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Sessions;
using PadHub.Tests.Components.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Comments;

/// <summary>The comment threads, the dashboard's open count, the audience page's commenting and the moderator's switch.</summary>
public sealed class CommentComponentTests : SessionComponentTest
{
    private const string Text = "# Group 1\n\nKey points here.\n";

    private static PadComment Comment(string id, int from, int to, string text, string? replyTo = null, bool resolved = false, bool deleted = false) =>
        new(id, from, to, text, "a1", "Ada", replyTo, resolved, deleted, DateTimeOffset.UnixEpoch);

    /// <summary>MudBlazor puts a field's attributes on its input; the element itself when it is one, else the input inside.</summary>
    private static AngleSharp.Dom.IElement InputOf(AngleSharp.Dom.IElement element) =>
        element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input, textarea")!;

    [Fact]
    public void CommentThreads_Comments_QuotePassagesGroupRepliesAndKeepHostileTextInert()
    {
        var comments = new PadComments("pad-1", 3, [
            Comment("c1", 11, 21, "<img src=x onerror=alert(1)>"),
            Comment("c2", 11, 21, "a reply", replyTo: "c1"),
            Comment("c3", 0, 0, "gone", deleted: true),
        ]);

        var cut = Render<CommentThreads>(p => p.Add(x => x.Comments, comments).Add(x => x.Text, Text).Add(x => x.Rights, PadCommentRights.None));

        var threads = cut.FindAll("[data-comment-thread]");
        Assert.Equal(["c1", "c3"], threads.Select(t => t.GetAttribute("data-comment-thread")));
        Assert.Equal("Key points", cut.Find("[data-comment-thread=c1] [data-comment-passage]").TextContent);
        Assert.Equal(["<img src=x onerror=alert(1)>", "a reply"], cut.FindAll("[data-comment-thread=c1] [data-comment-text]").Select(e => e.TextContent));
        Assert.Empty(cut.FindAll("img"));
        Assert.Equal("true", cut.Find("[data-comment-thread=c3]").GetAttribute("data-on-deleted-text"));
        Assert.NotNull(cut.Find("[data-comment-thread=c3] [data-deleted-chip]"));
        Assert.Empty(cut.FindAll("[data-action=resolve-comment]"));
        Assert.Equal("2", cut.Find("[data-comment-threads]").GetAttribute("data-open-comments"));
    }

    [Fact]
    public void CommentThreads_ResolveRight_ResolveButtonOnOpenThreadsOnly()
    {
        var resolved = new List<string>();
        var comments = new PadComments("pad-1", 0, [Comment("c1", 0, 1, "open"), Comment("c2", 0, 1, "done", resolved: true)]);

        var cut = Render<CommentThreads>(p => p.Add(x => x.Comments, comments).Add(x => x.Text, Text)
            .Add(x => x.Rights, new PadCommentRights(true, true)).Add(x => x.OnResolve, id => resolved.Add(id)));
        cut.Find("[data-comment-thread=c1] [data-action=resolve-comment]").Click();

        Assert.Single(cut.FindAll("[data-action=resolve-comment]"));
        Assert.Equal(["c1"], resolved);
    }

    [Fact]
    public void GroupPane_CommentsAddedAndResolved_OpenCountFollowsLive()
    {
        Watches.Set("pad-1", Text);
        var group = Workshops.State.Groups[0];
        var cut = Render<GroupPane>(p => p.Add(x => x.Token, FakeWorkshopService.ModeratorToken).Add(x => x.Group, group));
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("[data-open-comments]").GetAttribute("data-open-comments")));

        cut.InvokeAsync(() => Comments.Publish(new PadComments("pad-1", 1, [Comment("c1", 0, 1, "a"), Comment("c2", 0, 1, "b")])));
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-open-comments]").GetAttribute("data-open-comments")));
        cut.InvokeAsync(() => Comments.Publish(new PadComments("pad-1", 1, [Comment("c1", 0, 1, "a", resolved: true), Comment("c2", 0, 1, "b")])));

        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find("[data-open-comments]").GetAttribute("data-open-comments")));
    }

    [Fact]
    public void AudienceView_SelectedPassage_IsCommentedWithTheReadersName()
    {
        WatchEveryGroup(_ => Text);
        var module = Context.JSInterop.SetupModule("./_content/PadHub.Components/Comments/AudienceComments.razor.js");
        module.Mode = JSRuntimeMode.Loose;
        module.Setup<string?>("takeSelection", _ => true).SetResult(" Key points ");
        var cut = Render<AudienceView>(p => p.Add(x => x.Token, FakeWorkshopService.AudienceToken).Add(x => x.Group, 1));
        cut.WaitForAssertion(() => cut.Find("[data-action=comment-selection]"));

        cut.Find("[data-action=comment-selection]").Click();
        cut.WaitForAssertion(() => Assert.Equal("Key points", cut.Find("[data-selected-passage]").TextContent));
        InputOf(cut.Find("[data-comment-name]")).Change("Bo");
        InputOf(cut.Find("[data-comment-input]")).Input("Which ones?");
        cut.Find("[data-action=submit-comment]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["add pad-1 [11,21)  Bo: Which ones?"], Comments.Calls));
        cut.WaitForAssertion(() => Assert.Equal("Which ones?", cut.Find("[data-comment-thread] [data-comment-text]").TextContent));
    }

    [Fact]
    public void AudienceView_SessionStopsComments_NoCommentControls()
    {
        WatchEveryGroup(_ => Text);
        var cut = Render<AudienceView>(p => p.Add(x => x.Token, FakeWorkshopService.AudienceToken).Add(x => x.Group, 1));
        cut.WaitForAssertion(() => cut.Find("[data-action=comment-selection]"));

        cut.InvokeAsync(() => Workshops.SetAudienceCanCommentAsync(FakeWorkshopService.ModeratorToken, false));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-action=comment-selection]")));
    }

    [Fact]
    public void SessionDashboard_CommentSwitch_TellsTheServer()
    {
        WatchEveryGroup(_ => Text);
        var cut = Render<SessionDashboard>(p => p.Add(x => x.Token, FakeWorkshopService.ModeratorToken));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-action=audience-can-comment]").GetAttribute("data-on")));

        InputOf(cut.Find("[data-action=audience-can-comment]")).Change(false);

        cut.WaitForAssertion(() => Assert.Contains("comments off", Workshops.Calls));
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-action=audience-can-comment]").GetAttribute("data-on")));
    }
}

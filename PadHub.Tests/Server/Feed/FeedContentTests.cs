using System.Net;
using System.Text;
using PadHub.Components.Contracts.Feed;
using PadHub.Server.Feed;

namespace PadHub.Tests.Server.Feed;

/// <summary>What comes from an instance is a stranger's: posts reduced to plain text, settings and addresses checked.</summary>
public sealed class FeedContentTests
{
    [Fact]
    public void FromHtml_MastodonContent_BecomesPlainTextWithLineBreaks()
    {
        const string html = "<p>Question for the <a href=\"https://x.example/tags/igf\" class=\"mention hashtag\">#<span>igf</span></a> panel:</p>"
            + "<p>who pays<br />for the <strong>stewards</strong> &amp; the servers?</p><script>alert(1)</script>";

        Assert.Equal("Question for the #igf panel:\nwho pays\nfor the stewards & the servers?\nalert(1)", PostText.FromHtml(html, 500));
    }

    [Fact]
    public void FromHtml_EncodedMarkupAndControls_StayTextAndAreRemoved()
    {
        var text = PostText.FromHtml("<p>&lt;img src=x onerror=alert(1)&gt;\u0007\u202E done</p>", 500);

        Assert.Equal("<img src=x onerror=alert(1)> done", text);
    }

    [Fact]
    public void FromHtml_LongPost_IsBounded() =>
        Assert.Equal(500, PostText.FromHtml("<p>" + new string('a', 10_000) + "</p>", 500).Length);

    [Theory]
    [InlineData("#IGF2018", "mastodon.social", "IGF2018", "mastodon.social")]
    [InlineData("open_data", "https://Fosstodon.org/", "open_data", "fosstodon.org")]
    public void Normalize_ValidSettings_AreNormalised(string hashtag, string instance, string expectedTag, string expectedHost) =>
        Assert.Equal(new SessionFeedSettings(expectedTag, expectedHost), SessionFeedRules.Normalize(hashtag, instance));

    [Fact]
    public void Normalize_Blank_IsNoFeed() => Assert.Null(SessionFeedRules.Normalize(" ", ""));

    [Theory]
    [InlineData("open-data", "mastodon.social", "hashtag")]
    [InlineData("", "mastodon.social", "hashtag")]
    [InlineData("igf", "http://mastodon.social", "instance")]
    [InlineData("igf", "127.0.0.1", "instance")]
    [InlineData("igf", "localhost", "instance")]
    [InlineData("igf", "db.internal", "instance")]
    [InlineData("igf", "mastodon.social:8443", "instance")]
    [InlineData("igf", "mastodon.social/path", "instance")]
    [InlineData("igf", "[::1]", "instance")]
    [InlineData("igf", "", "instance")]
    public void Normalize_BadSettings_SayWhichField(string hashtag, string instance, string field) =>
        Assert.Equal(field, Assert.Throws<ArgumentException>(() => SessionFeedRules.Normalize(hashtag, instance)).ParamName);

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2a01:4f8::1", true)]
    public void IsPublic_Addresses_OnlyPublicOnesPass(string address, bool expected) =>
        Assert.Equal(expected, PublicAddressConnector.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void Parse_Statuses_KeepsAuthorLinkAndTextSkipsMalformed()
    {
        const string json = """
            [
              {"id":"1002","created_at":"2026-12-03T11:59:00.000Z","url":"https://mastodon.social/@ada/1002",
               "content":"<p>Who maintains <b>the data</b>?</p>","account":{"acct":"ada","display_name":"Ada <3"}},
              {"id":"1001","created_at":"2026-12-03T11:58:00.000Z","url":"javascript:alert(1)",
               "content":"<p>Remote one</p>","account":{"acct":"grace@example.org","display_name":""}},
              {"id":"1000","content":"<p>no account</p>"},
              {"id":"999","content":"","account":{"acct":"empty"}},
              42
            ]
            """;

        var posts = MastodonFeedClient.Parse(Encoding.UTF8.GetBytes(json), "mastodon.social");

        Assert.Equal(2, posts.Count);
        Assert.Equal(new SocialPost("1002", "@ada@mastodon.social", "Ada <3", "Who maintains the data?", "https://mastodon.social/@ada/1002",
            new DateTimeOffset(2026, 12, 3, 11, 59, 0, TimeSpan.Zero)), posts[0]);
        Assert.Equal("@grace@example.org", posts[1].Account);
        Assert.Null(posts[1].DisplayName);
        Assert.Null(posts[1].Url);
    }
}

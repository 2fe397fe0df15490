using System.Net;
using PadHub.Components.Sessions;
using PadHub.Tests.Server.Sessions;

namespace PadHub.Tests.Server.Plenary;

// The plenary page through the real server (routing, the workshop service, SQLite): only the moderator's link opens it;
// the server answers every other link, known or not, with the same invalid-link view and no session data.
public sealed class PlenaryPageTests() : ServerTest(new PadHubServerFactory(new Dictionary<string, string?> { ["PadHub:SeedDemo"] = "false" }))
{
    private const string InvalidLink = "This link is not valid";

    private async Task<string> GetAsync(string path)
    {
        using var client = Server.CreateHttpClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Get_ModeratorLink_OpensThePlenary()
    {
        var created = await Server.CreateSessionAsync();

        var page = await GetAsync(SessionRoutes.Plenary(created.ModeratorToken));

        Assert.DoesNotContain(InvalidLink, page, StringComparison.Ordinal);
        Assert.Contains("<title>Plenary - PadHub</title>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_EveryOtherLink_InvalidLinkViewAndNothingOfTheSession()
    {
        var created = await Server.CreateSessionAsync();
        string[] others = [created.AudienceToken, created.Groups[0].NoteTakerToken, created.ResultsToken, "not-a-token", created.ModeratorToken + "x"];

        foreach (var token in others)
        {
            var page = await GetAsync(SessionRoutes.Plenary(token));

            Assert.Contains(InvalidLink, page, StringComparison.Ordinal);
            Assert.DoesNotContain(created.Title, page, StringComparison.Ordinal);
            Assert.DoesNotContain("Group 1", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_ReplacedModeratorLink_InvalidLinkView()
    {
        var created = await Server.CreateSessionAsync();
        var replacement = await Server.Workshops().RegenerateLinkAsync(created.ModeratorToken, PadHub.Components.Contracts.Sessions.SessionLinkKind.Moderator, null);

        Assert.Contains(InvalidLink, await GetAsync(SessionRoutes.Plenary(created.ModeratorToken)), StringComparison.Ordinal);
        Assert.DoesNotContain(InvalidLink, await GetAsync(SessionRoutes.Plenary(replacement)), StringComparison.Ordinal);
    }
}

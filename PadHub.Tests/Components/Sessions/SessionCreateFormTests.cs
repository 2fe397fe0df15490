using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Sessions;

public sealed class SessionCreateFormTests : SessionComponentTest
{
    private IRenderedComponent<SessionCreateForm> RenderFilled() => Render<SessionCreateForm>().FillRequired();

    private static string FieldText(IRenderedComponent<SessionCreateForm> cut, string field) => cut.Find($"[data-field='{field}']").TextContent;

    [Fact]
    public void Submit_Valid_CreatesWithEveryFieldAndOpensTheSharePage()
    {
        var cut = RenderFilled();
        cut.Find("#group-1-animators").Change("Ada, Grace ,, Linus");

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.NotNull(Workshops.LastCreateRequest));
        var request = Workshops.LastCreateRequest!;
        Assert.Equal("IGF 2018 WS #42", request.Title);
        Assert.Equal(["Group 1", "Group 2", "Group 3"], request.Groups.Select(g => g.Name));
        Assert.Equal(["Ada", "Grace", "Linus"], request.Groups[1].Animators);
        Assert.Equal(SessionDefaults.Phases, request.Phases);
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith(SessionRoutes.Share("new-mod"), navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void Submit_EmptyTitle_MessageOnTheTitleAndNothingSent()
    {
        var cut = RenderFilled();
        cut.Find("#session-title").Change("   ");

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("The title is required.", FieldText(cut, "title"), StringComparison.Ordinal));
        Assert.Null(Workshops.LastCreateRequest);
    }

    [Fact]
    public void Submit_TopicTooLong_MessageOnThatTopic()
    {
        var cut = RenderFilled();
        cut.Find("#group-2-topic").Change(new string('x', SessionLimits.MaxTopicLength + 1));

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("The topic is too long (501 characters; at most 500).", FieldText(cut, "groups[2].topic"), StringComparison.Ordinal));
        Assert.DoesNotContain("too long", FieldText(cut, "groups[0].topic"), StringComparison.Ordinal);
        Assert.Null(Workshops.LastCreateRequest);
    }

    [Fact]
    public void AddGroup_UpToTheLimit_ThenDisabledWithAMessage()
    {
        var cut = Render<SessionCreateForm>();

        for (var i = 3; i < SessionLimits.MaxGroups; i++)
        {
            cut.Find("button[data-add-group]").Click();
        }

        Assert.Equal(SessionLimits.MaxGroups, cut.FindAll("[data-group-index]").Count);
        Assert.True(cut.Find("button[data-add-group]").HasAttribute("disabled"));
        Assert.Contains("at most 12 groups", cut.Find("[data-session-form]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveGroup_Clicked_GroupRemoved()
    {
        var cut = Render<SessionCreateForm>();

        cut.Find("button[data-remove-group='1']").Click();

        Assert.Equal(2, cut.FindAll("[data-group-index]").Count);
    }

    [Fact]
    public void Validate_TooManyGroups_GroupsMessage()
    {
        var model = new SessionFormModel { Title = "T" };
        model.Groups.Clear();
        model.Groups.AddRange(Enumerable.Range(1, SessionLimits.MaxGroups + 1).Select(n => new SessionFormModel.GroupInput { Name = $"G{n}", Topic = "t" }));

        var errors = model.Validate(TestLocalizer.For<SessionFormModel>());

        Assert.Equal(["A session has 1 to 12 groups."], Assert.Single(errors).Value);
    }

    [Fact]
    public void Validate_PhaseMinutesAndAnimators_OutOfBounds_MessagesPerField()
    {
        var model = new SessionFormModel { Title = "T" };
        foreach (var group in model.Groups)
        {
            group.Topic = "t";
        }

        model.Groups[0].Animators = string.Join(",", Enumerable.Range(1, 11).Select(n => $"A{n}"));
        model.Phases[3].Minutes = 0;

        var errors = model.Validate(TestLocalizer.For<SessionFormModel>());

        Assert.Equal(["groups[0].animators", "phases[3].duration"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Submit_Defaults_LicenceIsCcByAndContributorsArePseudonymised()
    {
        var cut = RenderFilled();

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.NotNull(Workshops.LastCreateRequest));
        Assert.Equal((SessionLicences.Default, false), (Workshops.LastCreateRequest!.Licence, Workshops.LastCreateRequest.CreditContributors));
        Assert.Equal(SessionLicences.All.Select(l => l.Id), cut.FindAll("#session-licence option").Select(o => o.GetAttribute("value")));
    }

    [Fact]
    public void Submit_LicenceChosenAndCreditOn_AreSent()
    {
        var cut = RenderFilled();
        cut.Find("#session-licence").Change("ODbL-1.0");
        cut.Find(".padhub-credit-contributors input").Change(true);

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.NotNull(Workshops.LastCreateRequest));
        Assert.Equal(("ODbL-1.0", true), (Workshops.LastCreateRequest!.Licence, Workshops.LastCreateRequest.CreditContributors));
    }

    [Fact]
    public void Submit_ServerRefusesTheLicence_MessageOnTheLicence()
    {
        Workshops.CreateFailure = new SessionValidationException(new Dictionary<string, string[]> { ["licence"] = ["Unknown licence 'X': use one of CC-BY-4.0."] });
        var cut = RenderFilled();

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Unknown licence", FieldText(cut, "licence"), StringComparison.Ordinal));
    }

    [Fact]
    public void Submit_ServerRefuses_ErrorsMappedToTheirFields()
    {
        Workshops.CreateFailure = new SessionValidationException(new Dictionary<string, string[]>
        {
            ["groups"] = ["Too many groups for this server."],
            ["groups[1].topic"] = ["This topic is not allowed."],
            ["groups[0].animators[2]"] = ["That name is too long."],
            ["padTemplate"] = ["The template is too long."],
        });
        var cut = RenderFilled();

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("This topic is not allowed.", FieldText(cut, "groups[1].topic"), StringComparison.Ordinal));
        Assert.Contains("Too many groups for this server.", FieldText(cut, "groups"), StringComparison.Ordinal);
        Assert.Contains("That name is too long.", FieldText(cut, "groups[0].animators"), StringComparison.Ordinal);
        Assert.Contains("The template is too long.", cut.Find("[data-form-errors]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("/m/", Context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }
}

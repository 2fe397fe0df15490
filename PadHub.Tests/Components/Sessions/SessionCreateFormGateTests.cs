using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;
using PadHub.Server.Api;
using PadHub.Server.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Sessions;

// The home page's form with the server's real gate: outside Development it asks for the organiser key before creating
// anything; open creation has a per-client limit.
public sealed class SessionCreateFormGateTests : SessionComponentTest
{
    private const string OrganiserKey = "organiser-key-0123456789";

    [Fact]
    public void Submit_ProductionWithoutKey_AsksForTheKeyAndCreatesNothing()
    {
        UseGate(Environments.Production, apiKey: OrganiserKey);
        var cut = RenderFilled();

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Enter the organiser key", cut.Find("[data-field='organiser-key']").TextContent, StringComparison.Ordinal));
        Assert.Null(Workshops.LastCreateRequest);
    }

    [Fact]
    public void Submit_ProductionWrongKey_RefusedOnTheKeyFieldAndNothingCreated()
    {
        UseGate(Environments.Production, apiKey: OrganiserKey);
        var cut = RenderFilled();
        cut.Find("#organiser-key").Change("guess");

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("not the organiser key", cut.Find("[data-field='organiser-key']").TextContent, StringComparison.Ordinal));
        Assert.Null(Workshops.LastCreateRequest);
    }

    [Fact]
    public void Submit_ProductionRightKey_CreatesTheSession()
    {
        UseGate(Environments.Production, apiKey: OrganiserKey);
        var cut = RenderFilled();
        cut.Find("#organiser-key").Change(OrganiserKey);

        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.NotNull(Workshops.LastCreateRequest));
        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith(SessionRoutes.Share("new-mod"), navigation.Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ProductionWithNoKeyConfigured_SaysCreationIsOffAndHasNoForm()
    {
        UseGate(Environments.Production, apiKey: null);

        var cut = Render<SessionCreateForm>();

        Assert.NotNull(cut.Find("[data-creation-disabled]"));
        Assert.Empty(cut.FindAll("form"));
    }

    [Fact]
    public void Submit_DevelopmentByDefault_NeedsNoKey()
    {
        UseGate(Environments.Development, apiKey: OrganiserKey);
        var cut = RenderFilled();

        Assert.Empty(cut.FindAll("#organiser-key"));
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.NotNull(Workshops.LastCreateRequest));
    }

    [Fact]
    public void Submit_OpenCreationPastTheLimit_SaysWhenToRetryAndCreatesNothing()
    {
        UseGate(Environments.Production, apiKey: null, new SessionOptions { OpenCreation = true, MaxCreationsPerClient = 1, CreationWindow = TimeSpan.FromMinutes(30) });
        var first = RenderFilled();
        Assert.Empty(first.FindAll("#organiser-key"));
        first.Find("form").Submit();
        first.WaitForAssertion(() => Assert.NotNull(Workshops.LastCreateRequest));
        Workshops.ResetLastCreateRequest();

        var second = RenderFilled();
        second.Find("form").Submit();

        second.WaitForAssertion(() => Assert.Contains("Too many requests from this address: try again in 30 min.",
            second.Find("[data-form-errors]").TextContent, StringComparison.Ordinal));
        Assert.Null(Workshops.LastCreateRequest);
    }

    private void UseGate(string environment, string? apiKey, SessionOptions? options = null)
    {
        var host = new HostingEnvironment { EnvironmentName = environment };
        var sessionOptions = Options.Create(options ?? new SessionOptions());
        var keys = new ApiKeyProvider(Options.Create(new PadApiOptions { ApiKey = apiKey }), host);
        Context.Services.AddSingleton<ISessionCreationGate>(
            new SessionCreationGate(sessionOptions, keys, host, new SessionCreationLimiter(Time, sessionOptions), new HttpContextAccessor()));
    }

    private IRenderedComponent<SessionCreateForm> RenderFilled() => Render<SessionCreateForm>().FillRequired();
}

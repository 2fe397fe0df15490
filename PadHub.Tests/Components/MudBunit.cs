using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PadHub.Components.Layout;
using PadHub.Components.Contracts.Feed;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Participation;
using PadHub.Components.Contracts.Questions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components;

/// <summary>
/// A bUnit context set up for MudBlazor. Own it in the test class and dispose it in
/// <c>IAsyncLifetime.DisposeAsync</c>: MudBlazor's popover service is IAsyncDisposable, so inheriting
/// BunitContext (disposed synchronously by xunit v2) breaks.
/// </summary>
public static class MudBunit
{
    public static BunitContext CreateContext()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.Services.AddLocalization();
        context.Services.AddTransient<MudLocalizer, PadHubMudLocalizer>();
        // Session views follow participation (group follows, help calls); tests that look at it register their own.
        context.Services.AddSingleton<IParticipationService>(new FakeParticipationService());
        // The dashboard holds the questions panel and its social feed; tests that look at them register their own.
        context.Services.AddSingleton<IQuestionService>(new FakeQuestionService(DateTimeOffset.UnixEpoch));
        context.Services.AddSingleton<ISocialFeedService>(new FakeSocialFeedService());
        context.Services.AddSingleton<IPadCommentService>(new FakePadCommentService());
        // MudBlazor calls its own JS freely; PadHub's own modules get Strict setups in their tests.
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }
}

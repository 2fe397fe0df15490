using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Questions;
using PadHub.Components.Questions;
using PadHub.Components.Contracts.Participation;
using PadHub.Components.Contracts.Sessions;
using PadHub.Tests.Fakes;

namespace PadHub.Tests.Components.Sessions;

/// <summary>
/// The bUnit set-up the session components' tests share: a MudBlazor context (owned, disposed asynchronously), the
/// server's clock frozen at <see cref="Now"/>, the fake workshop and pad-watch services, and an interactive renderer.
/// </summary>
public abstract class SessionComponentTest : IAsyncLifetime
{
    /// <summary>The server's clock when a test starts; the fake workshop's times are relative to it.</summary>
    protected static readonly DateTimeOffset Now = new(2030, 5, 17, 9, 30, 0, TimeSpan.Zero);

    private bool _rendererInfoSet;

    protected SessionComponentTest()
    {
        Context.Services.AddSingleton<TimeProvider>(Time);
        Context.Services.AddSingleton<IWorkshopService>(Workshops);
        Context.Services.AddSingleton<IPadWatchService>(Watches);
        Context.Services.AddSingleton<IQuestionService>(Questions);
        Context.JSInterop.SetupModule(AudienceQuestions.ModulePath).Setup<string>("participantId").SetResult(ParticipantId);
        Context.Services.AddSingleton<IParticipationService>(Participation);
        Context.Services.AddSingleton<IPadCommentService>(Comments);
    }

    /// <summary>The participant id the fake browser storage hands the audience's questions.</summary>
    protected const string ParticipantId = "participant-0123456789abcdef0123456789abcdef";

    protected BunitContext Context { get; } = MudBunit.CreateContext();

    protected FakeTimeProvider Time { get; } = new(Now);

    private protected FakeWorkshopService Workshops { get; } = new(Now);

    private protected FakePadWatchService Watches { get; } = new();

    private protected FakeQuestionService Questions { get; } = new(Now);
    private protected FakeParticipationService Participation { get; } = new();
    private protected FakePadCommentService Comments { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Context.DisposeAsync();

    /// <summary>Gives the pad of every group of the fake workshop its own text.</summary>
    protected void WatchEveryGroup(Func<SessionGroup, string> text)
    {
        foreach (var group in Workshops.State.Groups)
        {
            Watches.Set(group.PadId, text(group));
        }
    }

    /// <summary>Renders <typeparamref name="TComponent"/> as an interactive (Server) component would run.</summary>
    protected IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        MakeInteractive();
        return Context.Render(parameters);
    }

    /// <summary>Renders <paramref name="fragment"/> as an interactive (Server) component would run.</summary>
    protected IRenderedComponent<ContainerFragment> Render(RenderFragment fragment)
    {
        MakeInteractive();
        return Context.Render(fragment);
    }

    // Setting the renderer info builds the service provider: only at the first render, once a test has registered
    // everything it adds (e.g. the session creation gate).
    private void MakeInteractive()
    {
        if (!_rendererInfoSet)
        {
            Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
            _rendererInfoSet = true;
        }
    }
}

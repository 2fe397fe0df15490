using Bunit;
using PadHub.Components.Sessions;

namespace PadHub.Tests.Components.Sessions;

/// <summary>What the session creation form's tests type into it.</summary>
internal static class SessionCreateFormInput
{
    /// <summary>Fills what a valid session needs and nothing more: a title and the three default groups' topics.</summary>
    public static IRenderedComponent<SessionCreateForm> FillRequired(this IRenderedComponent<SessionCreateForm> cut)
    {
        cut.Find("#session-title").Change("IGF 2018 WS #42");
        for (var i = 0; i < 3; i++)
        {
            cut.Find($"#group-{i}-topic").Change($"Topic {i + 1}");
        }

        return cut;
    }
}

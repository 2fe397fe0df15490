using Microsoft.Extensions.Localization;
using MudBlazor;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Pads;

namespace PadHub.Components.Plenary;

/// <summary>The spotlight controls' one way to the server: the moderator's token goes with every request and the server checks it.</summary>
internal static class SpotlightRequests
{
    /// <summary>Puts <paramref name="spotlight"/> in the spotlight (null clears it); a refusal is told in a snackbar. True when it was set.</summary>
    /// <param name="text">The caller's localiser, with the keys <c>SpotlightLinkReplaced</c> and <c>SpotlightForbidden</c>.</param>
    /// <param name="refusals">Any other refusal, in the page's language.</param>
    public static async Task<bool> SetAsync(IWorkshopService workshops, string moderatorToken, Spotlight? spotlight, ISnackbar snackbar, IStringLocalizer text,
        IStringLocalizer<PadRefusals> refusals)
    {
        try
        {
            await workshops.SetSpotlightAsync(moderatorToken, spotlight);
            return true;
        }
        catch (PadException ex)
        {
            snackbar.Add(ex.Code switch
            {
                PadErrorCodes.NotFound => text["SpotlightLinkReplaced"].Value,
                PadErrorCodes.Forbidden => text["SpotlightForbidden"].Value,
                _ => PadRefusals.Describe(ex, refusals),
            }, Severity.Error);
            return false;
        }
        catch (SessionValidationException ex)
        {
            // The server's validation texts follow the request's culture, like the page.
            snackbar.Add(string.Join(" ", ex.Errors.SelectMany(e => e.Value)), Severity.Error);
            return false;
        }
    }

    /// <summary>The spotlight that <paramref name="wanted"/> toggles to: the same one again clears it.</summary>
    public static Spotlight? Toggle(Spotlight? current, Spotlight wanted) => current == wanted ? null : wanted;
}

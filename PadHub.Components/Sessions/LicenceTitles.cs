using Microsoft.Extensions.Localization;
using PadHub.Components.Contracts.Sessions;

namespace PadHub.Components.Sessions;

/// <summary>
/// A licence's name as a page shows it, in the page's language (the licensors' own translations where they have one).
/// The exports keep <see cref="SessionLicence.Title"/>, the SPDX title.
/// </summary>
/// <remarks>Not static: it names its own resource files (<c>IStringLocalizer&lt;LicenceTitles&gt;</c>).</remarks>
public sealed class LicenceTitles
{
    private LicenceTitles()
    {
    }

    /// <summary>The title of <paramref name="licence"/> in the page's language; its SPDX title when none is known.</summary>
    public static string Of(SessionLicence licence, IStringLocalizer<LicenceTitles> text)
    {
        ArgumentNullException.ThrowIfNull(licence);
        ArgumentNullException.ThrowIfNull(text);
        // Resource keys are identifiers: the SPDX id without its punctuation (CC-BY-SA-4.0 is CCBYSA40).
        var key = new string([.. licence.Id.Where(char.IsAsciiLetterOrDigit)]);
        var title = text[key];
        return title.ResourceNotFound ? licence.Title : title.Value;
    }
}

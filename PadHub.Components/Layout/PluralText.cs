using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PadHub.Components.Layout;

/// <summary>
/// Counted texts ("1 question", "3 questions") with ICU-like plural keys: <c>{Key}One</c> and <c>{Key}Many</c>, the
/// count in <c>{0}</c> formatted for the culture ("1 234"). English says "one" for 1 only; French for 0 and 1
/// ("0 question", CLDR's rule), so the choice follows the current culture, not the count alone.
/// </summary>
public static class PluralText
{
    /// <summary><paramref name="key"/>'s One or Many text for <paramref name="count"/> in the current culture.</summary>
    public static string Format(IStringLocalizer text, string key, int count)
    {
        ArgumentNullException.ThrowIfNull(text);
        var culture = CultureInfo.CurrentCulture;
        return text[key + (IsOne(count, CultureInfo.CurrentUICulture) ? "One" : "Many"), count.ToString("N0", culture)];
    }

    /// <summary>Whether <paramref name="count"/> takes the singular in <paramref name="culture"/>'s language.</summary>
    public static bool IsOne(int count, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "fr" ? count is 0 or 1 : count == 1;
    }
}

using System.Globalization;
using System.Resources;

namespace PadHub.Server.Sessions;

/// <summary>
/// The session checks' messages (<c>ValidationText.resx</c>, <c>ValidationText.fr.resx</c>) in the request's language:
/// the form shows them as they come (a circuit keeps its request's culture), and an API client reads them in the
/// language it asked for (<c>Accept-Language</c>). Field paths stay the same in every language.
/// </summary>
internal sealed class ValidationText
{
    private static readonly ResourceManager Resources = new(typeof(ValidationText).FullName!, typeof(ValidationText).Assembly);

    private ValidationText()
    {
    }

    /// <summary>The message named <paramref name="key"/> in the current UI culture, its <c>{n}</c> filled with <paramref name="arguments"/>.</summary>
    public static string Get(string key, params object[] arguments)
    {
        var format = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new KeyNotFoundException("No validation text " + key);
        return arguments.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, arguments);
    }
}

using System.Globalization;

namespace PadHub.Components.Layout;

/// <summary>
/// The languages PadHub speaks and the address that switches between them. Adding a language means adding it here and
/// a <c>X.&lt;name&gt;.resx</c> next to every <c>X.resx</c> (the parity test names each one missing).
/// </summary>
public static class AppCultures
{
    /// <summary>The neutral language: the <c>X.resx</c> files, and what a browser asking for nothing we speak gets.</summary>
    public const string Default = "en";

    /// <summary>The endpoint that remembers a choice in the culture cookie and redirects back (<c>?c=fr&amp;redirect=/path</c>).</summary>
    public const string SwitchPath = "/culture";

    /// <summary>Every language, the default first.</summary>
    public static IReadOnlyList<AppCulture> All { get; } = [new("en", "English"), new("fr", "Français")];

    /// <summary>Whether <paramref name="name"/> is exactly one of <see cref="All"/>'s names.</summary>
    public static bool IsSupported(string? name) => All.Any(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>The supported language of the current UI culture (<c>fr-CA</c> is <c>fr</c>), else <see cref="Default"/>.</summary>
    public static string Current
    {
        get
        {
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            return IsSupported(language) ? language : Default;
        }
    }

    /// <summary>The address that switches to <paramref name="culture"/> and comes back to <paramref name="redirect"/> (a local path).</summary>
    public static string SwitchUrl(string culture, string redirect) =>
        $"{SwitchPath}?c={Uri.EscapeDataString(culture)}&redirect={Uri.EscapeDataString(redirect)}";
}

using System.Globalization;

namespace PadHub.Tests.Components;

/// <summary>Sets the current culture and UI culture (as a French request would) until disposed, then restores them.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>French, as the request localisation middleware sets it for <c>Accept-Language: fr</c>.</summary>
    public static CultureScope French() => new("fr");

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}

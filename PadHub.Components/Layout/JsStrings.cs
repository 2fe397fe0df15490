using Microsoft.Extensions.Localization;

namespace PadHub.Components.Layout;

/// <summary>
/// A JS module's texts in the page's language: a component's resource keys starting <c>Js</c>, named as the module's
/// camelCase keys (<c>JsOfflineTitle</c> is <c>offlineTitle</c>). The module keeps its English defaults for any key missing.
/// </summary>
public static class JsStrings
{
    /// <summary>Every <c>Js</c> key of <paramref name="text"/>, renamed for the module.</summary>
    public static Dictionary<string, string> From(IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.GetAllStrings(includeParentCultures: true)
            .Where(s => s.Name.StartsWith("Js", StringComparison.Ordinal) && s.Name.Length > 2)
            .ToDictionary(s => char.ToLowerInvariant(s.Name[2]) + s.Name[3..], s => s.Value, StringComparer.Ordinal);
    }
}

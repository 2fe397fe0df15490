using System.Globalization;
using System.Resources;

namespace PadHub.Server.Results;

/// <summary>
/// The exports' human-readable texts (<c>ExportText.resx</c>, <c>ExportText.fr.resx</c>) in the SESSION's language,
/// whoever downloads them: an export is one document for everyone, unlike a page, which follows its reader (so this reads
/// the resources for an explicit culture instead of the request's <c>IStringLocalizer</c>).
/// </summary>
internal sealed class ExportText
{
    private static readonly ResourceManager Resources = new(typeof(ExportText).FullName!, typeof(ExportText).Assembly);
    private readonly CultureInfo _culture;

    /// <param name="language">The session's language (<c>en</c>, <c>fr</c>).</param>
    public ExportText(string language) => _culture = CultureInfo.GetCultureInfo(language);

    /// <summary>The text named <paramref name="key"/>, its <c>{n}</c> filled with <paramref name="arguments"/> formatted for the language.</summary>
    public string this[string key, params object[] arguments]
    {
        get
        {
            var format = Resources.GetString(key, _culture) ?? throw new KeyNotFoundException("No export text " + key);
            return arguments.Length == 0 ? format : string.Format(_culture, format, arguments);
        }
    }
}

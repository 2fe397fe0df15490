using Microsoft.Extensions.Localization;
using MudBlazor;

namespace PadHub.Components.Layout;

/// <summary>
/// MudBlazor's own texts (the close button of a snackbar, an alert or a dialog, a field's "Required", a select's
/// "Select all"...) in the page's language. MudBlazor asks it for every language but English; a key without a resource
/// here comes back not found, and MudBlazor falls back to its own English.
/// </summary>
public sealed class PadHubMudLocalizer(IStringLocalizer<PadHubMudLocalizer> localizer) : MudLocalizer
{
    /// <inheritdoc />
    public override LocalizedString this[string key] => localizer[key];

    /// <inheritdoc />
    public override LocalizedString this[string key, params object[] arguments] => localizer[key, arguments];
}

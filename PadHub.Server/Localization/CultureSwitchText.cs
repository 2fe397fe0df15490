namespace PadHub.Server.Localization;

/// <summary>The culture switch's refusals (<c>CultureSwitchText.resx</c>): a marker type for <c>IStringLocalizer</c>.</summary>
public sealed class CultureSwitchText
{
    private CultureSwitchText()
    {
    }
}

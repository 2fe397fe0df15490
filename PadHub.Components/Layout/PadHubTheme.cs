using MudBlazor;

namespace PadHub.Components.Layout;

/// <summary>
/// PadHub's MudBlazor theme: the default palettes with every colour that carries text darkened (light) or lightened
/// (dark, the projector) until it meets WCAG AA, 4.5:1, on the page's background and surface, and every filled
/// control's text on its colour too. MudBlazor's own warning, success, info and error colours are 2-3.7:1 on white.
/// Text and outlined alerts write in the "darken" shade of their colour, which is darker still on the dark theme: there it
/// is the colour itself. PadHubThemeContrastTests computes every pair.
/// </summary>
public static class PadHubTheme
{
    /// <summary>A new theme (MudBlazor's providers keep a reference; each layout takes its own).</summary>
    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#594ae2",
            Secondary = "#c51162",
            Tertiary = "#00796b",
            Info = "#0d6bbf",
            Success = "#1b7a34",
            Warning = "#a85200",
            Error = "#c62828",
            TextSecondary = "#5f5f5f",
            AppbarBackground = "#594ae2",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#b3abff",
            PrimaryContrastText = "#1a1a2e",
            Secondary = "#ff80ab",
            SecondaryContrastText = "#1a1a2e",
            Tertiary = "#64d8cb",
            TertiaryContrastText = "#1a1a2e",
            Info = "#7cc4ff",
            InfoContrastText = "#1a1a2e",
            Success = "#5fd38a",
            SuccessContrastText = "#1a1a2e",
            Warning = "#ffb547",
            WarningContrastText = "#1a1a2e",
            Error = "#ff8a8a",
            ErrorContrastText = "#1a1a2e",
            InfoDarken = "#7cc4ff",
            SuccessDarken = "#5fd38a",
            WarningDarken = "#ffb547",
            ErrorDarken = "#ff8a8a",
            TextSecondary = "#c4c4cc",
        },
    };
}

using System.Globalization;
using MudBlazor;
using MudBlazor.Utilities;
using PadHub.Components.Layout;

namespace PadHub.Tests.Components.Layout;

/// <summary>
/// Issue 15: the theme's contrast meets WCAG AA (4.5:1). Every colour that carries text (links, outlined and text
/// buttons, chips, alerts, secondary text) against the background and the surface, and each filled control's text on
/// its colour, in the light theme (every page) and the dark one (the projector).
/// </summary>
public sealed class PadHubThemeContrastTests
{
    public static TheoryData<string> Palettes() => ["light", "dark"];

    [Theory]
    [MemberData(nameof(Palettes))]
    public void TextColours_OnBackgroundAndSurface_MeetAA(string which)
    {
        var palette = PaletteOf(which);
        var texts = new (string Name, MudColor Color)[]
        {
            ("primary", palette.Primary), ("secondary", palette.Secondary), ("tertiary", palette.Tertiary), ("info", palette.Info),
            ("success", palette.Success), ("warning", palette.Warning), ("error", palette.Error),
            ("text primary", palette.TextPrimary), ("text secondary", palette.TextSecondary),
            // Text and outlined alerts (the invalid-link page on the projector) write in the darken shade.
            ("info alert", new MudColor(palette.InfoDarken)), ("success alert", new MudColor(palette.SuccessDarken)),
            ("warning alert", new MudColor(palette.WarningDarken)), ("error alert", new MudColor(palette.ErrorDarken)),
        };
        foreach (var (name, color) in texts)
        {
            AssertContrast(color, palette.Background, $"{which} {name} on the background");
            AssertContrast(color, palette.Surface, $"{which} {name} on the surface");
        }
    }

    [Theory]
    [MemberData(nameof(Palettes))]
    public void FilledControls_ContrastTextOnColour_MeetAA(string which)
    {
        var palette = PaletteOf(which);
        var filled = new (string Name, MudColor Color, MudColor Text)[]
        {
            ("primary", palette.Primary, palette.PrimaryContrastText), ("secondary", palette.Secondary, palette.SecondaryContrastText),
            ("tertiary", palette.Tertiary, palette.TertiaryContrastText), ("info", palette.Info, palette.InfoContrastText),
            ("success", palette.Success, palette.SuccessContrastText), ("warning", palette.Warning, palette.WarningContrastText),
            ("error", palette.Error, palette.ErrorContrastText), ("app bar", palette.AppbarBackground, palette.AppbarText),
        };
        foreach (var (name, color, text) in filled)
        {
            AssertContrast(text, color, $"{which} {name}'s text on its colour");
        }
    }

    private static Palette PaletteOf(string which) => which == "dark" ? PadHubTheme.Create().PaletteDark : PadHubTheme.Create().PaletteLight;

    private static void AssertContrast(MudColor foreground, MudColor background, string what)
    {
        var back = new Wcag.Rgb(background.R, background.G, background.B);
        // A translucent text colour (MudBlazor's are rgba) is composited over what it sits on, as the browser does.
        var fore = Wcag.Over(new Wcag.Rgb(foreground.R, foreground.G, foreground.B), foreground.A / 255.0, back);
        var ratio = Wcag.Contrast(fore, back);
        Assert.True(ratio >= Wcag.TextContrast, string.Create(CultureInfo.InvariantCulture, $"{what}: {fore} on {back} is {ratio:0.00}:1, AA needs {Wcag.TextContrast}:1"));
    }
}

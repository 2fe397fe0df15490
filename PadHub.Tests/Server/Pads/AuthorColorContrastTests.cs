using System.Globalization;
using PadHub.Components.Pads;
using PadHub.Server.Pads.Access;

namespace PadHub.Tests.Server.Pads;

/// <summary>
/// Issue 15: the author colours against the text they sit behind meet WCAG AA (4.5:1), computed for every colour as
/// it is rendered: the editor's and the history's authorship tint (the colour at <see cref="AuthorColors.TintAlpha"/>
/// over the white pad, under black and theme text), a remote selection (alpha 0x33), and a remote caret's name label
/// (white text on the solid colour). The fallback colour is held to the same.
/// </summary>
public sealed class AuthorColorContrastTests
{
    /// <summary>The pad's text: black, and MudBlazor's light theme text (#424242), which the editor inherits.</summary>
    private static readonly string[] TextColors = ["#000000", "#424242"];

    /// <summary>presence.js: a remote selection is the colour with alpha 0x33 appended.</summary>
    private const string SelectionAlpha = "33";

    public static TheoryData<string> Colors()
    {
        var data = new TheoryData<string>();
        foreach (var color in AuthorIdentity.Palette.Append(AuthorColors.Fallback))
        {
            data.Add(color);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Colors))]
    public void Tint_BehindText_MeetsAA(string color)
    {
        var tint = Wcag.Parse(AuthorColors.Tint(color));
        var selection = Wcag.Parse(color + SelectionAlpha);
        foreach (var text in TextColors)
        {
            AssertContrast(tint, Wcag.Parse(text), $"{text} text on the {color} tint ({tint})");
            AssertContrast(selection, Wcag.Parse(text), $"{text} text on the {color} selection ({selection})");
        }
    }

    [Theory]
    [MemberData(nameof(Colors))]
    public void CaretLabel_WhiteNameOnTheColour_MeetsAA(string color) =>
        AssertContrast(Wcag.Parse(color), Wcag.White, $"a caret label's white name on {color}");

    [Fact]
    public void Palette_EveryColourSafeAndDistinct()
    {
        Assert.Equal(12, AuthorIdentity.Palette.Count);
        Assert.Equal(AuthorIdentity.Palette.Count, AuthorIdentity.Palette.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(AuthorIdentity.Palette, c => Assert.Equal(c, AuthorColors.Safe(c)));
        Assert.Contains(AuthorIdentity.ColorFor("a-someone"), AuthorIdentity.Palette);
    }

    private static void AssertContrast(Wcag.Rgb background, Wcag.Rgb text, string what)
    {
        var ratio = Wcag.Contrast(background, text);
        Assert.True(ratio >= Wcag.TextContrast, string.Create(CultureInfo.InvariantCulture, $"{what}: {ratio:0.00}:1, AA needs {Wcag.TextContrast}:1"));
    }
}

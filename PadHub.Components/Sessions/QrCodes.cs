using Microsoft.AspNetCore.Components;
using QRCoder;

namespace PadHub.Components.Sessions;

/// <summary>QR codes of the session's links, as inline SVG.</summary>
public static class QrCodes
{
    /// <summary>
    /// The SVG markup of a QR code for <paramref name="url"/>. Safe to render as markup: QRCoder writes only rectangles
    /// and fixed colours; the URL is encoded in the modules, never copied into the markup.
    /// </summary>
    public static MarkupString Svg(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var code = new SvgQRCode(data);
        return new MarkupString(code.GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute));
    }
}

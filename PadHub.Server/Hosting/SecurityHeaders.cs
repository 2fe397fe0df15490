using System.Buffers.Text;
using System.Security.Cryptography;

namespace PadHub.Server.Hosting;

/// <summary>
/// The headers every response carries: a Content-Security-Policy that runs no inline script except the import map
/// (allowed by a per-response nonce), <c>Referrer-Policy: no-referrer</c> (links are capabilities in the URL path),
/// <c>X-Content-Type-Options: nosniff</c> and no framing.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "PadHub.ScriptNonce";

    /// <summary>
    /// The policy for a response whose inline scripts carry <paramref name="nonce"/>. MudBlazor and CodeMirror write
    /// inline styles, so styles may be inline; scripts may not. Remote images only when pad Markdown may show them.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce, bool allowRemoteImages) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        (allowRemoteImages ? "img-src 'self' data: https:; " : "img-src 'self' data:; ") +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>The nonce of this response's inline scripts (the import map), created by the middleware.</summary>
    public static string? ScriptNonce(HttpContext? context) => context?.Items[NonceItem] as string;

    /// <summary>Adds the headers to every response, errors and static files included.</summary>
    public static IApplicationBuilder UsePadHubSecurityHeaders(this IApplicationBuilder app, bool allowRemoteImages)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceItem] = nonce;

            // At OnStarting, so that a handler that resets the response (the exception handler) cannot drop them.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce, allowRemoteImages);
                headers["Referrer-Policy"] = "no-referrer";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}

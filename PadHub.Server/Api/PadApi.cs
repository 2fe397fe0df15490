using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PadHub.Core.Operations;
using PadHub.Server.Hosting;
using PadHub.Server.Persistence;

namespace PadHub.Server.Api;

/// <summary>
/// The HTTP API: <c>POST /api/pads</c> creates a pad and returns its edit and view links; <see cref="PadLinkApi"/>
/// replaces one of them.
/// </summary>
public static class PadApi
{
    public const string PadsPath = "/api/pads";

    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>Links to a pad: <c>{base}/p/{editToken}</c> edits, <c>{base}/v/{viewToken}</c> views.</summary>
    public const string EditPathPrefix = "/p/";

    public const string ViewPathPrefix = "/v/";

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        // {"text":"a","text":"b"} is ambiguous: refuse it rather than guess.
        AllowDuplicateProperties = false,
    };

    public static IEndpointRouteBuilder MapPadApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(PadsPath, CreatePadAsync)
            .WithName("CreatePad")
            .Produces<CreatePadResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        endpoints.MapPadLinkApi();
        return endpoints;
    }

    internal static async Task<IResult> CreatePadAsync(
        HttpContext http,
        IApiKeyProvider apiKeys,
        IPadStore store,
        IOptions<PadLimitsOptions> limits,
        IOptions<PadApiOptions> apiOptions,
        CancellationToken cancellationToken)
    {
        if (CheckApiKey(http, apiKeys) is { } refused)
        {
            return refused;
        }

        var maxPadLength = limits.Value.MaxPadLength;
        var (text, error) = await ReadTextAsync(http, maxPadLength, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        // The pad stores LF only (the editor and the operations never carry \r).
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        if (text.Length > maxPadLength)
        {
            return TooLarge(text.Length, maxPadLength);
        }

        if (text.Length > 0)
        {
            try
            {
                TextOperation.ForInsert(0, 0, text).Validate(string.Empty, OperationLimits.None);
            }
            catch (MalformedTextException ex)
            {
                return Problem(StatusCodes.Status400BadRequest, "Malformed text", $"\"text\" is not well-formed Unicode: {ex.Message}");
            }
        }

        var created = await store.CreatePadAsync(text, cancellationToken);
        var baseUrl = GetBaseUrl(http.Request, apiOptions.Value);
        var editUrl = baseUrl + EditPathPrefix + created.EditToken;
        var viewUrl = baseUrl + ViewPathPrefix + created.ViewToken;

        // The response carries capabilities: no cache may keep it.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created(editUrl, new CreatePadResponse(created.PadId, editUrl, viewUrl, created.EditToken, created.ViewToken));
    }

    /// <summary>503 when the API is disabled, 401 for a missing or wrong key, null when the caller may go on.</summary>
    internal static IResult? CheckApiKey(HttpContext http, IApiKeyProvider apiKeys)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(apiKeys);
        if (apiKeys.ApiKey is null)
        {
            return Problem(StatusCodes.Status503ServiceUnavailable, "The API is disabled",
                "The server has no API key configured (PadHub:ApiKey), so it accepts no API calls.");
        }

        return apiKeys.Verify(http.Request.Headers[ApiKeyHeader].ToString())
            ? null
            : Problem(StatusCodes.Status401Unauthorized, "Missing or wrong API key", $"Send the server's API key in the {ApiKeyHeader} header.");
    }

    private static async Task<(string Text, IResult? Error)> ReadTextAsync(HttpContext http, int maxPadLength, CancellationToken cancellationToken)
    {
        var request = http.Request;

        // JSON escapes make one code unit up to 6 bytes ("\uXXXX"); anything larger cannot hold an acceptable text.
        var maxBodyBytes = (maxPadLength * 6L) + 4096;
        if (request.ContentLength > maxBodyBytes)
        {
            return ("", TooLargeBody(maxBodyBytes));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = maxBodyBytes;
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, cancellationToken);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ("", TooLargeBody(maxBodyBytes));
        }

        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return ("", null);
        }

        if (request.ContentType is not null && !request.HasJsonContentType())
        {
            return ("", Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"The body must be JSON (Content-Type: application/json), not {request.ContentType}."));
        }

        CreatePadRequest? payload;
        try
        {
            payload = JsonSerializer.Deserialize<CreatePadRequest>(body, RequestJson);
        }
        catch (JsonException ex)
        {
            return ("", Problem(StatusCodes.Status400BadRequest, "Malformed request body",
                $"Expected an optional JSON object {{ \"text\": string }}; the body is not one (at {ex.Path ?? "$"}, line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})."));
        }

        return (payload?.Text ?? "", null);
    }

    internal static string GetBaseUrl(HttpRequest request, PadApiOptions options) =>
        string.IsNullOrEmpty(options.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}"
            : options.PublicBaseUrl.TrimEnd('/');

    private static ProblemHttpResult TooLarge(int length, int max) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Text too large",
            $"\"text\" is {length} UTF-16 code units after line-ending normalisation; the maximum is {max} (PadHub:Limits:MaxPadLength).");

    private static ProblemHttpResult TooLargeBody(long maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"The body is over {maxBytes} bytes, more than any acceptable \"text\" needs.");

    internal static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}

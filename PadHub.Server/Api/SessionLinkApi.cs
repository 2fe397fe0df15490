using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;

namespace PadHub.Server.Api;

/// <summary>
/// <c>POST /api/sessions/links/{kind}</c> (kind <c>moderator</c>, <c>audience</c>, <c>note-taker</c> or <c>results</c>):
/// replaces a session's link with a new one, as the share page's "replace link" does; the old one answers not-found at
/// once. The organiser key admits the call; the moderator's link in the body says which session and proves the power.
/// </summary>
public static class SessionLinkApi
{
    public const string LinksPath = SessionApi.SessionsPath + "/links/{kind}";

    /// <summary>A moderator token, a group id and JSON punctuation fit many times over.</summary>
    public const int MaxBodyBytes = 4096;

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        AllowDuplicateProperties = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Dictionary<string, SessionLinkKind> Kinds = new(StringComparer.Ordinal)
    {
        ["moderator"] = SessionLinkKind.Moderator,
        ["audience"] = SessionLinkKind.Audience,
        ["note-taker"] = SessionLinkKind.NoteTaker,
        ["results"] = SessionLinkKind.Results,
    };

    public static IEndpointRouteBuilder MapSessionLinkApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LinksPath, ReplaceLinkAsync)
            .WithName("ReplaceSessionLink")
            .Produces<ReplaceSessionLinkResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    internal static async Task<IResult> ReplaceLinkAsync(
        HttpContext http,
        string kind,
        IApiKeyProvider apiKeys,
        IWorkshopService workshops,
        IOptions<PadApiOptions> apiOptions,
        CancellationToken cancellationToken)
    {
        // Answers about capabilities, even refusals, are never cached.
        http.Response.Headers.CacheControl = "no-store";
        if (PadApi.CheckApiKey(http, apiKeys) is { } refused)
        {
            return refused;
        }

        if (!Kinds.TryGetValue(kind, out var linkKind))
        {
            return PadApi.Problem(StatusCodes.Status400BadRequest, "Unknown link kind",
                $"The link kind must be one of {string.Join(", ", Kinds.Keys.Select(k => $"\"{k}\""))}.");
        }

        if (http.Request.ContentLength > MaxBodyBytes || !http.Request.HasJsonContentType())
        {
            return PadApi.Problem(StatusCodes.Status400BadRequest, "Bad body",
                $"The body is a JSON object {{\"moderatorToken\": ..., \"groupId\": ...}} of at most {MaxBodyBytes} bytes.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = MaxBodyBytes;
        }

        ReplaceSessionLinkBody? body;
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, cancellationToken);
            body = buffer.Length > MaxBodyBytes ? null : JsonSerializer.Deserialize<ReplaceSessionLinkBody>(buffer.ToArray(), RequestJson);
        }
        catch (Exception ex) when (ex is JsonException or BadHttpRequestException)
        {
            body = null;
        }

        if (body?.ModeratorToken is not { Length: > 0 } moderatorToken)
        {
            return PadApi.Problem(StatusCodes.Status400BadRequest, "Bad body",
                "The body is a JSON object with the session's moderatorToken (and groupId for a note-taker link).");
        }

        string token;
        try
        {
            token = await workshops.RegenerateLinkAsync(moderatorToken, linkKind, body.GroupId, cancellationToken);
        }
        catch (PadException ex)
        {
            return ex.Code switch
            {
                PadErrorCodes.NotFound => PadApi.Problem(StatusCodes.Status404NotFound, "No such session", "The moderator link is unknown or was replaced."),
                PadErrorCodes.Forbidden => PadApi.Problem(StatusCodes.Status403Forbidden, "Not the moderator's link", "Only the moderator's link may replace links."),
                _ => PadApi.Problem(StatusCodes.Status400BadRequest, "Cannot replace this link", ex.Message),
            };
        }

        // The moderator's link (now maybe the new one) says which session it was.
        var access = await workshops.ResolveAsync(linkKind == SessionLinkKind.Moderator ? token : moderatorToken, cancellationToken);
        var path = linkKind switch
        {
            SessionLinkKind.Moderator => SessionRoutes.Dashboard(token),
            SessionLinkKind.Audience => SessionRoutes.Audience(token),
            SessionLinkKind.Results => SessionRoutes.Results(token),
            _ => SessionRoutes.EditPad(token),
        };
        return TypedResults.Ok(new ReplaceSessionLinkResponse(
            access?.SessionId ?? "", kind, linkKind == SessionLinkKind.NoteTaker ? body.GroupId : null,
            PadApi.GetBaseUrl(http.Request, apiOptions.Value) + path, token));
    }
}

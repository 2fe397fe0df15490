using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Pads;
using PadHub.Server.Pads.Links;
using PadHub.Server.Pads;

namespace PadHub.Server.Api;

/// <summary>
/// <c>POST /api/pads/{padId}/links/{kind}</c> (kind <c>edit</c> or <c>view</c>): replaces a stand-alone pad's link with
/// a new one; the old one answers not-found at once and the connections that used it are closed.
/// </summary>
public static class PadLinkApi
{
    public const string LinksPath = PadApi.PadsPath + "/{padId}/links/{kind}";

    public const string EditKind = "edit";

    public const string ViewKind = "view";

    private const int MaxPadIdLength = 128;

    public static IEndpointRouteBuilder MapPadLinkApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(LinksPath, ReplaceLinkAsync)
            .WithName("ReplacePadLink")
            .Produces<ReplaceLinkResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    internal static async Task<IResult> ReplaceLinkAsync(
        HttpContext http,
        string padId,
        string kind,
        IApiKeyProvider apiKeys,
        PadLinkReplacer replacer,
        IOptions<PadApiOptions> apiOptions,
        CancellationToken cancellationToken)
    {
        // Answers about capabilities, even refusals, are never cached.
        http.Response.Headers.CacheControl = "no-store";
        if (PadApi.CheckApiKey(http, apiKeys) is { } refused)
        {
            return refused;
        }

        PadRole? role = kind switch
        {
            EditKind => PadRole.Editor,
            ViewKind => PadRole.Viewer,
            _ => null,
        };
        if (role is null)
        {
            return PadApi.Problem(StatusCodes.Status400BadRequest, "Unknown link kind",
                $"The link kind must be \"{EditKind}\" or \"{ViewKind}\".");
        }

        var token = padId.Length <= MaxPadIdLength ? await replacer.ReplaceAsync(padId, role.Value, cancellationToken) : null;
        if (token is null)
        {
            return PadApi.Problem(StatusCodes.Status404NotFound, "No such pad",
                "There is no stand-alone pad with this id (a workshop session's pads are reached through the session's links).");
        }

        var prefix = role == PadRole.Editor ? PadApi.EditPathPrefix : PadApi.ViewPathPrefix;
        var url = PadApi.GetBaseUrl(http.Request, apiOptions.Value) + prefix + token;
        return TypedResults.Ok(new ReplaceLinkResponse(padId, kind, url, token));
    }
}

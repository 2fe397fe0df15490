using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Results;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Results;
using PadHub.Components.Sessions;
using PadHub.Server.Api;

namespace PadHub.Server.Results;

/// <summary>
/// The results link's addresses: every <c>/r/{token}...</c> request is refused with a bare 404 (the site's one "not
/// found" page, whatever the reason) unless the token is a session's current results link; the downloads are
/// <c>GET /r/{token}/{file}</c> for the files <see cref="ResultsDocuments"/> names and <c>export.zip</c>.
/// </summary>
public static class ResultsEndpoints
{
    private const string Prefix = "/r";

    /// <summary>Refuses <c>/r/{token}</c> and everything under it (the page, live pads, downloads) for any token but a results link.</summary>
    public static IApplicationBuilder UseResultsLinks(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(Prefix, StringComparison.Ordinal, out var rest) && rest.HasValue)
            {
                var token = rest.Value!.TrimStart('/').Split('/', 2)[0];
                var workshop = http.RequestServices.GetRequiredService<IWorkshopService>();
                if (token.Length is 0 or > ResultsService.MaxTokenLength
                    || await workshop.ResolveAsync(token, http.RequestAborted) is not { Role: SessionRole.Results })
                {
                    http.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
            }

            await next(http);
        });
    }

    public static IEndpointRouteBuilder MapResults(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Prefix + "/{token}/{file}", DownloadAsync).ExcludeFromDescription();
        return endpoints;
    }

    internal static async Task<IResult> DownloadAsync(
        string token,
        string file,
        HttpContext http,
        IResultsService results,
        IOptions<PadApiOptions> apiOptions,
        CancellationToken cancellationToken)
    {
        var isArchive = string.Equals(file, ResultsFiles.Archive, StringComparison.Ordinal);
        if (!isArchive && !IsKnownName(file))
        {
            return TypedResults.NotFound();
        }

        var snapshot = await results.GetSnapshotAsync(token, cancellationToken);
        if (snapshot is null)
        {
            return TypedResults.NotFound();
        }

        var resultsUrl = PadApi.GetBaseUrl(http.Request, apiOptions.Value) + SessionRoutes.Results(token);
        http.Response.Headers.CacheControl = "no-store";
        if (isArchive)
        {
            return TypedResults.Stream(
                body => ResultsArchive.WriteAsync(body, snapshot, resultsUrl, cancellationToken), "application/zip", ResultsFiles.Archive);
        }

        if (ResultsDocuments.Find(snapshot, resultsUrl, file) is not { } document)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(document.Build()), document.ContentType, document.File);
    }

    // Only names the results can have reach the service: a made-up file name costs no snapshot.
    private static bool IsKnownName(string file) =>
        file is ResultsFiles.DataPackage or ResultsFiles.ConclusionsMarkdown or ResultsFiles.GroupsCsv or ResultsFiles.ConclusionsCsv or ResultsFiles.ContributionsCsv or ResultsFiles.QuestionsCsv
        || (file.StartsWith("group-", StringComparison.Ordinal) && file.Length <= 16);
}

using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Sessions;
using PadHub.Components.Sessions;

namespace PadHub.Server.Api;

/// <summary><c>POST /api/sessions</c>: creates a workshop session with all its pads and returns every link.</summary>
public static class SessionApi
{
    public const string SessionsPath = "/api/sessions";

    /// <summary>Far more than the largest acceptable session (every field at its limit, JSON-escaped).</summary>
    public const long MaxBodyBytes = 256 * 1024;

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web)
    {
        AllowDuplicateProperties = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SessionsPath, CreateSessionAsync)
            .WithName("CreateSession")
            .Produces<CreateSessionResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        endpoints.MapSessionLinkApi();
        return endpoints;
    }

    internal static async Task<IResult> CreateSessionAsync(
        HttpContext http,
        IApiKeyProvider apiKeys,
        IWorkshopService workshops,
        IOptions<PadApiOptions> apiOptions,
        CancellationToken cancellationToken)
    {
        if (PadApi.CheckApiKey(http, apiKeys) is { } refused)
        {
            return refused;
        }

        var (body, error) = await ReadBodyAsync(http, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = ToRequest(body!, errors);
        SessionCreated created;
        try
        {
            // Validation happens even when the body already has errors, so the client sees every problem at once.
            if (errors.Count > 0)
            {
                _ = PadHub.Server.Sessions.SessionRequestValidator.Validate(request, int.MaxValue);
                return Invalid(errors);
            }

            created = await workshops.CreateSessionAsync(request, cancellationToken);
        }
        catch (SessionValidationException ex)
        {
            foreach (var (field, messages) in ex.Errors)
            {
                // The API takes minutes where the service takes a duration.
                var key = field.EndsWith(".duration", StringComparison.Ordinal) ? field[..^".duration".Length] + ".minutes" : field;
                errors[key] = errors.TryGetValue(key, out var existing) ? [.. existing, .. messages] : messages;
            }

            return Invalid(errors);
        }

        var baseUrl = PadApi.GetBaseUrl(http.Request, apiOptions.Value);
        var groups = created.Groups.Select((g, i) => new CreatedSessionGroup(
            g.GroupId, i + 1, g.Name, request.Groups[i].Topic.Trim(), g.PadId, baseUrl + SessionRoutes.EditPad(g.NoteTakerToken), g.NoteTakerToken)).ToArray();
        var moderatorUrl = baseUrl + SessionRoutes.Dashboard(created.ModeratorToken);

        // The response carries capabilities: no cache may keep it.
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created(moderatorUrl, new CreateSessionResponse(
            created.SessionId,
            created.Title,
            moderatorUrl,
            baseUrl + SessionRoutes.Share(created.ModeratorToken),
            baseUrl + SessionRoutes.Audience(created.AudienceToken),
            created.ModeratorToken,
            created.AudienceToken,
            groups,
            baseUrl + SessionRoutes.Results(created.ResultsToken),
            created.ResultsToken));
    }

    private static CreateSessionRequest ToRequest(CreateSessionBody body, Dictionary<string, string[]> errors)
    {
        var groups = body.Groups?.Select(g => g is null ? null! : new GroupDefinition(g.Name!, g.Topic!, g.Animators?.Select(a => a!).ToArray() ?? [])).ToArray();
        var phases = body.Phases?.Select((p, i) =>
        {
            if (p is null)
            {
                return null!;
            }

            if (p.Minutes is null)
            {
                errors[$"phases[{i.ToString(CultureInfo.InvariantCulture)}].minutes"] = ["This field is required (whole minutes)."];
            }

            return new SessionPhase(p.Name!, TimeSpan.FromMinutes(p.Minutes ?? 0));
        }).ToArray();
        return new CreateSessionRequest(body.Title!, body.Description, groups!, phases, body.AudienceCanEdit ?? false, body.PadTemplate,
            body.Licence, body.CreditContributors ?? false, body.Language);
    }

    private static async Task<(CreateSessionBody? Body, IResult? Error)> ReadBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLargeBody());
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = MaxBodyBytes;
        }

        if (!request.HasJsonContentType())
        {
            return (null, PadApi.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"The body must be JSON (Content-Type: application/json), not {request.ContentType ?? "nothing"}."));
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
            return (null, TooLargeBody());
        }

        try
        {
            var payload = JsonSerializer.Deserialize<CreateSessionBody>(body, RequestJson);
            return payload is null
                ? (null, Invalid(new Dictionary<string, string[]> { [""] = ["The body must be a JSON object describing the session."] }))
                : (payload, null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is null or "$" ? "" : ex.Path.StartsWith("$.", StringComparison.Ordinal) ? ex.Path[2..] : ex.Path.TrimStart('$');
            var message = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "Unknown property."
                : ex.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase)
                    ? "A property appears twice."
                    : $"Malformed JSON or a value of the wrong type (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).";
            return (null, Invalid(new Dictionary<string, string[]> { [field] = [message] }));
        }
    }

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: "The session was not created: see errors.", title: "Invalid session");

    private static ProblemHttpResult TooLargeBody() =>
        PadApi.Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"The body is over {MaxBodyBytes} bytes, more than any acceptable session needs.");
}

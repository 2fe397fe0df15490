using System.Globalization;
using Microsoft.Extensions.Options;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Sessions;
using PadHub.Server.Api;

namespace PadHub.Server.Sessions;

/// <summary>
/// <see cref="ISessionCreationGate"/> for one page (scoped to its circuit). The client is the address the circuit came
/// from (after forwarded headers from known proxies), read once when the page's services are created.
/// </summary>
internal sealed class SessionCreationGate : ISessionCreationGate
{
    private readonly IApiKeyProvider _apiKeys;
    private readonly SessionCreationLimiter _limiter;
    private readonly SessionOptions _options;
    private readonly bool _limited;
    private readonly string _client;

    public SessionCreationGate(
        IOptions<SessionOptions> options,
        IApiKeyProvider apiKeys,
        IHostEnvironment environment,
        SessionCreationLimiter limiter,
        IHttpContextAccessor httpContext)
    {
        _apiKeys = apiKeys;
        _limiter = limiter;
        _options = options.Value;
        var open = _options.OpenCreation ?? environment.IsDevelopment();
        Access = open ? SessionCreationAccess.Open : apiKeys.ApiKey is null ? SessionCreationAccess.Disabled : SessionCreationAccess.KeyRequired;
        _limited = _options.OpenCreation == true;

        // No address (a test host, an unusual transport): the page itself is the client, so the limit still holds per page.
        var address = httpContext.HttpContext?.Connection.RemoteIpAddress;
        _client = address is null ? "page:" + Guid.NewGuid().ToString("N") : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }

    public SessionCreationAccess Access { get; }

    public void Admit(string? organiserKey)
    {
        switch (Access)
        {
            case SessionCreationAccess.Disabled:
                throw new PadException(PadErrorCodes.Forbidden,
                    "Creating sessions is turned off on this server: it has no organiser key (PadHub:ApiKey) and creation is not open.");
            case SessionCreationAccess.KeyRequired:
                // Wrong keys share the creation limit, so that the key cannot be guessed from one address at speed.
                if (_limiter.IsExhausted("key:" + _client, out var wait))
                {
                    throw TooMany("wrong organiser keys", wait);
                }

                if (!_apiKeys.Verify(organiserKey))
                {
                    _limiter.TryTake("key:" + _client, out _);
                    throw new PadException(PadErrorCodes.Forbidden, "That is not the organiser key.");
                }

                return;
            default:
                if (_limited && !_limiter.TryTake("open:" + _client, out var retryAfter))
                {
                    throw TooMany("sessions created", retryAfter);
                }

                return;
        }
    }

    private PadException TooMany(string what, TimeSpan retryAfter) =>
        new(PadErrorCodes.RateLimited, string.Format(CultureInfo.InvariantCulture,
            "Too many {0} from this address: at most {1} per {2} minute(s). Try again in {3} minute(s).",
            what,
            _options.MaxCreationsPerClient,
            Math.Max(1, (int)Math.Ceiling(_options.CreationWindow.TotalMinutes)),
            Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))))
        {
            RetryAfter = retryAfter,
        };
}

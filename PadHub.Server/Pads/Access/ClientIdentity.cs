using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Access;

/// <summary>
/// Client ids are secrets (whoever knows one can submit under it), so the server checks they are long enough to be
/// unguessable and only ever sends one-way derivations of them: the client tag (own operations) and the author id.
/// </summary>
internal static class ClientIdentity
{
    public static string Validate(string? clientId)
    {
        if (clientId is null || clientId.Length is < PadJoinRequest.MinClientIdLength or > PadJoinRequest.MaxClientIdLength
            || !clientId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new PadException(PadErrorCodes.InvalidOp,
                $"clientId must be {PadJoinRequest.MinClientIdLength} to {PadJoinRequest.MaxClientIdLength} random characters of A-Z, a-z, 0-9, '-' and '_' (e.g. crypto.randomUUID()).");
        }

        return clientId;
    }

    /// <summary>The public tag of a client id: stable, one-way, different from its author id.</summary>
    public static string TagFor(string clientId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("padhub-tag:" + clientId));
        return "t-" + WebEncoders.Base64UrlEncode(hash)[..16];
    }

    /// <summary>A fresh public id for one join (96 random bits).</summary>
    public static string NewParticipantId() => "p-" + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(12));
}

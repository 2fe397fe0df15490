using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using PadHub.Components.Contracts.Pads;
using PadHub.Components.Contracts.Questions;

namespace PadHub.Server.Questions;

/// <summary>Checks and normalises what a page sends: every refusal a clear message, nothing stored before it passes.</summary>
internal static class QuestionInput
{
    /// <summary>The one-way key a participant id is stored and compared as (the id itself is a secret, never stored or logged).</summary>
    public static string ParticipantKey(string? participantId)
    {
        if (participantId is null || participantId.Length is < QuestionLimits.MinParticipantIdLength or > QuestionLimits.MaxParticipantIdLength
            || !participantId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new PadException(PadErrorCodes.InvalidOp,
                $"The participant id must be {QuestionLimits.MinParticipantIdLength} to {QuestionLimits.MaxParticipantIdLength} random characters of A-Z, a-z, 0-9, '-' and '_'. Reload the page.");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("padhub-participant:" + participantId));
        return WebEncoders.Base64UrlEncode(hash);
    }

    /// <summary>A question's text: trimmed, line breaks as LF (at most one blank line), no control characters, 1 to 500 characters.</summary>
    public static string Text(string? text)
    {
        var normalised = Clean(text, keepLines: true);
        if (normalised.Length == 0)
        {
            throw new PadException(PadErrorCodes.InvalidOp, "Write a question first: it is empty.");
        }

        if (normalised.Length > QuestionLimits.MaxTextLength)
        {
            throw new PadException(PadErrorCodes.TooLarge,
                $"A question has at most {QuestionLimits.MaxTextLength} characters; this one has {normalised.Length}.");
        }

        return normalised;
    }

    /// <summary>An optional one-line name: null when blank, at most 60 characters.</summary>
    public static string? Name(string? name)
    {
        var normalised = Clean(name, keepLines: false);
        if (normalised.Length > QuestionLimits.MaxNameLength)
        {
            throw new PadException(PadErrorCodes.TooLarge, $"A name has at most {QuestionLimits.MaxNameLength} characters; this one has {normalised.Length}.");
        }

        return normalised.Length == 0 ? null : normalised;
    }

    /// <summary>Where a question came from: one line, 1 to 200 characters.</summary>
    public static string Source(string? source)
    {
        var normalised = Clean(source, keepLines: false);
        if (normalised.Length == 0)
        {
            throw new PadException(PadErrorCodes.InvalidOp, "Say where the question comes from (for example \"Twitter, @someone\" or \"In the room\").");
        }

        if (normalised.Length > QuestionLimits.MaxSourceLength)
        {
            throw new PadException(PadErrorCodes.TooLarge, $"A source has at most {QuestionLimits.MaxSourceLength} characters; this one has {normalised.Length}.");
        }

        return normalised;
    }

    /// <summary>An id the page sends (question, group): bounded before any lookup.</summary>
    public static string Id(string? id, string what)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            throw new PadException(PadErrorCodes.NotFound, $"There is no such {what}.");
        }

        return id;
    }

    private static string Clean(string? value, bool keepLines)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // Bounded before any work: anything this long is refused for its length whatever cleaning would remove.
        if (value.Length > 4 * QuestionLimits.MaxTextLength)
        {
            throw new PadException(PadErrorCodes.TooLarge, $"At most {QuestionLimits.MaxTextLength} characters; this has {value.Length}.");
        }

        var builder = new StringBuilder(value.Length);
        var newlines = 0;
        foreach (var c in value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            if (c == '\n' && keepLines)
            {
                if (++newlines <= 2)
                {
                    builder.Append('\n');
                }

                continue;
            }

            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                AppendSpace(builder);
                continue;
            }

            newlines = 0;
            builder.Append(c);
        }

        return builder.ToString().Trim();

        static void AppendSpace(StringBuilder b)
        {
            if (b.Length > 0 && b[^1] != ' ')
            {
                b.Append(' ');
            }
        }
    }
}

using PadHub.Components.Contracts.Pads;

namespace PadHub.Server.Pads.Comments;

/// <summary>The checks on a comment's text: trimmed, LF line breaks, well-formed, no other control characters.</summary>
internal static class CommentText
{
    public static string Validate(string? text)
    {
        var clean = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (clean.Length == 0)
        {
            throw new PadException(PadErrorCodes.InvalidOp, "A comment needs some text.");
        }

        if (clean.Length > PadComment.MaxTextLength)
        {
            throw new PadException(PadErrorCodes.TooLarge, $"A comment is at most {PadComment.MaxTextLength} characters; this one is {clean.Length}.");
        }

        for (var i = 0; i < clean.Length; i++)
        {
            var c = clean[i];
            if ((char.IsControl(c) && c is not '\n' and not '\t')
                || (char.IsHighSurrogate(c) && (i + 1 == clean.Length || !char.IsLowSurrogate(clean[++i])))
                || char.IsLowSurrogate(c))
            {
                throw new PadException(PadErrorCodes.InvalidOp, "A comment must not hold control characters or lone surrogates.");
            }
        }

        return clean;
    }
}

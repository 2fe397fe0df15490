namespace PadHub.Core.Operations;

/// <summary>
/// The operation that brings a past revision R back on top of the head H, given <c>since</c>: the composition of every
/// operation committed after R up to H (R's text to H's text, see <see cref="OperationChain"/>).
/// </summary>
/// <remarks>
/// <para><b>Whole revision</b>: the inverse of <c>since</c>. Text inserted after R is deleted and text deleted after R is
/// inserted back where it was, so the head becomes R's text; text that survived keeps its place (and its authorship).</para>
/// <para><b>Passage</b> [from, to) of R's text: only what changed inside the passage is undone. Every character of the
/// passage that was deleted after R is inserted back where it was, among the characters that are still there; every
/// text inserted after R at a point strictly inside the passage (after its first character and before its last) is
/// deleted; everything else stays, text inserted at the passage's edges included. So the passage reads again exactly as
/// in R, a deleted paragraph comes back where it was, and what was typed elsewhere since R is untouched.</para>
/// </remarks>
public static class RevisionRestore
{
    /// <summary>The operation that turns the head back into <paramref name="revisionText"/> (R's text).</summary>
    /// <exception cref="OperationLengthMismatchException"><paramref name="since"/> does not start from <paramref name="revisionText"/>.</exception>
    public static TextOperation Whole(TextOperation since, string revisionText)
    {
        ArgumentNullException.ThrowIfNull(since);
        return since.Invert(revisionText);
    }

    /// <summary>The operation that brings back the passage [<paramref name="from"/>, <paramref name="to"/>) of R's text on the head.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not <c>0 &lt;= from &lt; to &lt;= revisionText.Length</c>.</exception>
    /// <exception cref="OperationLengthMismatchException"><paramref name="since"/> does not start from <paramref name="revisionText"/>.</exception>
    public static TextOperation Passage(TextOperation since, string revisionText, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(since);
        ArgumentNullException.ThrowIfNull(revisionText);
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, revisionText.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(from, to);
        if (since.BaseLength != revisionText.Length)
        {
            throw new OperationLengthMismatchException(since.BaseLength, revisionText.Length, "the operations since the restored revision");
        }

        // position: where we are in R's text; the builder walks the head (since's target) component by component.
        var builder = new TextOperation.Builder(since.Count + 2);
        var position = 0;
        foreach (var component in since.Components)
        {
            switch (component.Kind)
            {
                case OpComponentKind.Retain:
                    builder.Retain(component.Length);
                    position += component.Length;
                    break;
                case OpComponentKind.Insert:
                    // Text typed after R sits at one point of R's text: inside the passage it goes, at its edges it stays.
                    if (position > from && position < to)
                    {
                        builder.Delete(component.Length);
                    }
                    else
                    {
                        builder.Retain(component.Length);
                    }

                    break;
                default:
                    // R's characters [position, position + length) were deleted: the passage's share comes back.
                    var start = Math.Max(position, from);
                    var end = Math.Min(position + component.Length, to);
                    if (start < end)
                    {
                        builder.Insert(revisionText, start, end - start);
                    }

                    position += component.Length;
                    break;
            }
        }

        return builder.Build();
    }
}

namespace PadHub.Core.Operations;

public sealed partial class TextOperation
{
    /// <summary>
    /// Checks that this operation may be applied to <paramref name="document"/> under <paramref name="limits"/>:
    /// matching length, no offset inside a surrogate pair of the document, well-formed inserted text without <c>\r</c>,
    /// and sizes within the limits. Throws the specific <see cref="OtException"/> for the first problem found.
    /// </summary>
    /// <exception cref="OperationLengthMismatchException">The document's length is not <see cref="BaseLength"/>.</exception>
    /// <exception cref="SurrogateSplitException">An insert or a delete boundary falls inside a surrogate pair.</exception>
    /// <exception cref="CarriageReturnException">Inserted text contains <c>\r</c>.</exception>
    /// <exception cref="MalformedTextException">Inserted text has a lone surrogate.</exception>
    /// <exception cref="OperationTooLargeException">A limit is exceeded.</exception>
    public void Validate<TText>(in TText document, OperationLimits limits)
        where TText : IReadOnlyText
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (document.Length != BaseLength)
        {
            throw new OperationLengthMismatchException(BaseLength, document.Length, "the operation applied to the pad");
        }

        if (_components.Length > limits.MaxComponents)
        {
            throw new OperationTooLargeException("components in one operation", _components.Length, limits.MaxComponents);
        }

        if (TargetLength > limits.MaxDocumentLength)
        {
            throw new OperationTooLargeException("the pad's length after the operation", TargetLength, limits.MaxDocumentLength);
        }

        long inserted = 0;
        var position = 0;
        foreach (var c in _components)
        {
            if (c.IsRetain)
            {
                position += c.Length;
                continue;
            }

            // Every insert or delete touches the boundary at `position`; a delete also ends at position + length.
            CheckBoundary(document, position);
            if (c.IsDelete)
            {
                position += c.Length;
                CheckBoundary(document, position);
            }
            else
            {
                inserted += c.Length;
                CheckInsertedText(c.Text);
            }
        }

        if (inserted > limits.MaxInsertLength)
        {
            throw new OperationTooLargeException("code units inserted by one operation", inserted, limits.MaxInsertLength);
        }
    }

    /// <summary>Validates against a string document (see <see cref="Validate{TText}"/>).</summary>
    public void Validate(string document, OperationLimits limits) => Validate(new StringText(document), limits);

    private static void CheckBoundary<TText>(in TText document, int position)
        where TText : IReadOnlyText
    {
        if (position > 0 && position < document.Length
            && char.IsHighSurrogate(document[position - 1]) && char.IsLowSurrogate(document[position]))
        {
            throw new SurrogateSplitException(position);
        }
    }

    private static void CheckInsertedText(string text)
    {
        var span = text.AsSpan();
        if (span.Contains('\r'))
        {
            throw new CarriageReturnException();
        }

        for (var i = 0; i < span.Length; i++)
        {
            var ch = span[i];
            if (!char.IsSurrogate(ch))
            {
                continue;
            }

            if (char.IsHighSurrogate(ch) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
                continue;
            }

            throw new MalformedTextException(i);
        }
    }
}

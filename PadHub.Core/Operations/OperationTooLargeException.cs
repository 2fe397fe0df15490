namespace PadHub.Core.Operations;

/// <summary>The operation or the document it would produce is over a configured limit (<see cref="OperationLimits"/>).</summary>
public sealed class OperationTooLargeException(string limit, long value, long maximum)
    : OtException($"Too large: {limit} is {value}, the maximum is {maximum}.")
{
    /// <summary>Which limit was exceeded.</summary>
    public string Limit { get; } = limit;

    /// <summary>The offending value.</summary>
    public long Value { get; } = value;

    /// <summary>The configured maximum.</summary>
    public long Maximum { get; } = maximum;
}

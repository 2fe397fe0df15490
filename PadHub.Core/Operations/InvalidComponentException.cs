namespace PadHub.Core.Operations;

/// <summary>A component of zero or negative length was given where a positive one is required.</summary>
public sealed class InvalidComponentException(string message) : OtException(message);

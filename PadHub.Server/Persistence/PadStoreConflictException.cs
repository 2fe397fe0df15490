namespace PadHub.Server.Persistence;

/// <summary>
/// A write collided with stored data: a revision number or a (client id, seq) of the pad already exists. Nothing of the
/// failed batch was written.
/// </summary>
public sealed class PadStoreConflictException(string message, Exception? innerException = null) : Exception(message, innerException);

using Microsoft.Extensions.Logging;

namespace PadHub.Tests.Server;

/// <summary>One captured log entry.</summary>
internal sealed record CapturedLog(LogLevel Level, string Category, string Message, Exception? Exception);

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PadHub.Tests.Server;

/// <summary>Keeps every message the server logs (register it as an <see cref="ILoggerProvider"/>), for assertions.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Messages { get; } = new();

    /// <summary>Every entry with its level, category and exception (<see cref="Messages"/> has the text only).</summary>
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, Messages, Entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> messages, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            messages.Enqueue(message);
            entries.Enqueue(new CapturedLog(logLevel, category, message, exception));
        }
    }
}

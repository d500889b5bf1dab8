using Microsoft.Extensions.Logging;

namespace PaperGraph.Cli.Hosting;

/// <summary>Writes log messages as single lines (<c>warning: …</c>) to a writer, normally standard error.</summary>
/// <remarks>Used instead of the console logger so that messages are plain, immediate, and capturable in tests.</remarks>
internal sealed class TextWriterLoggerProvider(TextWriter writer, LogLevel minimum) : ILoggerProvider
{
    private readonly Lock _lock = new();

    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(this);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string message, Exception? exception)
    {
        var prefix = level switch
        {
            LogLevel.Trace => "trace",
            LogLevel.Debug => "debug",
            LogLevel.Information => "info",
            LogLevel.Warning => "warning",
            LogLevel.Error => "error",
            _ => "critical",
        };
        lock (_lock)
        {
            ProgressLine.ClearCurrent(writer);
            writer.WriteLine($"{prefix}: {message}");
            if (exception is not null && minimum <= LogLevel.Debug)
            {
                writer.WriteLine(exception.ToString());
            }
        }
    }

    private sealed class TextWriterLogger(TextWriterLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.Minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, formatter(state, exception), exception);
            }
        }
    }

    private LogLevel Minimum => minimum;
}

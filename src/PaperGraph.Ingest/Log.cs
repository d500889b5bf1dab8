using Microsoft.Extensions.Logging;

namespace PaperGraph.Ingest;

/// <summary>Log messages of the ingest library. Event ids 1000–1099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning, Message = "{Location}: skipped ({Code}): {Reason}")]
    public static partial void RecordSkipped(ILogger logger, string code, string location, string reason);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "{Path}: reading as {Format}")]
    public static partial void ReadingFile(ILogger logger, string path, string format);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "{Path}: {Papers} records in {Seconds:F2} s")]
    public static partial void FileRead(ILogger logger, string path, long papers, double seconds);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "{Path}: ignored: {Reason}")]
    public static partial void FileIgnored(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "ignored {Count} × {Reason}: {Examples}")]
    public static partial void InputsIgnored(ILogger logger, int count, string reason, string examples);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "{Path}: not UTF-8; {Lines} lines (the first is line {FirstLine}) read as Windows-1252")]
    public static partial void ReadAsWindows1252(ILogger logger, string path, long lines, long firstLine);
}

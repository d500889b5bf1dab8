using Microsoft.Extensions.Logging;

namespace PaperGraph.Workspace;

/// <summary>Log messages of the storage library. Event ids 4000–4099: the Neo4j client and sync.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Neo4j at {Target}: {Reason}; retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string target, string reason, int attempt, long delayMs);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Neo4j at {Target}: {Rows} rows of '{Statement}' in {Milliseconds} ms")]
    public static partial void BatchSent(ILogger logger, string target, int rows, string statement, long milliseconds);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Neo4j at {Target}: {Reason}; sending every row again")]
    public static partial void FullResync(ILogger logger, string target, string reason);
}

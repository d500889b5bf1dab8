using Microsoft.Extensions.Logging;

namespace PaperGraph.Cli;

/// <summary>Log messages of the command line. Event ids 5000–5099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "{Source}: unknown setting {Key} is ignored{Suggestion}")]
    public static partial void UnknownSetting(ILogger logger, string source, string key, string suggestion);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "{Problem} This command does not use it.")]
    public static partial void UnusedSettingInvalid(ILogger logger, string problem);
}

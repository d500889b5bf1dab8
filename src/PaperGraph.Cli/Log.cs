using Microsoft.Extensions.Logging;

namespace PaperGraph.Cli;

/// <summary>Log messages of the command line. Event ids 5000–5099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information,
        Message = "The workspace's terms come from {Stored}; this PaperGraph extracts with version {Current}, so every paper is analysed again.")]
    public static partial void ExtractorChanged(ILogger logger, string stored, int current);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "{Measure} is left empty in every output: {Reason}. The other measures are complete; raise Graph:MaxIterations (now {MaxIterations}) or loosen Graph:Tolerance (now {Tolerance}) to compute it.")]
    public static partial void MeasureMissing(ILogger logger, string measure, string reason, int maxIterations, double tolerance);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "{Source}: unknown setting {Key} is ignored{Suggestion}")]
    public static partial void UnknownSetting(ILogger logger, string source, string key, string suggestion);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "{Problem} This command does not use it.")]
    public static partial void UnusedSettingInvalid(ILogger logger, string problem);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning,
        Message = "the graph has no edges: {Pairs} pairs of concepts co-occur, but none is counted {MinCount} times or more (--min-count {MinCount}); lower --min-count to link them.")]
    public static partial void NoEdges(ILogger logger, long pairs, int minCount);
}

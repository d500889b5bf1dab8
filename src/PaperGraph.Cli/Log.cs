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
}

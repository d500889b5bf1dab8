using Microsoft.Extensions.Logging;

namespace PaperGraph.Pipeline;

/// <summary>Log messages of the pipeline runs. Event ids 6000–6099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information,
        Message = "The workspace's terms come from {Stored}; this PaperGraph extracts with version {Current}, so every paper is analysed again.")]
    public static partial void ExtractorChanged(ILogger logger, string stored, int current);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning,
        Message = "{Measure} is left empty in every output: {Reason}. The other measures are complete; raise Graph:MaxIterations (now {MaxIterations}) or loosen Graph:Tolerance (now {Tolerance}) to compute it.")]
    public static partial void MeasureMissing(ILogger logger, string measure, string reason, int maxIterations, double tolerance);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning,
        Message = "the graph has no edges: {Pairs} pairs of concepts co-occur, but none is counted {MinCount} times or more (--min-count {MinCount}); lower --min-count to link them.")]
    public static partial void NoEdges(ILogger logger, long pairs, int minCount);
}

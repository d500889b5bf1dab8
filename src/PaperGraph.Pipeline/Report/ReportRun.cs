using System.Diagnostics;
using PaperGraph.Graph.Trends;
using PaperGraph.Pipeline.Trends;
using PaperGraph.Report;
using PaperGraph.Workspace;

namespace PaperGraph.Pipeline.Report;

/// <summary>What <see cref="ReportRun.Run"/> wrote.</summary>
/// <param name="Path">The page's full path.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Concepts">Concepts on the map.</param>
/// <param name="GraphConcepts">Concepts in the workspace's graph.</param>
/// <param name="Communities">Communities on the map.</param>
/// <param name="Papers">Evidence papers embedded.</param>
public sealed record ReportResult(string Path, long Bytes, int Concepts, int GraphConcepts, int Communities, int Papers, TimeSpan Elapsed);

/// <summary>The report run: reads a built workspace and writes its map page, one self-contained HTML file.</summary>
public static class ReportRun
{
    /// <summary>Writes the map of the workspace in <paramref name="workspaceDirectory"/> to <paramref name="outputPath"/>.</summary>
    public static ReportResult Run(string workspaceDirectory, string outputPath, ReportSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(workspaceDirectory);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        var clock = Stopwatch.StartNew();
        ReportData data;
        using (var workspace = WorkspaceDatabase.OpenExisting(workspaceDirectory))
        {
            data = Read(workspace, settings, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var path = Path.GetFullPath(outputPath);
        HtmlReportWriter.Write(data, path);
        return new ReportResult(path, new FileInfo(path).Length, data.Concepts.Count, data.Corpus.GraphConcepts, data.Communities.Count, data.Papers.Count, clock.Elapsed);
    }

    /// <summary>The page's data: the map read from the workspace, and the trends as <see cref="TrendsRun"/> computes them for <c>papergraph trends</c>.</summary>
    public static ReportData Read(WorkspaceDatabase workspace, ReportSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(settings);

        // A map needs no dates: without them (or without the months an earlier build did not store) it lists no trends.
        ReportTrends? trends = null;
        if (workspace.Count("graph_nodes") > 0 && workspace.HasGraphMonths() && workspace.ReadCorpusMonths().Months.Count > 0)
        {
            var report = TrendsRun.Run(workspace, new TrendSettings(settings.WindowMonths, settings.MinRecentPapers));
            trends = new ReportTrends([.. report.Rising.Take(settings.Listed)], [.. report.Bursts.Take(settings.Listed)], report.Names);
        }

        return ReportBuilder.Build(workspace, settings, trends, cancellationToken);
    }
}

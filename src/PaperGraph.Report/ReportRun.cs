using System.Diagnostics;
using PaperGraph.Workspace;

namespace PaperGraph.Report;

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
            data = ReportBuilder.Build(workspace, settings, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var path = Path.GetFullPath(outputPath);
        HtmlReportWriter.Write(data, path);
        return new ReportResult(path, new FileInfo(path).Length, data.Concepts.Count, data.Corpus.GraphConcepts, data.Communities.Count, data.Papers.Count, clock.Elapsed);
    }
}

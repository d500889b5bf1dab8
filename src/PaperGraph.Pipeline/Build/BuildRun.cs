using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PaperGraph.Concepts;
using PaperGraph.Graph.Export;
using PaperGraph.Pipeline.Extract;
using PaperGraph.Pipeline.Ingest;
using PaperGraph.Pipeline.Trends;
using PaperGraph.Workspace;
using PaperGraph.Core;

namespace PaperGraph.Pipeline.Build;

/// <summary>Settings of <see cref="BuildRun"/>.</summary>
/// <param name="Workspace">The workspace folder: created when <paramref name="Ingest"/> is given, else it must exist.</param>
/// <param name="Ingest">Inputs to read first (as <see cref="IngestRun"/>); null rebuilds from the papers already in the workspace.</param>
/// <param name="Extract">Concept extraction (new or changed papers only).</param>
/// <param name="Graph">The graph and its measures.</param>
/// <param name="MemoryBudgetBytes">
/// The memory the build may use (<see cref="MemoryBudget"/>): the process's heap is capped at it from the start of the
/// build on. Null leaves the process as it is: a library caller decides for its own process.
/// </param>
public sealed record BuildSettings(string Workspace, IngestSettings? Ingest, ExtractSettings Extract, GraphSettings Graph, long? MemoryBudgetBytes = null);

/// <summary>What <see cref="BuildRun"/> did.</summary>
/// <param name="Ingest">The ingest step's result, when inputs were given.</param>
/// <param name="Extraction">The extraction step's result; null when the ingest step ended the run (<see cref="IngestResult.FailedStrict"/>).</param>
/// <param name="Graph">The analysed graph; null as <paramref name="Extraction"/>.</param>
/// <param name="MinPapers">The papers a concept needed to be a node.</param>
/// <param name="Months">Concept-months written to <c>trends.csv</c>.</param>
/// <param name="Undated">Papers without a year and month, left out of the months.</param>
/// <param name="Stages">Seconds per stage.</param>
/// <param name="Analytics">Seconds per step of the graph's analysis.</param>
/// <param name="PeakMemoryBytes">The process's peak working set at the end.</param>
/// <param name="MemoryBudgetBytes">The budget the build kept to, when it had one.</param>
public sealed record BuildResult(string Directory, IngestResult? Ingest, ExtractionResult? Extraction, ConceptGraph? Graph, int MinPapers, int Months, int Undated,
    IReadOnlyList<(string Stage, double Seconds)> Stages, IReadOnlyList<(string Step, double Seconds)> Analytics, long PeakMemoryBytes, long? MemoryBudgetBytes = null);

/// <summary>The whole job: ingest, extract, graph and analytics, the output files and the workspace's graph tables.</summary>
public static class BuildRun
{
    /// <summary>Runs a build.</summary>
    /// <param name="ingested">Called with the ingest step's result as soon as it is known, so a front end can show it before the long steps.</param>
    /// <param name="extracted">Called with the extraction step's result as soon as it is known.</param>
    public static BuildResult Run(BuildSettings settings, ILoggerFactory loggers, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken,
        Action<IngestResult>? ingested = null, Action<ExtractionResult>? extracted = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.MemoryBudgetBytes is not { } budget)
        {
            return RunWithin(settings, loggers, progress, cancellationToken, ingested, extracted);
        }

        MemoryBudget.Apply(budget);
        try
        {
            return RunWithin(settings, loggers, progress, cancellationToken, ingested, extracted) with { MemoryBudgetBytes = budget };
        }
        catch (Exception e) when (MemoryBudget.OutOfMemory(e) is { } outOfMemory)
        {
            throw MemoryBudget.Exceeded(budget, settings.Workspace, outOfMemory);
        }
    }

    private static BuildResult RunWithin(BuildSettings settings, ILoggerFactory loggers, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken,
        Action<IngestResult>? ingested, Action<ExtractionResult>? extracted)
    {
        var stages = new List<(string Stage, double Seconds)>();
        var clock = Stopwatch.StartNew();
        var options = settings.Graph;
        IngestResult? ingest = null;
        if (settings.Ingest is { } ingestSettings)
        {
            ingest = IngestRun.Run(ingestSettings, loggers, progress, cancellationToken);
            stages.Add(("ingest", clock.Elapsed.TotalSeconds));
            ingested?.Invoke(ingest);
            ingest.ThrowIfNoPapers();
            if (ingest.FailedStrict)
            {
                return new BuildResult(ingest.Directory, ingest, null, null, 0, 0, 0, stages, [], 0);
            }
        }

        // With no inputs, build redoes an existing workspace: a mistyped folder is an error, not a new empty workspace.
        using var workspace = settings.Ingest is not null ? WorkspaceDatabase.Open(settings.Workspace) : WorkspaceDatabase.OpenExisting(settings.Workspace);
        clock.Restart();
        (var extraction, ConceptIndex? index) = ExtractRun.Extract(workspace, settings.Extract with { All = false }, loggers, progress, cancellationToken, store: false);
        extracted?.Invoke(extraction);
        stages.Add(("extract", clock.Elapsed.TotalSeconds));

        var minPapers = ConceptGraphBuilder.RequireNodes(workspace, index!, options);
        var published = workspace.ReadPublished();

        // The concepts are stored while the graph is built and its files written: the graph needs only its nodes and
        // each paper's nodes, taken from the index first, and the database is touched by the storing task alone until
        // it is awaited. The index, the largest thing a build holds, is let go as soon as it is stored.
        clock.Restart();
        GraphNodes? nodes = ConceptGraphBuilder.ChooseNodes(index!, options, minPapers, progress);
        var storing = StoreAndRelease(workspace, ref index, cancellationToken);
        ConceptGraph graph;
        IReadOnlyList<(string Step, double Seconds)> graphTimings;
        try
        {
            graph = ConceptGraphBuilder.Build(nodes, options, loggers, progress, cancellationToken, out graphTimings);
        }
        catch
        {
            storing.WaitQuietly();
            throw;
        }

        stages.Add(("graph and analytics", clock.Elapsed.TotalSeconds));

        clock.Restart();
        progress.Step("build", "writing the graph files and storing the concepts and the graph");
        // The files and the database are written side by side: they share nothing but the graph, which is only read.
        var (months, bursts, corpusMonths, undated) = MonthlyPapers.Count(nodes!, published);
        nodes = null;
        // Each link's papers, best evidence first, are found while concepts.csv is written and the concepts stored;
        // the other files and the graph's rows wait for them.
        var withEvidence = Task.Run(() => graph with { Evidence = graph.Cooccurrence.AllEvidence(ranked: true), EvidencePerEdge = options.EvidencePerEdge }, cancellationToken);
        var writing = Task.Run(() => BuildOutputs.Write(workspace.Directory, graph, withEvidence, months, cancellationToken, progress), cancellationToken);
        try
        {
            // The graph's rows (edges in key order, with their evidence) are ready by the time the concepts are stored.
            var rows = Task.Run(() => BuildOutputs.GraphRows(withEvidence.GetAwaiter().GetResult()), cancellationToken);
            storing.GetAwaiter().GetResult();
            var (nodeRows, edgeRows) = rows.GetAwaiter().GetResult();
            workspace.ReplaceGraph(nodeRows, edgeRows, graph.Analysis.Missing.ToDictionary(m => m.Measure, m => m.Reason, StringComparer.Ordinal), months, bursts, (corpusMonths, undated));
        }
        finally
        {
            writing.GetAwaiter().GetResult();
        }

        stages.Add(("outputs", clock.Elapsed.TotalSeconds));

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        BuildOutputs.WriteSummaryJson(workspace.Directory, graph, options, minPapers, extraction, stages, graphTimings, peak, settings.MemoryBudgetBytes);
        return new BuildResult(workspace.Directory, ingest, extraction, graph, minPapers, months.Count, undated, stages, graphTimings, peak);
    }

    /// <summary>Starts storing the index's concepts, and leaves the storing task as the index's only holder.</summary>
    private static Task StoreAndRelease(WorkspaceDatabase workspace, ref ConceptIndex? index, CancellationToken cancellationToken)
    {
        var held = index!;
        index = null;
        return Task.Run(() => ExtractRun.StoreConcepts(workspace, held), cancellationToken);
    }
}

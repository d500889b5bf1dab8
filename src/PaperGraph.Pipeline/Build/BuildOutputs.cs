using System.Text;
using System.Text.Json;
using PaperGraph.Core;
using PaperGraph.Graph.Export;
using PaperGraph.Pipeline.Extract;
using PaperGraph.Pipeline.Trends;
using PaperGraph.Workspace;

namespace PaperGraph.Pipeline.Build;

/// <summary>The files <c>build</c> writes into the workspace, and the graph's rows for the workspace's tables.</summary>
/// <remarks>A new output goes here: a name in <see cref="Files"/>, a writer in <c>PaperGraph.Graph.Export</c>, and a line in <see cref="Write"/>.</remarks>
public static class BuildOutputs
{
    /// <summary>The files <c>build</c> writes into the workspace.</summary>
    public static class Files
    {
        /// <summary>Concepts with their measures (CSV).</summary>
        public const string Concepts = "concepts.csv";

        /// <summary>Edges with their counts, weights and evidence (CSV).</summary>
        public const string Cooccurrence = "cooccurrence.csv";

        /// <summary>The graph for yEd, Cytoscape and networkx.</summary>
        public const string GraphMl = "graph.graphml";

        /// <summary>The graph for Gephi, with layout positions.</summary>
        public const string Gexf = "graph.gexf";

        /// <summary>VOSviewer's map file.</summary>
        public const string VosViewerMap = "vosviewer-map.txt";

        /// <summary>VOSviewer's network file.</summary>
        public const string VosViewerNetwork = "vosviewer-network.txt";

        /// <summary>The build's figures and settings (JSON).</summary>
        public const string Summary = "summary.json";

        /// <summary>Papers per concept and month (CSV).</summary>
        public const string Trends = MonthlyPapers.FileName;

        /// <summary>Every file, in the order the summary names them.</summary>
        public static IReadOnlyList<string> All { get; } = [Concepts, Cooccurrence, GraphMl, Gexf, VosViewerMap, VosViewerNetwork, Trends, Summary];
    }

    /// <summary>Writes the graph files, each whole or not at all (<see cref="AtomicFile"/>): a run stopped half-way leaves the previous ones.</summary>
    internal static void Write(string directory, ConceptGraph graph, Task<ConceptGraph> withEvidence, IReadOnlyList<ConceptMonth> months, CancellationToken cancellationToken,
        IProgress<PipelineProgress>? progress = null)
    {
        var written = 0;
        string In(string name)
        {
            progress.Count("build", "writing the graph files", written++, Files.All.Count - 1, "files"); // summary.json comes last, on its own
            return Path.Combine(directory, name);
        }

        AtomicFile.WriteText(In(Files.Concepts), writer => GraphExport.WriteConceptsCsv(graph, writer));
        cancellationToken.ThrowIfCancellationRequested();
        graph = withEvidence.GetAwaiter().GetResult();
        AtomicFile.WriteText(In(Files.Cooccurrence), writer => GraphExport.WriteCooccurrenceCsv(graph, writer));
        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.Write(In(Files.GraphMl), stream => GraphExport.WriteGraphMl(graph, stream));
        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.Write(In(Files.Gexf), stream => GraphExport.WriteGexf(graph, stream));
        cancellationToken.ThrowIfCancellationRequested();
        using var map = AtomicFile.Create(In(Files.VosViewerMap));
        using var network = AtomicFile.Create(In(Files.VosViewerNetwork));
        using (var mapWriter = map.CreateText())
        using (var networkWriter = network.CreateText())
        {
            GraphExport.WriteVosViewer(graph, mapWriter, networkWriter);
        }

        map.Commit();
        network.Commit();
        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.WriteText(In(Files.Trends), writer => MonthlyPapers.WriteCsv(months, writer));
    }

    /// <summary>The rows <see cref="WorkspaceDatabase.ReplaceGraph"/> stores: nodes, and edges with their evidence in the table's key order.</summary>
    internal static (List<GraphNodeRecord> Nodes, List<GraphEdgeRecord> Edges) GraphRows(ConceptGraph graph)
    {
        var m = graph.Analysis.Nodes;
        var nodes = Enumerable.Range(0, graph.Concepts.Count).Select(v => new GraphNodeRecord(graph.Concepts[v].Key, m.Degree[v], m.WeightedDegree[v],
            m.PageRank?[v], m.Betweenness[v], m.Eigenvector?[v], m.Core[v], m.Community[v], m.Component[v], m.Keyphraseness[v], m.Topic?[v],
            m.Positions?.X[v], m.Positions?.Y[v])).ToList();
        var evidence = graph.Evidence!;
        // Edges in the table's key order, (source, target) as SQLite compares them (UTF-8 bytes): the table is keyed by
        // the pair, and appending at its end instead of all over it took the 1.3M edges of the 200k corpus from 7.4 to 6.4 s.
        var keyBytes = graph.Concepts.Select(c => Encoding.UTF8.GetBytes(c.Key)).ToArray();
        var byKey = Enumerable.Range(0, keyBytes.Length).ToArray();
        Array.Sort(byKey, (a, b) => keyBytes[a].AsSpan().SequenceCompareTo(keyBytes[b]));
        var rank = new int[byKey.Length];
        for (var i = 0; i < byKey.Length; i++)
        {
            rank[byKey[i]] = i;
        }

        var all = graph.Cooccurrence.Edges;
        var order = Enumerable.Range(0, all.Count).ToArray();
        Array.Sort(order, (a, b) => rank[all[a].Source] != rank[all[b].Source]
            ? rank[all[a].Source].CompareTo(rank[all[b].Source])
            : rank[all[a].Target].CompareTo(rank[all[b].Target]));
        var edges = order.Select(i => new GraphEdgeRecord(graph.Concepts[all[i].Source].Key, graph.Concepts[all[i].Target].Key,
            all[i].Papers, all[i].Count, all[i].Weight, evidence[i].ConvertAll(p => graph.PaperIds[p]))).ToList();
        return (nodes, edges);
    }

    /// <summary>Writes <c>summary.json</c>: the build's figures, its settings, and its timings.</summary>
    internal static void WriteSummaryJson(string directory, ConceptGraph graph, GraphSettings options, int minPapers, ExtractionResult extraction,
        IReadOnlyList<(string Stage, double Seconds)> stages, IReadOnlyList<(string Step, double Seconds)> analytics, long peak, long? budget)
    {
        var a = graph.Analysis;
        var summary = new
        {
            papers = extraction.Papers,
            concepts = extraction.Concepts,
            nodes = graph.Concepts.Count,
            edges = graph.Cooccurrence.Edges.Count,
            cooccurringPairs = graph.Cooccurrence.CandidatePairs,
            components = a.ComponentCount,
            communities = a.Partition.Count,
            modularity = a.Partition.Modularity,
            betweennessSampled = a.BetweennessSampled,
            missingMeasures = a.Missing.ToDictionary(m => m.Measure, m => m.Reason, StringComparer.Ordinal),
            settings = new
            {
                minPapers,
                maxConcepts = options.MaxConcepts,
                counting = graph.Cooccurrence.Settings.Counting.ToString().ToLowerInvariant(),
                weight = graph.Cooccurrence.Settings.Weighting.ToString().ToLowerInvariant(),
                minCount = graph.Cooccurrence.Settings.MinCount,
                topNeighbors = graph.Cooccurrence.Settings.TopNeighbors,
                communityAlgorithm = options.Communities.ToString().ToLowerInvariant(),
                resolution = options.Resolution,
                seed = options.Seed,
                damping = options.Damping,
                tolerance = options.Tolerance,
                betweennessExactUpTo = options.BetweennessExactUpTo,
                betweennessPivots = options.BetweennessPivots,
                layout = options.LayoutIterations > 0
                    ? new { algorithm = "forceatlas2", iterations = options.LayoutIterations, linLog = options.LayoutLinLog, gravity = options.LayoutGravity, seed = options.Seed }
                    : null,
            },
            secondsPerStage = stages.ToDictionary(s => s.Stage, s => Math.Round(s.Seconds, 3)),
            secondsPerAnalytic = analytics.ToDictionary(s => s.Step, s => Math.Round(s.Seconds, 3)),
            peakMemoryBytes = peak,
            memoryBudgetBytes = budget,
        };
        AtomicFile.WriteAllText(Path.Combine(directory, Files.Summary), JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>
    /// Reads back what the benchmarks need from a workspace's <c>summary.json</c> (written by <see cref="WriteSummaryJson"/>):
    /// the peak memory, seconds per stage and whether a measure was left empty; null when the build wrote none.
    /// </summary>
    internal static BuildSummary? ReadSummary(string directory)
    {
        var path = Path.Combine(directory, Files.Summary);
        if (!File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var stages = new Dictionary<string, double>(StringComparer.Ordinal);
        if (root.TryGetProperty("secondsPerStage", out var perStage))
        {
            foreach (var stage in perStage.EnumerateObject())
            {
                stages[stage.Name] = stage.Value.GetDouble();
            }
        }

        return new BuildSummary(root.TryGetProperty("peakMemoryBytes", out var peak) ? peak.GetInt64() : 0, stages,
            root.TryGetProperty("missingMeasures", out var missing) && missing.EnumerateObject().Any());
    }
}

/// <summary>What a build's <c>summary.json</c> tells the benchmarks.</summary>
/// <param name="MeasureLeftEmpty">Whether the build had to leave a measure empty (it lists them in <c>missingMeasures</c>).</param>
internal sealed record BuildSummary(long PeakMemoryBytes, IReadOnlyDictionary<string, double> SecondsPerStage, bool MeasureLeftEmpty);

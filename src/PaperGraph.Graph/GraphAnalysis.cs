using System.Diagnostics;
using System.Globalization;
using PaperGraph.Graph.Centrality;
using PaperGraph.Graph.Communities;
using PaperGraph.Graph.Cooccurrence;
using PaperGraph.Graph.Layout;
using PaperGraph.Core;

namespace PaperGraph.Graph;

/// <summary>Which community detection to run.</summary>
public enum CommunityAlgorithm
{
    /// <summary>Leiden: Louvain plus a refinement that can split badly merged groups; communities are connected.</summary>
    Leiden,

    /// <summary>Louvain, as networkx runs it.</summary>
    Louvain,
}

/// <summary>Settings of <see cref="GraphAnalysis.Run"/>.</summary>
/// <param name="CentralityOnCount">
/// Whether weighted degree, PageRank, eigenvector and betweenness use the edges' counts rather than their weights.
/// Association strength and NPMI are similarities that divide out how common a concept is: right for communities,
/// but as centrality weights they crown rare concepts with one strong tie.
/// </param>
/// <param name="Layout">The map's layout, on the edges' weights (as communities), from <paramref name="Seed"/>; null for none.</param>
public sealed record AnalysisSettings(
    PageRankSettings PageRank,
    EigenvectorSettings Eigenvector,
    BetweennessSettings Betweenness,
    CommunityAlgorithm Communities = CommunityAlgorithm.Leiden,
    double Resolution = 1.0,
    int Seed = 42,
    bool CentralityOnCount = true,
    ForceAtlas2Settings? Layout = null)
{
    public static AnalysisSettings Default { get; } = new(new PageRankSettings(), new EigenvectorSettings(MaxIterations: 1000), new BetweennessSettings(), Layout: new ForceAtlas2Settings());
}

/// <summary>Every measure of every node, indexed by node id.</summary>
/// <param name="PageRank">Null when it could not be computed (see <see cref="GraphAnalysisResult.Missing"/>).</param>
/// <param name="Eigenvector">Null when it could not be computed (see <see cref="GraphAnalysisResult.Missing"/>).</param>
/// <param name="Keyphraseness">The mean probability, over the papers mentioning the concept, that it is one of their keyphrases (0 when not given).</param>
/// <param name="Topic">Topic centrality (<see cref="TopicCentrality"/>); null when PageRank could not be computed.</param>
/// <param name="Positions">The map's coordinates (<see cref="ForceAtlas2"/>); null when no layout was asked for.</param>
public sealed record NodeMetrics(
    int[] Degree,
    double[] WeightedDegree,
    double[]? PageRank,
    double[] Betweenness,
    double[]? Eigenvector,
    int[] Core,
    int[] Community,
    int[] Component,
    double[] Keyphraseness,
    double[]? Topic,
    NodePositions? Positions = null);

/// <summary>A measure <see cref="GraphAnalysis.Run"/> left empty, and why.</summary>
/// <param name="Measure">Its column name in every output: <c>pagerank</c>, <c>eigenvector</c> or <c>topic</c>.</param>
/// <param name="Reason">Why, in a sentence a user can act on.</param>
public sealed record MissingMeasure(string Measure, string Reason);

/// <summary>The results of <see cref="GraphAnalysis.Run"/>.</summary>
/// <param name="Timings">Seconds per algorithm, in the order they ran.</param>
/// <param name="Missing">The measures that could not be computed and are left empty; every other measure is complete.</param>
public sealed record GraphAnalysisResult(
    NodeMetrics Nodes, Partition Partition, int ComponentCount, bool BetweennessSampled, IReadOnlyList<(string Step, double Seconds)> Timings,
    IReadOnlyList<MissingMeasure> Missing);

/// <summary>Runs every measure on a co-occurrence graph: the one entry point the commands use.</summary>
/// <remarks>
/// No single measure sinks the analysis: an iterative one (PageRank, eigenvector centrality) that does not converge
/// within its settings is left empty and listed in <see cref="GraphAnalysisResult.Missing"/> with the reason, and
/// every other measure is still computed.
/// </remarks>
public static class GraphAnalysis
{
    /// <param name="keyphraseness">Per node, the mean probability that the concept is a keyphrase of a paper that mentions it (see <see cref="TopicCentrality"/>); all 0 when null.</param>
    /// <param name="progress">
    /// Told each algorithm as it starts, and how far those that count their work have got (betweenness sources,
    /// community runs, layout iterations).
    /// </param>
    public static GraphAnalysisResult Run(CooccurrenceGraph cooccurrence, AnalysisSettings settings, double[]? keyphraseness = null,
        IProgress<PipelineProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cooccurrence);
        ArgumentNullException.ThrowIfNull(settings);
        if (keyphraseness is not null && keyphraseness.Length != cooccurrence.Graph.VertexCount)
        {
            throw new ArgumentException($"{keyphraseness.Length} keyphraseness values for {cooccurrence.Graph.VertexCount} nodes", nameof(keyphraseness));
        }

        var timings = new List<(string, double)>();
        var clock = Stopwatch.StartNew();
        var size = string.Create(CultureInfo.InvariantCulture, $"on {cooccurrence.Graph.VertexCount:N0} nodes and {cooccurrence.Edges.Count:N0} edges");
        T Step<T>(string name, Func<T> run)
        {
            progress.Step("graph", $"{name} {size}");
            clock.Restart();
            var result = run();
            timings.Add((name, clock.Elapsed.TotalSeconds));
            return result;
        }

        var graph = Step("compact form", () => cooccurrence.ToCompact());
        var central = settings.CentralityOnCount && cooccurrence.Settings.Weighting != EdgeWeighting.Count
            ? Step("compact form by count", () => CompactGraph.FromQuikGraph(cooccurrence.Graph, e => e.Count))
            : graph;
        var n = graph.NodeCount;
        var degree = new int[n];
        var weighted = new double[n];
        for (var v = 0; v < n; v++)
        {
            degree[v] = central.Degree(v);
            weighted[v] = central.Strength(v);
        }

        var (component, componentCount) = Step("components", () => Components.Compute(cooccurrence.Graph));
        var core = Step("k-core", () => CoreNumber.Compute(graph));
        var missing = new List<MissingMeasure>();
        double[]? Optional(string measure, Func<double[]> run)
        {
            try
            {
                return run();
            }
            catch (ConvergenceException e)
            {
                missing.Add(new MissingMeasure(measure, e.Message));
                return null;
            }
        }

        var pageRank = Step("PageRank", () => Optional("pagerank", () => PageRank.Compute(central, settings.PageRank, cancellationToken)));
        var eigenvector = Step("eigenvector", () => Optional("eigenvector", () => EigenvectorCentrality.Compute(central, settings.Eigenvector, cancellationToken)));
        var sampled = false;
        var betweenness = Step("betweenness", () => Betweenness.Compute(central, settings.Betweenness, out sampled, cancellationToken, progress));
        var partition = Step("communities", () => settings.Communities == CommunityAlgorithm.Leiden
            ? Leiden.Detect(graph, new LeidenSettings(Resolution: settings.Resolution, Seed: settings.Seed), cancellationToken, progress)
            : Louvain.Detect(graph, new LouvainSettings(Resolution: settings.Resolution, Seed: settings.Seed), cancellationToken, progress));
        var positions = settings.Layout is { } layout
            ? Step("layout", () => ForceAtlas2.Compute(graph, layout with { Seed = settings.Seed }, cancellationToken, progress))
            : null;
        keyphraseness ??= new double[n];
        double[]? topic = null;
        if (pageRank is not null)
        {
            topic = TopicCentrality.Compute(pageRank, keyphraseness);
        }
        else
        {
            missing.Add(new MissingMeasure("topic", "it is PageRank times keyphraseness squared, and PageRank could not be computed"));
        }

        return new GraphAnalysisResult(
            new NodeMetrics(degree, weighted, pageRank, betweenness, eigenvector, core, partition.Community, component, keyphraseness, topic, positions),
            partition, componentCount, sampled, timings, missing);
    }
}

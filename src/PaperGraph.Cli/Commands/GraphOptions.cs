using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using PaperGraph.Graph;
using PaperGraph.Graph.Cooccurrence;
using PaperGraph.Pipeline.Build;

namespace PaperGraph.Cli.Commands;

/// <summary>Settings of the concept graph and its analysis (configuration section <c>Graph</c>), bound to <see cref="GraphSettings"/>. Unset sizes adapt to the corpus.</summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary>Papers a concept needs to be a node. Default: 1 below 50 papers, 2 below 1,000, 3 below 20,000, else 5.</summary>
    [Range(1, int.MaxValue)]
    public int? MinPapers { get; set; }

    /// <summary>At most this many concepts, the most relevant, become nodes (default 10,000).</summary>
    [Range(1, int.MaxValue)]
    public int MaxConcepts { get; set; } = 10_000;

    /// <summary>What counts as a co-occurrence (default Binary: once per paper).</summary>
    public Counting Counting { get; set; } = Counting.Binary;

    /// <summary>Edge weight used by community detection, and by centrality when <see cref="CentralityOnCount"/> is false (default Association strength).</summary>
    public EdgeWeighting Weight { get; set; } = EdgeWeighting.Association;

    /// <summary>Whether centrality (weighted degree, PageRank, eigenvector, betweenness) uses edge counts (default true) rather than <see cref="Weight"/>, which then serves communities only.</summary>
    public bool CentralityOnCount { get; set; } = true;

    /// <summary>Edges counted fewer times are dropped. Default: 1 below 1,000 papers, else 2.</summary>
    [Range(1, int.MaxValue)]
    public int? MinCount { get; set; }

    /// <summary>When above 0, each concept keeps only its heaviest edges (an edge stays if either end keeps it). Default 0: all.</summary>
    [Range(0, int.MaxValue)]
    public int TopNeighbors { get; set; }

    /// <summary>Paper ids listed per edge in cooccurrence.csv's evidence column and the GraphML and GEXF edge attribute, best evidence first (default 10; the workspace keeps them all).</summary>
    [Range(0, int.MaxValue)]
    public int EvidencePerEdge { get; set; } = 10;

    /// <summary>Community detection (default Leiden).</summary>
    public CommunityAlgorithm Communities { get; set; } = CommunityAlgorithm.Leiden;

    /// <summary>Resolution of community detection: above 1 gives smaller communities (default 1).</summary>
    [Range(1e-6, 1e6)]
    public double Resolution { get; set; } = 1.0;

    /// <summary>Seed of every random choice (community detection, betweenness pivots); the same seed gives the same output.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Exact betweenness up to this many nodes; sampled pivots above (default 5,000).</summary>
    [Range(0, int.MaxValue)]
    public int BetweennessExactUpTo { get; set; } = 5_000;

    /// <summary>Source nodes sampled for betweenness on bigger graphs (default 256: the top of the ranking is stable by then, and each costs a shortest-path search over every edge).</summary>
    [Range(2, int.MaxValue)]
    public int BetweennessPivots { get; set; } = 256;

    /// <summary>PageRank damping (default 0.85).</summary>
    [Range(0.01, 0.99)]
    public double Damping { get; set; } = 0.85;

    /// <summary>Power-iteration tolerance per node (default 1e-6, as networkx).</summary>
    [Range(1e-15, 1)]
    public double Tolerance { get; set; } = 1e-6;

    /// <summary>Power-iteration limit of PageRank and eigenvector centrality (default 1,000).</summary>
    [Range(1, 1_000_000)]
    public int MaxIterations { get; set; } = 1_000;

    /// <summary>Iterations of the map's layout (ForceAtlas2; default 300); 0 computes no layout, and the exports carry no coordinates.</summary>
    [Range(0, 100_000)]
    public int LayoutIterations { get; set; } = 300;

    /// <summary>Whether the layout's attraction is LinLog, which pulls communities apart (default true), rather than linear.</summary>
    public bool LayoutLinLog { get; set; } = true;

    /// <summary>The layout's strong gravity towards the centre, which keeps components and lone concepts near the rest (default 1).</summary>
    [Range(0, 1e6)]
    public double LayoutGravity { get; set; } = 1.0;

    /// <summary>The settings record the build takes.</summary>
    public GraphSettings ToSettings() => new(MinPapers, MaxConcepts, Counting, Weight, CentralityOnCount, MinCount, TopNeighbors, EvidencePerEdge,
        Communities, Resolution, Seed, BetweennessExactUpTo, BetweennessPivots, Damping, Tolerance, MaxIterations, LayoutIterations, LayoutLinLog, LayoutGravity);
}

[OptionsValidator]
internal sealed partial class GraphOptionsValidator : IValidateOptions<GraphOptions>;

using PaperGraph.Graph;
using PaperGraph.Graph.Centrality;
using PaperGraph.Graph.Cooccurrence;
using PaperGraph.Graph.Layout;

namespace PaperGraph.Pipeline.Build;

/// <summary>Settings of the concept graph and its analysis; unset sizes adapt to the corpus. The command line binds them from the <c>Graph</c> configuration section.</summary>
/// <param name="MinPapers">Papers a concept needs to be a node; null adapts (see <see cref="MinPapersFor"/>).</param>
/// <param name="MaxConcepts">At most this many concepts, the most relevant, become nodes.</param>
/// <param name="Counting">What counts as a co-occurrence.</param>
/// <param name="Weight">Edge weight used by community detection, and by centrality unless <paramref name="CentralityOnCount"/>.</param>
/// <param name="CentralityOnCount">Whether centrality uses edge counts rather than <paramref name="Weight"/>.</param>
/// <param name="MinCount">Edges counted fewer times are dropped; null adapts (see <see cref="MinCountFor"/>).</param>
/// <param name="TopNeighbors">When above 0, each concept keeps only its heaviest edges.</param>
/// <param name="EvidencePerEdge">Paper ids listed per edge in the files that carry evidence.</param>
/// <param name="Communities">Community detection algorithm.</param>
/// <param name="Resolution">Resolution of community detection.</param>
/// <param name="Seed">Seed of every random choice.</param>
/// <param name="BetweennessExactUpTo">Exact betweenness up to this many nodes; sampled pivots above.</param>
/// <param name="BetweennessPivots">Source nodes sampled for betweenness on bigger graphs.</param>
/// <param name="Damping">PageRank damping.</param>
/// <param name="Tolerance">Power-iteration tolerance per node.</param>
/// <param name="MaxIterations">Power-iteration limit of PageRank and eigenvector centrality.</param>
/// <param name="LayoutIterations">Iterations of the map's layout; 0 computes none.</param>
/// <param name="LayoutLinLog">Whether the layout's attraction is LinLog.</param>
/// <param name="LayoutGravity">The layout's strong gravity towards the centre.</param>
public sealed record GraphSettings(
    int? MinPapers = null,
    int MaxConcepts = 10_000,
    Counting Counting = Counting.Binary,
    EdgeWeighting Weight = EdgeWeighting.Association,
    bool CentralityOnCount = true,
    int? MinCount = null,
    int TopNeighbors = 0,
    int EvidencePerEdge = 10,
    CommunityAlgorithm Communities = CommunityAlgorithm.Leiden,
    double Resolution = 1.0,
    int Seed = 42,
    int BetweennessExactUpTo = 5_000,
    int BetweennessPivots = 256,
    double Damping = 0.85,
    double Tolerance = 1e-6,
    int MaxIterations = 1_000,
    int LayoutIterations = 300,
    bool LayoutLinLog = true,
    double LayoutGravity = 1.0)
{
    /// <summary>
    /// The minimum papers per node for a corpus of <paramref name="papers"/> papers whose most widespread concept is in
    /// <paramref name="mostWidespread"/>: <see cref="MinPapers"/> when set; else 1 below 50 papers, 2 below 1,000, 3
    /// below 20,000, else 5, lowered to <paramref name="mostWidespread"/> when no concept reaches it (a small corpus of
    /// unrelated papers still gets a graph).
    /// </summary>
    public int MinPapersFor(int papers, int mostWidespread) =>
        MinPapers ?? Math.Max(1, Math.Min(papers switch { < 50 => 1, < 1_000 => 2, < 20_000 => 3, _ => 5 }, mostWidespread));

    /// <summary>The minimum count per edge for a corpus of <paramref name="papers"/> papers: <see cref="MinCount"/> when set, else 1 below 1,000 papers and 2 above.</summary>
    public int MinCountFor(int papers) => MinCount ?? (papers < 1_000 ? 1 : 2);

    /// <summary>The settings of every measure <see cref="GraphAnalysis"/> computes.</summary>
    public AnalysisSettings ToAnalysisSettings() => new(
        new PageRankSettings(Damping, Tolerance, MaxIterations),
        new EigenvectorSettings(Tolerance, MaxIterations),
        new BetweennessSettings(Weighted: true, BetweennessExactUpTo, BetweennessPivots, Seed),
        Communities, Resolution, Seed, CentralityOnCount,
        LayoutIterations > 0 ? new ForceAtlas2Settings(Iterations: LayoutIterations, LinLog: LayoutLinLog, Gravity: LayoutGravity, Seed: Seed) : null);
}

using FsCheck.Xunit;
using PaperGraph.Graph.Centrality;
using PaperGraph.Graph.Cooccurrence;

namespace PaperGraph.Graph.Tests;

/// <summary>The whole analysis on the odd graphs small corpora make, and on random corpora: it completes, every measure is sound.</summary>
public sealed class GraphAnalysisTests
{
    /// <summary>Each paper mentions the listed concepts once, in its first sentence.</summary>
    private static CooccurrenceGraph Corpus(int concepts, params int[][] papers) =>
        CooccurrenceBuilder.Build(papers.Select(p => p.Select(c => new ConceptOccurrence(c, 1, 1)).ToArray()).ToList(), concepts, new CooccurrenceSettings());

    private static int[] Range(int start, int count) => Enumerable.Range(start, count).ToArray();

    /// <summary>The shapes of small corpora: each is a (name, corpus) pair.</summary>
    public static TheoryData<string> Shapes => new()
    {
        "no concepts", "one concept", "one paper", "no edges", "identical abstracts", "one large clique",
        "many equal components", "a star", "a path", "a star and a clique of equal leading eigenvalue",
    };

    private static CooccurrenceGraph Shape(string name) => name switch
    {
        "no concepts" => Corpus(0, []),
        "one concept" => Corpus(1, [0]),
        "one paper" => Corpus(6, Range(0, 6)),
        "no edges" => Corpus(5, [0], [1], [2], [3], [4]),
        "identical abstracts" => Corpus(4, [0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]),
        "one large clique" => Corpus(200, Range(0, 200)),
        "many equal components" => Corpus(60, Enumerable.Range(0, 20).Select(i => Range(3 * i, 3)).ToArray()),
        "a star" => Corpus(9, Enumerable.Range(1, 8).Select(i => new[] { 0, i }).ToArray()),
        "a path" => Corpus(80, Enumerable.Range(0, 79).Select(i => new[] { i, i + 1 }).ToArray()),
        // A star with four leaves and a triangle: adjacency eigenvalues 2 and 2, the case that failed on small corpora.
        "a star and a clique of equal leading eigenvalue" => Corpus(8, [0, 1], [0, 2], [0, 3], [0, 4], [5, 6, 7]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_measure_is_computed_and_sound_on_the_odd_graphs_of_small_corpora(string shape)
    {
        var graph = Shape(shape);
        var keyphraseness = Enumerable.Range(0, graph.Graph.VertexCount).Select(v => (v % 5) / 4.0).ToArray();
        var result = GraphAnalysis.Run(graph, AnalysisSettings.Default, keyphraseness);
        Assert.Empty(result.Missing);
        AssertSound(graph, result);
        Assert.Equal(Fingerprint(result), Fingerprint(GraphAnalysis.Run(Shape(shape), AnalysisSettings.Default)));
    }

    [Fact]
    public void Equal_components_get_equal_eigenvector_centrality_and_nodes_without_edges_none()
    {
        // Twenty triangles and five concepts alone: every triangle node scores 1/√3 × 1 (each triangle's own unit
        // vector, at the largest eigenvalue), a lone concept 0.
        var papers = Enumerable.Range(0, 20).Select(i => Range(3 * i, 3)).Concat(Enumerable.Range(60, 5).Select(i => new[] { i })).ToArray();
        var result = GraphAnalysis.Run(Corpus(65, papers), AnalysisSettings.Default);
        var x = result.Nodes.Eigenvector!;
        Assert.All(x.Take(60), v => Assert.Equal(1 / Math.Sqrt(3), v, 12));
        Assert.All(x.Skip(60), v => Assert.Equal(0, v));
    }

    [Fact]
    public void Topic_centrality_is_PageRank_times_keyphraseness_squared_and_reorders_the_ranking()
    {
        // A star: the centre (0) co-occurs with every leaf, so it leads PageRank; as a word no paper is about (its
        // keyphraseness 0.1 against the leaves' 0.8), it falls behind them in topic centrality.
        var graph = Shape("a star");
        var keyphraseness = new[] { 0.1, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8 };
        var result = GraphAnalysis.Run(graph, AnalysisSettings.Default, keyphraseness);
        var (pageRank, topic) = (result.Nodes.PageRank!, result.Nodes.Topic!);
        Assert.Equal(0, Array.IndexOf(pageRank, pageRank.Max()));
        for (var v = 0; v < keyphraseness.Length; v++)
        {
            Assert.Equal(pageRank[v] * keyphraseness[v] * keyphraseness[v], topic[v], 15);
        }

        Assert.True(topic[0] < topic[1]);
        Assert.Equal(keyphraseness, result.Nodes.Keyphraseness);
    }

    [Fact]
    public void Keyphraseness_must_be_a_probability()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TopicCentrality.Compute([0.5, 0.5], [0.5, 1.5]));
        Assert.Throws<ArgumentException>(() => TopicCentrality.Compute([0.5, 0.5], [0.5]));
    }

    [Fact]
    public void A_measure_that_cannot_converge_is_left_empty_with_its_reason_and_the_rest_is_complete()
    {
        var graph = Shape("a path");
        var settings = AnalysisSettings.Default with
        {
            PageRank = new PageRankSettings(MaxIterations: 2),
            Eigenvector = new EigenvectorSettings(MaxIterations: 2),
        };
        var result = GraphAnalysis.Run(graph, settings);
        Assert.Equal(["pagerank", "eigenvector", "topic"], result.Missing.Select(m => m.Measure));
        Assert.All(result.Missing.Take(2), m => Assert.Contains("did not converge in 2 iterations", m.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain("Infinity", result.Missing[1].Reason, StringComparison.Ordinal);
        Assert.Contains("PageRank could not be computed", result.Missing[2].Reason, StringComparison.Ordinal);
        Assert.Null(result.Nodes.PageRank);
        Assert.Null(result.Nodes.Eigenvector);
        Assert.Null(result.Nodes.Topic);
        Assert.All(result.Nodes.Betweenness, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(graph.Graph.VertexCount, result.Nodes.Community.Length);
    }

    /// <summary>
    /// Random corpora: up to 30 papers, each mentioning a handful of up to 40 concepts, so every shape above turns up
    /// mixed (isolated concepts, many small components, one big one). Nothing is left out, and every measure is sound.
    /// </summary>
    [Property(MaxTest = 200)]
    public bool Every_measure_is_sound_on_random_corpora(byte concepts, byte[][] papers, int seed)
    {
        var n = concepts % 40 + 1;
        var graph = Corpus(n, (papers ?? []).Take(30).Select(p => (p ?? []).Take(8).Select(b => b % n).Distinct().ToArray()).ToArray());
        var settings = AnalysisSettings.Default with { Seed = seed };
        var result = GraphAnalysis.Run(graph, settings);
        AssertSound(graph, result);
        return result.Missing.Count == 0 && Fingerprint(result) == Fingerprint(GraphAnalysis.Run(graph, settings));
    }

    private static void AssertSound(CooccurrenceGraph graph, GraphAnalysisResult result)
    {
        var n = graph.Graph.VertexCount;
        var m = result.Nodes;
        Assert.All(new[] { m.WeightedDegree, m.PageRank!, m.Betweenness, m.Eigenvector!, m.Topic! }, measure =>
        {
            Assert.Equal(n, measure.Length);
            Assert.All(measure, v => Assert.True(double.IsFinite(v) && v >= 0, $"value {v}"));
        });
        if (n > 0)
        {
            Assert.Equal(1.0, m.PageRank!.Sum(), 9);
        }

        // Each node in exactly one community, numbered 0..Count-1 with none empty; likewise components.
        Assert.Equal(n, m.Community.Length);
        Assert.Equal(Enumerable.Range(0, result.Partition.Count), m.Community.Distinct().Order());
        Assert.Equal(Enumerable.Range(0, result.ComponentCount), m.Component.Distinct().Order());
    }

    private static string Fingerprint(GraphAnalysisResult result) => string.Join(";",
        string.Join(",", result.Nodes.PageRank!.Select(v => v.ToString("R"))),
        string.Join(",", result.Nodes.Eigenvector!.Select(v => v.ToString("R"))),
        string.Join(",", result.Nodes.Betweenness.Select(v => v.ToString("R"))),
        string.Join(",", result.Nodes.Community));
}

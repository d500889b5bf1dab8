using PaperGraph.Graph.Centrality;

namespace PaperGraph.Graph.Tests.Centrality;

public sealed class CentralityTests
{
    private static CompactGraph Karate => NetworkxReference.Get("karate club (weighted)").ToGraph();

    [Fact]
    public void PageRank_fails_clearly_when_it_cannot_converge_in_time()
    {
        var error = Assert.Throws<ConvergenceException>(() => PageRank.Compute(Karate, new PageRankSettings(Tolerance: 1e-15, MaxIterations: 3)));
        Assert.Equal(3, error.Iterations);
        Assert.Contains("did not converge in 3 iterations", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PageRank_spreads_the_rank_of_isolated_nodes_instead_of_losing_it()
    {
        // Two nodes joined by an edge and one alone (n = 3). The lone node's rank goes back to all three like a random
        // jump, so at the fixed point x2 = (α·x2 + 1 − α) / 3, that is x2 = (1 − α) / (3 − α).
        var rank = PageRank.Compute(CompactGraph.FromEdges(3, [(0, 1, 1.0)]), new PageRankSettings(Tolerance: 1e-12, MaxIterations: 1000));
        Assert.Equal(1.0, rank.Sum(), 12);
        Assert.Equal(rank[0], rank[1], 12);
        Assert.Equal(0.15 / (3 - 0.85), rank[2], 9);
    }

    [Fact]
    public void Sampled_betweenness_is_repeatable_and_close_to_the_exact_values()
    {
        var graph = NetworkxReference.Get("random 120 nodes, 400 edges, real weights").ToGraph();
        var exact = Betweenness.Compute(graph, new BetweennessSettings(), out var wasSampled);
        var settings = new BetweennessSettings(ExactUpTo: 50, Pivots: 60, Seed: 3);
        var first = Betweenness.Compute(graph, settings, out var sampled);
        var second = Betweenness.Compute(graph, settings, out _);
        Assert.False(wasSampled);
        Assert.True(sampled);
        Assert.Equal(first, second);

        // Half the sources: the ten most central nodes stay mostly the same.
        var topExact = exact.Select((b, v) => (b, v)).OrderByDescending(x => x.b).Take(10).Select(x => x.v);
        var topSampled = first.Select((b, v) => (b, v)).OrderByDescending(x => x.b).Take(10).Select(x => x.v);
        Assert.True(topExact.Intersect(topSampled).Count() >= 7);
    }

    [Fact]
    public void Strong_links_are_short_paths_for_weighted_betweenness()
    {
        // A square 0-1-2-3-0: the path through 1 is strong (weight 10), the one through 3 weak (weight 1).
        var graph = CompactGraph.FromEdges(4, [(0, 1, 10.0), (1, 2, 10.0), (2, 3, 1.0), (3, 0, 1.0)]);
        var weighted = Betweenness.Compute(graph, new BetweennessSettings(Weighted: true), out _);
        var hops = Betweenness.Compute(graph, new BetweennessSettings(Weighted: false), out _);
        Assert.True(weighted[1] > weighted[3]);
        Assert.Equal(hops[1], hops[3], 12);
    }

    [Theory]
    [InlineData(0, 0, 1.0, "self-loop")]
    [InlineData(0, 5, 1.0, "outside")]
    [InlineData(0, 1, 0.0, "finite and positive")]
    [InlineData(0, 1, double.NaN, "finite and positive")]
    public void CompactGraph_rejects_edges_it_cannot_hold(int a, int b, double weight, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => CompactGraph.FromEdges(3, [(a, b, weight)]));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CompactGraph_rejects_an_edge_given_twice_in_either_direction()
    {
        Assert.Throws<ArgumentException>(() => CompactGraph.FromEdges(3, [(0, 1, 1.0), (1, 0, 2.0)]));
    }
}

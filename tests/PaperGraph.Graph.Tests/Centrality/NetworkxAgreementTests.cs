using PaperGraph.Graph.Centrality;

namespace PaperGraph.Graph.Tests.Centrality;

/// <summary>Each algorithm against networkx's values for the same graph (see Reference/generate_reference.py).</summary>
public sealed class NetworkxAgreementTests
{
    [Theory]
    [MemberData(nameof(NetworkxReference.Names), MemberType = typeof(NetworkxReference))]
    public void PageRank_matches_networkx_to_1e6(string name)
    {
        var reference = NetworkxReference.Get(name);
        AssertClose(reference.Pagerank, PageRank.Compute(reference.ToGraph()), 1e-6);
        AssertClose(reference.PagerankUnweighted, PageRank.Compute(reference.ToGraph(weighted: false)), 1e-6);
    }

    [Theory]
    [MemberData(nameof(NetworkxReference.ConnectedNames), MemberType = typeof(NetworkxReference))]
    public void Eigenvector_centrality_matches_networkx_to_1e6_on_connected_graphs(string name)
    {
        var reference = NetworkxReference.Get(name);
        Assert.NotNull(reference.Eigenvector);
        AssertClose(reference.Eigenvector, EigenvectorCentrality.Compute(reference.ToGraph()), 1e-6);
    }

    /// <summary>
    /// Every graph, connected or not, against the definition computed with networkx one component at a time (each
    /// component's vector scaled by its leading eigenvalue over the largest): near-equal and equal components included.
    /// </summary>
    [Theory]
    [MemberData(nameof(NetworkxReference.Names), MemberType = typeof(NetworkxReference))]
    public void Eigenvector_centrality_matches_the_per_component_definition_to_1e6(string name)
    {
        var reference = NetworkxReference.Get(name);
        AssertClose(reference.EigenvectorByComponent, EigenvectorCentrality.Compute(reference.ToGraph()), 1e-6);
    }

    [Theory]
    [MemberData(nameof(NetworkxReference.Names), MemberType = typeof(NetworkxReference))]
    public void Exact_betweenness_matches_networkx_to_1e9(string name)
    {
        var reference = NetworkxReference.Get(name);
        var weighted = Betweenness.Compute(reference.ToGraph(), new BetweennessSettings(Weighted: true), out var sampled);
        Assert.False(sampled);
        AssertClose(reference.BetweennessWeighted, weighted, 1e-9);
        AssertClose(reference.BetweennessUnweighted, Betweenness.Compute(reference.ToGraph(), new BetweennessSettings(Weighted: false), out _), 1e-9);
    }

    [Theory]
    [MemberData(nameof(NetworkxReference.Names), MemberType = typeof(NetworkxReference))]
    public void Core_numbers_match_networkx(string name)
    {
        var reference = NetworkxReference.Get(name);
        Assert.Equal(reference.CoreNumber, CoreNumber.Compute(reference.ToGraph()));
    }

    [Theory]
    [MemberData(nameof(NetworkxReference.Names), MemberType = typeof(NetworkxReference))]
    public void Component_sizes_match_networkx(string name)
    {
        var reference = NetworkxReference.Get(name);
        var (component, count) = Components.Compute(GraphFixtures.ToQuikGraph(reference.Nodes, reference.Edges));
        var sizes = Enumerable.Range(0, count).Select(c => component.Count(x => x == c)).ToArray();
        Assert.Equal(reference.ComponentSizes, sizes);
    }

    [Theory]
    [MemberData(nameof(NetworkxReference.Names), MemberType = typeof(NetworkxReference))]
    public void Components_of_the_compact_graph_are_numbered_as_QuikGraph_s(string name)
    {
        var reference = NetworkxReference.Get(name);
        var (expected, expectedCount) = Components.Compute(GraphFixtures.ToQuikGraph(reference.Nodes, reference.Edges));
        var (actual, count) = Components.Compute(reference.ToGraph());
        Assert.Equal(expectedCount, count);
        Assert.Equal(expected, actual);
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"node {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}

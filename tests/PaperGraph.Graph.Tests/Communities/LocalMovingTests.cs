using FsCheck.Xunit;
using PaperGraph.Graph.Communities;

namespace PaperGraph.Graph.Tests.Communities;

/// <summary>The local-moving core that Louvain and Leiden share, on its own.</summary>
public sealed class LocalMovingTests
{
    /// <summary>
    /// <c>networkx.ring_of_cliques(6, 5)</c>: six 5-cliques, clique i's node 5i+1 joined to clique i+1's node 5(i+1), the
    /// last (26) to node 0.
    /// </summary>
    private static CompactGraph RingOfCliques()
    {
        var edges = new List<(int, int, double)>();
        for (var clique = 0; clique < 6; clique++)
        {
            for (var a = 0; a < 5; a++)
            {
                for (var b = a + 1; b < 5; b++)
                {
                    edges.Add((5 * clique + a, 5 * clique + b, 1));
                }
            }

            edges.Add((5 * clique + 1, 5 * (clique + 1) % 30, 1));
        }

        return CompactGraph.FromEdges(30, edges);
    }

    /// <summary>
    /// networkx 3.6.1's first level (<c>next(louvain_partitions(G, resolution, seed=s))</c>) is the same for every seed
    /// from 0 to 199 on this graph, so ours must equal it whatever our seed: at γ = 1 the six cliques; at γ = 8 the bridge
    /// nodes (5i, 5i+1) alone and the rest of each clique a triangle. Listed by community, numbered from the first node.
    /// </summary>
    [Theory]
    [InlineData(1.0, "0 0 0 0 0 1 1 1 1 1 2 2 2 2 2 3 3 3 3 3 4 4 4 4 4 5 5 5 5 5")]
    [InlineData(8.0, "0 1 2 2 2 3 4 5 5 5 6 7 8 8 8 9 10 11 11 11 12 13 14 14 14 15 16 17 17 17")]
    public void Both_visiting_orders_reach_networkx_first_level_on_a_ring_of_cliques(double resolution, string expected)
    {
        var graph = RingOfCliques();
        var level = CommunityGraph.From(graph);
        var want = expected.Split(' ').Select(int.Parse).ToArray();
        foreach (var seed in new long[] { 1, 42, 2026, -5 })
        {
            var random = new SplitMix(seed);
            var (moved, swept, count) = LocalMoving.Sweep(level, graph.TotalWeight, resolution, ref random, start: null);
            Assert.True(moved);
            Assert.Equal(want, swept);
            Assert.Equal(want.Max() + 1, count);

            var queued = CommunityGraph.Identity(graph.NodeCount);
            Assert.Equal(want.Max() + 1, LocalMoving.Queue(level, queued, graph.TotalWeight, resolution, ref random));
            Assert.Equal(want, queued);
        }
    }

    [Fact]
    public void Sweep_from_a_partition_that_is_already_best_moves_nothing()
    {
        var graph = RingOfCliques();
        var cliques = Enumerable.Range(0, 30).Select(v => v / 5).ToArray();
        var random = new SplitMix(3);
        var (moved, community, count) = LocalMoving.Sweep(CommunityGraph.From(graph), graph.TotalWeight, 1.0, ref random, start: cliques);
        Assert.False(moved);
        Assert.Equal(cliques, community);
        Assert.Equal(6, count);
    }

    /// <summary>
    /// When sweeps stop, no node gains by moving to a neighbouring community: the modularity gain is recomputed here from
    /// the definition (networkx's <c>_one_level</c>), independently of the core.
    /// </summary>
    [Property]
    public bool Sweep_ends_where_no_node_gains_by_moving(byte nodes, (byte A, byte B, byte W)[] edges, int seed, bool highResolution)
    {
        var graph = Build(nodes, edges);
        var m = graph.TotalWeight;
        if (m == 0)
        {
            return true;
        }

        var resolution = highResolution ? 2.5 : 1.0;
        var random = new SplitMix(seed);
        var (_, community, count) = LocalMoving.Sweep(CommunityGraph.From(graph), m, resolution, ref random, start: null);
        var total = new double[count];
        for (var v = 0; v < graph.NodeCount; v++)
        {
            total[community[v]] += graph.Strength(v);
        }

        for (var v = 0; v < graph.NodeCount; v++)
        {
            var k = graph.Strength(v);
            var own = community[v];
            var toCommunity = new Dictionary<int, double> { [own] = 0 };
            var neighbors = graph.Neighbors(v);
            var weights = graph.Weights(v);
            for (var i = 0; i < neighbors.Length; i++)
            {
                toCommunity[community[neighbors[i]]] = toCommunity.GetValueOrDefault(community[neighbors[i]]) + weights[i];
            }

            var stay = toCommunity[own] / m - resolution * (total[own] - k) * k / (2 * m * m);
            foreach (var (c, weight) in toCommunity)
            {
                var join = weight / m - resolution * total[c] * k / (2 * m * m);
                if (c != own && join > stay + 1e-9 * k / m)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>A graph of 1–40 nodes from arbitrary bytes, as the other property tests make them.</summary>
    private static CompactGraph Build(byte nodes, (byte A, byte B, byte W)[] edges) => GraphPropertyTests.Build(nodes, edges);
}

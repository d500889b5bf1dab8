using FsCheck.Xunit;
using PaperGraph.Graph.Layout;

namespace PaperGraph.Graph.Tests.Layout;

/// <summary>The layout: the same bits from the same seed, the properties any real layout has, and the odd graphs of small corpora.</summary>
public sealed class ForceAtlas2Tests
{
    /// <summary>
    /// A planted partition: <paramref name="groups"/> groups of <paramref name="size"/> nodes, each pair linked with
    /// probability <paramref name="inside"/> within a group and <paramref name="outside"/> across (weights 1 to 3).
    /// </summary>
    private static (CompactGraph Graph, int[] Group) Planted(int groups, int size, double inside, double outside, int seed)
    {
        var random = new Random(seed);
        var n = groups * size;
        var edges = new List<(int, int, double)>();
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (random.NextDouble() < (a / size == b / size ? inside : outside))
                {
                    edges.Add((a, b, 1 + random.Next(3)));
                }
            }
        }

        return (CompactGraph.FromEdges(n, edges), Enumerable.Range(0, n).Select(v => v / size).ToArray());
    }

    private static CompactGraph Cliques(int count, int size, bool joined)
    {
        var edges = new List<(int, int, double)>();
        for (var c = 0; c < count; c++)
        {
            for (var a = 0; a < size; a++)
            {
                for (var b = a + 1; b < size; b++)
                {
                    edges.Add((c * size + a, c * size + b, 1));
                }
            }

            if (joined && c > 0)
            {
                edges.Add(((c - 1) * size, c * size, 1));
            }
        }

        return CompactGraph.FromEdges(count * size, edges);
    }

    private static CompactGraph Path(int n) => CompactGraph.FromEdges(n, Enumerable.Range(0, n - 1).Select(i => (i, i + 1, 1.0)).ToList());

    private static double Distance(NodePositions p, int a, int b) => Math.Sqrt(Math.Pow(p.X[a] - p.X[b], 2) + Math.Pow(p.Y[a] - p.Y[b], 2));

    private static double MeanDistance(NodePositions p, IEnumerable<(int A, int B)> pairs) => pairs.Average(pair => Distance(p, pair.A, pair.B));

    private static IEnumerable<(int, int)> Pairs(IEnumerable<int> nodes)
    {
        var list = nodes.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                yield return (list[i], list[j]);
            }
        }
    }

    private static void AssertFinite(NodePositions positions, int n)
    {
        Assert.Equal(n, positions.Count);
        Assert.Equal(n, positions.Y.Length);
        Assert.All(positions.X.Concat(positions.Y), v => Assert.True(double.IsFinite(v), $"coordinate {v}"));
    }

    [Fact]
    public void The_same_seed_gives_the_same_coordinates_bit_for_bit_and_another_seed_other_ones()
    {
        // 1,200 nodes: more than two work items of 512, so the forces are computed on several threads.
        var (graph, _) = Planted(6, 200, 0.05, 0.002, seed: 1);
        var first = ForceAtlas2.Compute(graph, new ForceAtlas2Settings(Iterations: 60, Seed: 7));
        var second = ForceAtlas2.Compute(graph, new ForceAtlas2Settings(Iterations: 60, Seed: 7));
        var other = ForceAtlas2.Compute(graph, new ForceAtlas2Settings(Iterations: 60, Seed: 8));
        Assert.Equal(first.X, second.X);
        Assert.Equal(first.Y, second.Y);
        Assert.NotEqual(first.X, other.X);
        Assert.NotEqual(first.Y, other.Y);
    }

    [Fact]
    public void The_coordinates_do_not_depend_on_the_number_of_threads()
    {
        var (graph, _) = Planted(6, 200, 0.05, 0.002, seed: 2);
        var settings = new ForceAtlas2Settings(Iterations: 40, Seed: 3);
        var one = ForceAtlas2.Compute(graph, settings, threads: 1, CancellationToken.None);
        var two = ForceAtlas2.Compute(graph, settings, threads: 2, CancellationToken.None);
        var many = ForceAtlas2.Compute(graph, settings, threads: 16, CancellationToken.None);
        Assert.Equal(one.X, two.X);
        Assert.Equal(one.Y, two.Y);
        Assert.Equal(one.X, many.X);
        Assert.Equal(one.Y, many.Y);
    }

    [Fact]
    public void Two_dense_clusters_joined_by_one_edge_lie_apart()
    {
        var graph = Cliques(2, 30, joined: true);
        var p = ForceAtlas2.Compute(graph);
        var inside = MeanDistance(p, Pairs(Enumerable.Range(0, 30)).Concat(Pairs(Enumerable.Range(30, 30))));
        var across = MeanDistance(p, from a in Enumerable.Range(0, 30) from b in Enumerable.Range(30, 30) select (a, b));
        Assert.True(inside < 0.3 * across, $"mean distance inside a cluster {inside:G4}, across {across:G4}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Linked_nodes_lie_closer_than_random_pairs_and_communities_apart_on_a_planted_partition(bool linLog)
    {
        var (graph, group) = Planted(5, 60, 0.2, 0.01, seed: 4);
        var p = ForceAtlas2.Compute(graph, new ForceAtlas2Settings(LinLog: linLog));
        AssertFinite(p, graph.NodeCount);
        var quality = LayoutQuality.Measure(graph, p, group);
        Assert.True(quality.EdgeLength < 0.6, $"edge length / random pair distance {quality.EdgeLength:F3}");
        Assert.True(quality.CommunitySpread < 0.5, $"distance within / between groups {quality.CommunitySpread:F3}");

        // A random layout scores about 1 on both.
        var random = new Random(5);
        var shuffled = new NodePositions(p.X.OrderBy(_ => random.Next()).ToArray(), p.Y.OrderBy(_ => random.Next()).ToArray());
        var baseline = LayoutQuality.Measure(graph, shuffled, group);
        Assert.InRange(baseline.EdgeLength, 0.85, 1.15);
        Assert.InRange(baseline.CommunitySpread, 0.85, 1.15);
    }

    [Fact]
    public void A_path_is_laid_out_with_neighbours_closer_than_nodes_further_along()
    {
        var p = ForceAtlas2.Compute(Path(40));
        AssertFinite(p, 40);
        var byHops = Enumerable.Range(1, 6).Select(k => Enumerable.Range(0, 40 - k).Average(i => Distance(p, i, i + k))).ToList();
        for (var k = 1; k < byHops.Count; k++)
        {
            Assert.True(byHops[k] > byHops[k - 1], $"mean distance at {k + 1} hops {byHops[k]:G4} is not above {k} hops {byHops[k - 1]:G4}");
        }

        var neighbours = Enumerable.Range(0, 39).Average(i => Distance(p, i, i + 1));
        var others = MeanDistance(p, Pairs(Enumerable.Range(0, 40)).Where(pair => pair.Item2 - pair.Item1 > 1));
        Assert.True(neighbours < 0.25 * others, $"neighbours {neighbours:G4}, others {others:G4}");
    }

    [Fact]
    public void Isolated_nodes_and_separate_components_stay_near_the_rest()
    {
        // Two cliques with no edge between them, a pair, and ten concepts without edges.
        var edges = new List<(int, int, double)>();
        for (var c = 0; c < 2; c++)
        {
            for (var a = 0; a < 15; a++)
            {
                for (var b = a + 1; b < 15; b++)
                {
                    edges.Add((c * 15 + a, c * 15 + b, 1));
                }
            }
        }

        edges.Add((30, 31, 1));
        var graph = CompactGraph.FromEdges(42, edges);
        var p = ForceAtlas2.Compute(graph);
        AssertFinite(p, 42);
        var clique = Pairs(Enumerable.Range(0, 15)).ToList();
        var size = MeanDistance(p, clique);
        var cx = Enumerable.Range(0, 30).Average(v => p.X[v]);
        var cy = Enumerable.Range(0, 30).Average(v => p.Y[v]);
        foreach (var v in Enumerable.Range(30, 12))
        {
            var d = Math.Sqrt(Math.Pow(p.X[v] - cx, 2) + Math.Pow(p.Y[v] - cy, 2));
            Assert.True(d < 15 * size, $"node {v} at {d:G4} from the cliques, whose nodes are {size:G4} apart");
        }

        var between = MeanDistance(p, from a in Enumerable.Range(0, 15) from b in Enumerable.Range(15, 15) select (a, b));
        Assert.True(between < 15 * size, $"the cliques are {between:G4} apart, their nodes {size:G4}");
        Assert.True(between > size, "the two cliques overlap");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Tiny_graphs_get_finite_distinct_coordinates(int n)
    {
        foreach (var linked in new[] { false, true })
        {
            var edges = linked ? Enumerable.Range(0, Math.Max(0, n - 1)).Select(i => (i, i + 1, 2.0)).ToList() : [];
            var p = ForceAtlas2.Compute(CompactGraph.FromEdges(n, edges));
            AssertFinite(p, n);
            if (n == 1)
            {
                Assert.Equal((0.0, 0.0), (p.X[0], p.Y[0]));
            }

            foreach (var (a, b) in Pairs(Enumerable.Range(0, n)))
            {
                Assert.True(Distance(p, a, b) > 0, $"nodes {a} and {b} coincide");
            }
        }
    }

    [Fact]
    public void The_layout_is_centred_on_the_mean_with_its_wider_axis_along_x()
    {
        var p = ForceAtlas2.Compute(Path(30));
        Assert.Equal(0, p.X.Average(), 9);
        Assert.Equal(0, p.Y.Average(), 9);
        Assert.True(p.X.Sum(v => v * v) >= p.Y.Sum(v => v * v));
        Assert.Equal(0, p.X.Zip(p.Y, (x, y) => x * y).Sum(), 6);
    }

    [Fact]
    public void Zero_iterations_return_the_seeded_start_and_weights_and_constant_gravity_are_honoured()
    {
        var graph = Path(10);
        AssertFinite(ForceAtlas2.Compute(graph, new ForceAtlas2Settings(Iterations: 0)), 10);
        AssertFinite(ForceAtlas2.Compute(graph, new ForceAtlas2Settings(StrongGravity: false, EdgeWeightInfluence: 0, Theta: 0)), 10);
    }

    [Fact]
    public void Settings_are_validated_on_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForceAtlas2Settings(Iterations: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForceAtlas2Settings(Scaling: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForceAtlas2Settings(Gravity: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForceAtlas2Settings(Gravity: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForceAtlas2Settings(EdgeWeightInfluence: -0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForceAtlas2Settings(JitterTolerance: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ForceAtlas2Settings(Theta: double.PositiveInfinity));
    }

    [Fact]
    public void A_cancelled_layout_stops()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.Throws<OperationCanceledException>(() => ForceAtlas2.Compute(Path(10), cancellationToken: cancellation.Token));
    }

    /// <summary>Random small graphs, with isolated nodes, parallel components and heavy weights: every coordinate finite, and the same on a second run.</summary>
    [Property(MaxTest = 100)]
    public bool Every_coordinate_is_finite_and_repeatable_on_random_graphs(byte nodes, (byte A, byte B, byte Weight)[] links, int seed)
    {
        var n = nodes % 50;
        var edges = new Dictionary<(int, int), double>();
        foreach (var (a, b, weight) in links ?? [])
        {
            if (n > 0 && a % n != b % n)
            {
                edges[(Math.Min(a % n, b % n), Math.Max(a % n, b % n))] = Math.Pow(10, weight % 7 - 3);
            }
        }

        var graph = CompactGraph.FromEdges(n, edges.Select(e => (e.Key.Item1, e.Key.Item2, e.Value)).ToList());
        var settings = new ForceAtlas2Settings(Iterations: 100, Seed: seed);
        var p = ForceAtlas2.Compute(graph, settings);
        AssertFinite(p, n);
        var again = ForceAtlas2.Compute(graph, settings);
        return p.X.AsSpan().SequenceEqual(again.X) && p.Y.AsSpan().SequenceEqual(again.Y);
    }
}

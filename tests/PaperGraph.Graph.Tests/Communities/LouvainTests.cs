using PaperGraph.Graph.Communities;

namespace PaperGraph.Graph.Tests.Communities;

public sealed class LouvainTests
{
    [Theory]
    [MemberData(nameof(NetworkxReference.Names), MemberType = typeof(NetworkxReference))]
    public void Modularity_of_a_fixed_partition_matches_networkx(string name)
    {
        var reference = NetworkxReference.Get(name);
        foreach (var (resolution, expected) in reference.FixedModularity)
        {
            var actual = Modularity.Compute(reference.ToGraph(), reference.FixedPartition, double.Parse(resolution, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected, actual, 1e-12);
        }
    }

    /// <remarks>
    /// Our random order is not Python's, so one seed of ours is not the same draw as networkx's seed: over the same eight
    /// seeds, each resolution's mean must be at least networkx's, and no run may fall below networkx's worst.
    /// </remarks>
    [Theory]
    [MemberData(nameof(NetworkxReference.Names), MemberType = typeof(NetworkxReference))]
    public void Louvain_modularity_is_at_least_networkx_over_the_same_seeds(string name)
    {
        var reference = NetworkxReference.Get(name);
        var graph = reference.ToGraph();
        foreach (var runs in reference.Louvain.GroupBy(r => r.Resolution))
        {
            var ours = runs.Select(r => Louvain.Detect(graph, new LouvainSettings(Resolution: runs.Key, Seed: r.Seed))).ToList();
            Assert.True(ours.Average(p => p.Modularity) >= runs.Average(r => r.Modularity) - 1e-12,
                $"resolution {runs.Key}: mean {ours.Average(p => p.Modularity):F6} < networkx {runs.Average(r => r.Modularity):F6}");
            Assert.True(ours.Min(p => p.Modularity) >= runs.Min(r => r.Modularity) - 1e-12);
            Assert.All(ours, p => Assert.Equal(p.Modularity, Modularity.Compute(graph, p.Community, runs.Key), 1e-12));
        }
    }

    [Theory]
    [MemberData(nameof(NetworkxReference.Names), MemberType = typeof(NetworkxReference))]
    public void Leiden_modularity_is_at_least_networkx_louvain_for_the_same_seed_and_resolution(string name)
    {
        var reference = NetworkxReference.Get(name);
        var graph = reference.ToGraph();
        foreach (var run in reference.Louvain)
        {
            var partition = Leiden.Detect(graph, new LeidenSettings(Resolution: run.Resolution, Seed: run.Seed));
            Assert.True(partition.Modularity >= run.Modularity - 1e-12,
                $"resolution {run.Resolution}, seed {run.Seed}: modularity {partition.Modularity:F6} < networkx {run.Modularity:F6}");
            Assert.Equal(partition.Modularity, Modularity.Compute(graph, partition.Community, run.Resolution), 1e-12);
        }
    }

    [Fact]
    public void Louvain_finds_two_cliques_joined_by_one_edge()
    {
        var edges = new List<(int, int, double)>();
        for (var a = 0; a < 5; a++)
        {
            for (var b = a + 1; b < 5; b++)
            {
                edges.Add((a, b, 1));
                edges.Add((a + 5, b + 5, 1));
            }
        }

        edges.Add((4, 5, 1));
        var partition = Louvain.Detect(CompactGraph.FromEdges(10, edges));
        Assert.Equal(2, partition.Count);
        Assert.All(Enumerable.Range(0, 5), v => Assert.Equal(partition.Community[0], partition.Community[v]));
        Assert.All(Enumerable.Range(5, 5), v => Assert.Equal(partition.Community[5], partition.Community[v]));
        Assert.NotEqual(partition.Community[0], partition.Community[5]);
    }

    [Fact]
    public void Same_seed_gives_the_same_partition_and_isolated_nodes_are_their_own_communities()
    {
        var graph = NetworkxReference.Get("dangling and isolated nodes").ToGraph();
        var first = Louvain.Detect(graph, new LouvainSettings(Seed: 7));
        var second = Louvain.Detect(graph, new LouvainSettings(Seed: 7));
        Assert.Equal(first.Community, second.Community);
        foreach (var isolated in new[] { 11, 12, 13 })
        {
            Assert.Equal(1, first.Community.Count(c => c == first.Community[isolated]));
        }
    }

    [Fact]
    public void Communities_are_numbered_by_size_biggest_first()
    {
        var partition = Louvain.Detect(NetworkxReference.Get("les miserables (weighted)").ToGraph());
        var sizes = Enumerable.Range(0, partition.Count).Select(c => partition.Community.Count(x => x == c)).ToArray();
        Assert.Equal(sizes.OrderByDescending(s => s), sizes);
        Assert.All(sizes, s => Assert.True(s > 0));
    }
}

using PaperGraph.Core;

namespace PaperGraph.Graph.Communities;

/// <summary>Settings of <see cref="Louvain"/>; validated on construction.</summary>
/// <param name="Resolution">Above 1 favours smaller communities, below 1 bigger ones.</param>
/// <param name="Threshold">A level that raises modularity by no more than this ends the run.</param>
/// <param name="Seed">Seed of the node order; the same seed gives the same partition.</param>
/// <param name="Restarts">Independent runs (seeds derived from <paramref name="Seed"/>); the partition of highest modularity is kept.</param>
public sealed record LouvainSettings(double Resolution = 1.0, double Threshold = 1e-7, int Seed = 42, int Restarts = 10)
{
    public double Resolution { get; } = Resolution > 0 ? Resolution : throw new ArgumentOutOfRangeException(nameof(Resolution), Resolution, "resolution must be positive");

    public double Threshold { get; } = Threshold >= 0 ? Threshold : throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "threshold must not be negative");

    public int Restarts { get; } = Restarts >= 1 ? Restarts : throw new ArgumentOutOfRangeException(nameof(Restarts), Restarts, "at least one run");
}

/// <summary>A partition into communities: each node's community, numbered from the biggest (0) down.</summary>
/// <param name="Community">Community of each node.</param>
/// <param name="Count">Number of communities.</param>
/// <param name="Modularity">Modularity of the partition at the settings' resolution.</param>
/// <param name="Levels">Aggregation levels the best run went through.</param>
public sealed record Partition(int[] Community, int Count, double Modularity, int Levels);

/// <summary>Louvain community detection (Blondel et al. 2008), with networkx's semantics.</summary>
/// <remarks>
/// <para>Each level visits the nodes in a random order (from the seed) and moves each one to the neighbouring community
/// with the largest modularity gain, until no node moves; communities then become the nodes of the next level's graph,
/// their inner weight a self-loop. The run stops when a level gains no more than the threshold, as in
/// <c>networkx.community.louvain_communities</c>. The gain formula, the resolution and the stopping rule are networkx's;
/// the random order is PaperGraph's own (SplitMix64), so partitions equal in quality may differ in detail from it.</para>
/// <para>Each level is O(m) per sweep; a few sweeps and levels are typical.</para>
/// </remarks>
public static class Louvain
{
    private const int MaxRounds = 16;

    public static Partition Detect(CompactGraph graph, LouvainSettings? settings = null, CancellationToken cancellationToken = default,
        IProgress<PipelineProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        settings ??= new LouvainSettings();
        return CommunitySearch.BestOf(settings.Restarts, settings.Seed, seed => Run(graph, settings, seed, cancellationToken), cancellationToken, progress);
    }

    private static Partition Run(CompactGraph graph, LouvainSettings settings, long seed, CancellationToken cancellationToken)
    {
        var n = graph.NodeCount;
        var membership = CommunityGraph.Identity(n);

        var m = graph.TotalWeight;
        if (m == 0)
        {
            return CommunitySearch.Finish(graph, membership, settings.Resolution, 0);
        }

        var random = new SplitMix(seed);
        var nodes = CommunityGraph.From(graph);
        var start = (int[]?)null;
        var modularity = Modularity.Compute(graph, membership, settings.Resolution);
        var levels = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            // Louvain proper: move nodes, aggregate, repeat while a level gains more than the threshold. A later round
            // starts from the previous round's partition, aggregated.
            var graphs = new List<CommunityGraph> { nodes };
            var maps = new List<int[]>();
            var level = nodes;
            if (start is not null)
            {
                maps.Add(start);
                level = nodes.Aggregate(start, Count(start));
                graphs.Add(level);
            }

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (moved, community, count) = LocalMoving.Sweep(level, m, settings.Resolution, ref random, start: null);
                if (!moved)
                {
                    break;
                }

                maps.Add(community);
                levels++;
                var gained = Modularity.Compute(graph, Project(maps, n), settings.Resolution) - modularity;
                modularity += gained;
                if (gained <= settings.Threshold)
                {
                    break;
                }

                level = level.Aggregate(community, count);
                graphs.Add(level);
            }

            if (maps.Count > 0)
            {
                membership = Project(maps, n);
            }

            // Multilevel refinement (Rotta and Noack 2011): going back down the levels, the nodes of each level may fit
            // better in another community than the one their group was merged into. Moves only raise modularity.
            var partition = maps.Count == graphs.Count ? maps[^1] : CommunityGraph.Identity(graphs[^1].NodeCount);
            for (var i = graphs.Count - 1; ; i--)
            {
                var (_, refined, _) = LocalMoving.Sweep(graphs[i], m, settings.Resolution, ref random, start: partition);
                if (i == 0)
                {
                    partition = refined;
                    break;
                }

                partition = CommunitySearch.Compose(maps[i - 1], refined, new int[maps[i - 1].Length]);
            }

            var refinedModularity = Modularity.Compute(graph, partition, settings.Resolution);
            if (refinedModularity <= modularity)
            {
                break;
            }

            var gain = refinedModularity - modularity;
            membership = partition;
            modularity = refinedModularity;
            start = partition;
            if (gain <= settings.Threshold)
            {
                break;
            }
        }

        return CommunitySearch.Finish(graph, membership, settings.Resolution, levels);
    }

    /// <summary>The community of each original node after following every level's map.</summary>
    private static int[] Project(List<int[]> maps, int n)
    {
        var membership = new int[n];
        for (var v = 0; v < n; v++)
        {
            var c = v;
            foreach (var map in maps)
            {
                c = map[c];
            }

            membership[v] = c;
        }

        return membership;
    }

    private static int Count(int[] community) => community.Length == 0 ? 0 : community.Max() + 1;
}

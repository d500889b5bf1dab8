using PaperGraph.Core;

namespace PaperGraph.Graph.Communities;

/// <summary>Settings of <see cref="Leiden"/>; validated on construction.</summary>
/// <param name="Resolution">Above 1 favours smaller communities, below 1 bigger ones.</param>
/// <param name="Randomness">θ of the refinement: how freely a node joins a sub-community other than the best one (smaller is greedier).</param>
/// <param name="Threshold">An iteration that raises modularity by no more than this ends the run.</param>
/// <param name="Seed">Seed of the node orders and of the refinement; the same seed gives the same partition.</param>
/// <param name="MaxIterations">Full Leiden iterations at most; each starts from the previous partition.</param>
/// <param name="Restarts">Independent runs (seeds derived from <paramref name="Seed"/>); the partition of highest modularity is kept.</param>
public sealed record LeidenSettings(double Resolution = 1.0, double Randomness = 0.01, double Threshold = 1e-7, int Seed = 42, int MaxIterations = 4, int Restarts = 4)
{
    public int Restarts { get; } = Restarts >= 1 ? Restarts : throw new ArgumentOutOfRangeException(nameof(Restarts), Restarts, "at least one run");

    public double Resolution { get; } = Resolution > 0 ? Resolution : throw new ArgumentOutOfRangeException(nameof(Resolution), Resolution, "resolution must be positive");

    public double Randomness { get; } = Randomness > 0 ? Randomness : throw new ArgumentOutOfRangeException(nameof(Randomness), Randomness, "randomness must be positive");

    public double Threshold { get; } = Threshold >= 0 ? Threshold : throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "threshold must not be negative");

    public int MaxIterations { get; } = MaxIterations >= 1 ? MaxIterations : throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "at least one iteration");
}

/// <summary>Leiden community detection (Traag, Waltman and van Eck 2019) for modularity with a resolution parameter.</summary>
/// <remarks>
/// <para>Each level: (1) fast local moving, a queue of nodes where a node that moves puts its neighbours outside its new
/// community back in the queue; (2) refinement, where every community is split into singletons that merge, at random
/// among the moves that do not lower modularity (probability ∝ exp(gain / θ)), into well-connected sub-communities; (3)
/// aggregation of the refined partition, the unrefined one giving the next level's starting partition. Unlike Louvain,
/// a badly merged group can come apart again, and every community is connected. Iterations repeat from the last
/// partition until one gains no more than the threshold.</para>
/// <para>Gains are measured in units of the moving node's strength, so θ means the same whatever the edge weights' scale.</para>
/// </remarks>
public static class Leiden
{
    public static Partition Detect(CompactGraph graph, LeidenSettings? settings = null, CancellationToken cancellationToken = default,
        IProgress<PipelineProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        settings ??= new LeidenSettings();
        return CommunitySearch.BestOf(settings.Restarts, settings.Seed, seed => Run(graph, settings, seed, cancellationToken), cancellationToken, progress);
    }

    private static Partition Run(CompactGraph graph, LeidenSettings settings, long seed, CancellationToken cancellationToken)
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
        var modularity = Modularity.Compute(graph, membership, settings.Resolution);
        var levels = 0;
        for (var iteration = 0; iteration < settings.MaxIterations; iteration++)
        {
            var (next, iterationLevels) = Iterate(nodes, membership, m, settings, ref random, cancellationToken);
            levels = Math.Max(levels, iterationLevels);
            var nextModularity = Modularity.Compute(graph, next, settings.Resolution);
            if (nextModularity <= modularity)
            {
                break;
            }

            var gained = nextModularity - modularity;
            membership = next;
            modularity = nextModularity;
            if (gained <= settings.Threshold)
            {
                break;
            }
        }

        return CommunitySearch.Finish(graph, membership, settings.Resolution, levels);
    }

    /// <summary>One Leiden iteration from a starting partition of the original nodes; returns the new partition.</summary>
    private static (int[] Membership, int Levels) Iterate(CommunityGraph nodes, int[] start, double m, LeidenSettings settings, ref SplitMix random, CancellationToken cancellationToken)
    {
        var n = nodes.NodeCount;
        var level = nodes;
        var partition = (int[])start.Clone();
        var toLevel = CommunityGraph.Identity(n); // original node -> node of the current level

        var levels = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            levels++;
            var communities = LocalMoving.Queue(level, partition, m, settings.Resolution, ref random);
            if (communities == level.NodeCount)
            {
                break;
            }

            var (refined, refinedCount) = Refine(level, partition, m, settings, ref random);
            var aggregated = new int[refinedCount];
            for (var v = 0; v < level.NodeCount; v++)
            {
                aggregated[refined[v]] = partition[v];
            }

            level = level.Aggregate(refined, refinedCount);
            CommunitySearch.Compose(toLevel, refined, toLevel);

            partition = aggregated;
        }

        return (CommunitySearch.Compose(toLevel, partition, new int[n]), levels);
    }

    /// <summary>Splits each community into well-connected sub-communities, merging singletons at random (θ) by non-negative gain.</summary>
    private static (int[] Refined, int Count) Refine(CommunityGraph graph, int[] community, double m, LeidenSettings settings, ref SplitMix random)
    {
        var n = graph.NodeCount;
        var resolution = settings.Resolution;
        var twoM = 2 * m;
        var refined = new int[n];
        var total = new double[n];      // strength of each refined community
        var external = new double[n];   // its edge weight to the rest of its community
        var size = new int[n];
        var communityTotal = new double[n];
        for (var v = 0; v < n; v++)
        {
            refined[v] = v;
            total[v] = graph.Strength(v);
            size[v] = 1;
            communityTotal[community[v]] += graph.Strength(v);
            var neighbors = graph.Neighbors(v);
            var weights = graph.Weights(v);
            for (var i = 0; i < neighbors.Length; i++)
            {
                if (community[neighbors[i]] == community[v])
                {
                    external[v] += weights[i];
                }
            }
        }

        var order = CommunityGraph.Identity(n);

        random.Shuffle<int>(order);
        var toRefined = new double[n];
        var touched = new int[n];
        var stamp = new int[n];
        var visit = 0;
        var candidates = new int[n];
        var probabilities = new double[n];
        foreach (var v in order)
        {
            var degree = graph.Strength(v);
            var whole = communityTotal[community[v]];
            // Only a singleton that is well connected to the rest of its community moves.
            if (size[refined[v]] != 1 || external[v] < resolution * degree * (whole - degree) / twoM)
            {
                continue;
            }

            var own = refined[v];
            var touchedCount = 0;
            visit++;
            var neighbors = graph.Neighbors(v);
            var weights = graph.Weights(v);
            for (var i = 0; i < neighbors.Length; i++)
            {
                var u = neighbors[i];
                if (community[u] != community[v])
                {
                    continue;
                }

                var c = refined[u];
                if (stamp[c] != visit)
                {
                    stamp[c] = visit;
                    toRefined[c] = 0;
                    touched[touchedCount++] = c;
                }

                toRefined[c] += weights[i];
            }

            // Candidates: well-connected sub-communities whose gain is not negative; chosen with probability ∝ exp(gain/θ).
            var candidateCount = 0;
            var bestGain = double.NegativeInfinity;
            for (var i = 0; i < touchedCount; i++)
            {
                var c = touched[i];
                if (c == own || external[c] < resolution * total[c] * (whole - total[c]) / twoM)
                {
                    continue;
                }

                var gain = (toRefined[c] - resolution * total[c] * degree / twoM) / degree;
                if (gain < 0)
                {
                    continue;
                }

                candidates[candidateCount] = c;
                probabilities[candidateCount++] = gain;
                bestGain = Math.Max(bestGain, gain);
            }

            if (candidateCount == 0)
            {
                continue;
            }

            var sum = 0.0;
            for (var i = 0; i < candidateCount; i++)
            {
                // Shifted by the best gain so the exponent never overflows.
                probabilities[i] = Math.Exp((probabilities[i] - bestGain) / settings.Randomness);
                sum += probabilities[i];
            }

            var pick = random.NextDouble() * sum;
            var chosen = candidates[candidateCount - 1];
            for (var i = 0; i < candidateCount; i++)
            {
                pick -= probabilities[i];
                if (pick < 0)
                {
                    chosen = candidates[i];
                    break;
                }
            }

            refined[v] = chosen;
            size[own] = 0;
            size[chosen]++;
            total[chosen] += degree;
            external[chosen] += external[v] - 2 * toRefined[chosen];
        }

        return (refined, CommunityGraph.Renumber(refined));
    }
}

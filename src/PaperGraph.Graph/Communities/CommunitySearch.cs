using PaperGraph.Core;

namespace PaperGraph.Graph.Communities;

/// <summary>What Louvain and Leiden share around their levels: independent runs, following nodes up the levels, and the final numbering.</summary>
/// <remarks>The local moving they share is <see cref="LocalMoving"/>; the aggregation, <see cref="CommunityGraph.Aggregate"/>.</remarks>
internal static class CommunitySearch
{
    /// <summary>
    /// Runs <paramref name="runs"/> independent searches in parallel (the first with <paramref name="seed"/>, the others
    /// with seeds drawn from it) and keeps the partition of highest modularity, the earliest run winning ties, so the
    /// result does not depend on scheduling.
    /// </summary>
    internal static Partition BestOf(int runs, long seed, Func<long, Partition> run, CancellationToken cancellationToken, IProgress<PipelineProgress>? progress = null)
    {
        var seeds = new long[runs];
        var generator = new SplitMix(seed);
        for (var i = 0; i < runs; i++)
        {
            seeds[i] = i == 0 ? seed : (long)generator.Next();
        }

        var partitions = new Partition[runs];
        var counter = new ProgressCounter(progress, "graph", "communities", runs, "runs", every: 1);
        Parallel.For(0, runs, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            partitions[i] = run(seeds[i]);
            counter.Add();
        });
        var best = partitions[0];
        foreach (var partition in partitions)
        {
            if (partition.Modularity > best.Modularity)
            {
                best = partition;
            }
        }

        return best;
    }

    /// <summary><c>result[v] = outer[inner[v]]</c>: each node's community one level up; <paramref name="result"/> may be <paramref name="inner"/>.</summary>
    internal static int[] Compose(int[] inner, int[] outer, int[] result)
    {
        for (var v = 0; v < inner.Length; v++)
        {
            result[v] = outer[inner[v]];
        }

        return result;
    }

    /// <summary>Renumbers communities by size, biggest first (ties: the one holding the smallest node first).</summary>
    internal static Partition Finish(CompactGraph graph, int[] membership, double resolution, int levels)
    {
        var n = membership.Length;
        var size = new int[n];
        var smallest = new int[n];
        Array.Fill(smallest, int.MaxValue);
        for (var v = 0; v < n; v++)
        {
            size[membership[v]]++;
            smallest[membership[v]] = Math.Min(smallest[membership[v]], v);
        }

        var used = Enumerable.Range(0, n).Where(c => size[c] > 0).OrderByDescending(c => size[c]).ThenBy(c => smallest[c]).ToArray();
        var rename = new int[n];
        for (var i = 0; i < used.Length; i++)
        {
            rename[used[i]] = i;
        }

        var community = new int[n];
        for (var v = 0; v < n; v++)
        {
            community[v] = rename[membership[v]];
        }

        return new Partition(community, used.Length, Modularity.Compute(graph, community, resolution), levels);
    }
}

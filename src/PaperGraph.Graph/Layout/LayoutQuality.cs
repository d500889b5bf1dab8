namespace PaperGraph.Graph.Layout;

/// <summary>How well a layout shows a graph, in ratios that do not depend on its scale (smaller is better).</summary>
/// <param name="EdgeLength">The mean length of the edges (weighted by weight) over the mean distance between random pairs of nodes: well below 1 when linked nodes are placed together.</param>
/// <param name="CommunitySpread">The mean distance between nodes of the same community over that between nodes of different communities: well below 1 when communities are placed apart; NaN with fewer than two communities.</param>
public sealed record LayoutQuality(double EdgeLength, double CommunitySpread)
{
    /// <summary>Measures <paramref name="positions"/> of <paramref name="graph"/>; pairs of nodes are sampled (<paramref name="pairs"/> of them, from <paramref name="seed"/>).</summary>
    /// <param name="community">Each node's community, or null to leave <see cref="CommunitySpread"/> NaN.</param>
    public static LayoutQuality Measure(CompactGraph graph, NodePositions positions, int[]? community = null, int pairs = 200_000, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(positions);
        var n = graph.NodeCount;
        if (positions.Count != n || (community is not null && community.Length != n))
        {
            throw new ArgumentException($"{positions.Count} positions and {community?.Length} communities for {n} nodes");
        }

        double Distance(int a, int b) => Math.Sqrt(Math.Pow(positions.X[a] - positions.X[b], 2) + Math.Pow(positions.Y[a] - positions.Y[b], 2));
        double edgeSum = 0, weightSum = 0;
        for (var v = 0; v < n; v++)
        {
            var neighbors = graph.Neighbors(v);
            var weights = graph.Weights(v);
            for (var k = 0; k < neighbors.Length; k++)
            {
                edgeSum += weights[k] * Distance(v, neighbors[k]);
                weightSum += weights[k];
            }
        }

        var random = new SplitMix(seed);
        double all = 0, same = 0, different = 0;
        int allCount = 0, sameCount = 0, differentCount = 0;
        for (var i = 0; i < pairs && n >= 2; i++)
        {
            var a = random.NextInt(n);
            var b = random.NextInt(n);
            if (a == b)
            {
                continue;
            }

            var d = Distance(a, b);
            all += d;
            allCount++;
            if (community is null)
            {
                continue;
            }

            if (community[a] == community[b])
            {
                same += d;
                sameCount++;
            }
            else
            {
                different += d;
                differentCount++;
            }
        }

        var randomMean = all / allCount;
        return new LayoutQuality(
            weightSum > 0 && allCount > 0 ? edgeSum / weightSum / randomMean : double.NaN,
            sameCount > 0 && differentCount > 0 ? same / sameCount / (different / differentCount) : double.NaN);
    }
}

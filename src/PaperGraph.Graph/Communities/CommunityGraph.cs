namespace PaperGraph.Graph.Communities;

/// <summary>One level of a multilevel community search: a graph whose nodes may be communities of the level below.</summary>
/// <remarks>Edges inside a community are not kept as self-loops: they only count in the node's strength, which is all the
/// modularity gain needs.</remarks>
internal sealed class CommunityGraph(int[] offsets, int[] targets, double[] weights, double[] strength)
{
    public int NodeCount => strength.Length;

    /// <summary>The node's strength, edges inside it included.</summary>
    public double Strength(int node) => strength[node];

    public ReadOnlySpan<int> Neighbors(int node) => targets.AsSpan(offsets[node], offsets[node + 1] - offsets[node]);

    public ReadOnlySpan<double> Weights(int node) => weights.AsSpan(offsets[node], offsets[node + 1] - offsets[node]);

    public static CommunityGraph From(CompactGraph graph)
    {
        var n = graph.NodeCount;
        var offsets = new int[n + 1];
        for (var v = 0; v < n; v++)
        {
            offsets[v + 1] = offsets[v] + graph.Degree(v);
        }

        var targets = new int[offsets[n]];
        var weights = new double[offsets[n]];
        var strength = new double[n];
        for (var v = 0; v < n; v++)
        {
            graph.Neighbors(v).CopyTo(targets.AsSpan(offsets[v]));
            graph.Weights(v).CopyTo(weights.AsSpan(offsets[v]));
            strength[v] = graph.Strength(v);
        }

        return new CommunityGraph(offsets, targets, weights, strength);
    }

    /// <summary>The next level: one node per community, edges summed, inner weight kept in the strength.</summary>
    public CommunityGraph Aggregate(int[] community, int count)
    {
        var members = new List<int>[count];
        for (var c = 0; c < count; c++)
        {
            members[c] = [];
        }

        for (var v = 0; v < NodeCount; v++)
        {
            members[community[v]].Add(v);
        }

        var offsetsNext = new int[count + 1];
        var targetsNext = new List<int>();
        var weightsNext = new List<double>();
        var strengthNext = new double[count];
        var sum = new double[count];
        var seen = new List<int>();
        for (var c = 0; c < count; c++)
        {
            seen.Clear();
            foreach (var v in members[c])
            {
                strengthNext[c] += strength[v];
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    var d = community[targets[e]];
                    if (d == c)
                    {
                        continue;
                    }

                    if (sum[d] == 0)
                    {
                        seen.Add(d);
                    }

                    sum[d] += weights[e];
                }
            }

            seen.Sort();
            foreach (var d in seen)
            {
                targetsNext.Add(d);
                weightsNext.Add(sum[d]);
                sum[d] = 0;
            }

            offsetsNext[c + 1] = targetsNext.Count;
        }

        return new CommunityGraph(offsetsNext, [.. targetsNext], [.. weightsNext], strengthNext);
    }

    /// <summary>Renumbers ids to 0..count-1 in order of first appearance; returns count.</summary>
    internal static int Renumber(int[] ids)
    {
        var rename = new int[ids.Length];
        Array.Fill(rename, -1);
        var count = 0;
        for (var v = 0; v < ids.Length; v++)
        {
            if (rename[ids[v]] < 0)
            {
                rename[ids[v]] = count++;
            }

            ids[v] = rename[ids[v]];
        }

        return count;
    }

    /// <summary>The ids 0..n-1 in order: every node its own community, or a visiting order to shuffle.</summary>
    internal static int[] Identity(int n)
    {
        var ids = new int[n];
        for (var v = 0; v < n; v++)
        {
            ids[v] = v;
        }

        return ids;
    }
}

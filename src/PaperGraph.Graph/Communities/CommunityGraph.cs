namespace PaperGraph.Graph.Communities;

/// <summary>One level of a multilevel community search: a graph whose nodes may be communities of the level below.</summary>
/// <remarks>Edges inside a community are not kept as self-loops: they only count in the node's strength, which is all the
/// modularity gain needs.</remarks>
internal sealed class CommunityGraph(int[] offsets, int[] targets, double[] weights, double[] strength)
{
    /// <summary>Sweeps of local moving per level; they end long before this in practice.</summary>
    private const int MaxSweeps = 1000;

    /// <summary>A node moves only for a gain above this fraction of its strength: equal gains computed in two orders must not make it swing.</summary>
    internal const double RelativeEpsilon = 1e-12;

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

    /// <summary>Local moving: each node, in random order, joins the neighbouring community of best gain, until none moves.</summary>
    /// <returns>Whether any node moved; each node's community, renumbered 0..count-1 in order of first node.</returns>
    public (bool Moved, int[] Community, int Count) MoveNodes(double m, double resolution, ref SplitMix random, int[]? start)
    {
        var n = NodeCount;
        var community = new int[n];
        var total = new double[n];
        for (var v = 0; v < n; v++)
        {
            community[v] = start is null ? v : start[v];
            total[community[v]] += strength[v];
        }

        var order = Identity(n);

        random.Shuffle<int>(order);

        // Weight from the current node to each neighbouring community, and which communities are touched.
        var toCommunity = new double[n];
        var touched = new int[n];
        var stamp = new int[n];
        var visit = 0;
        var anyMove = false;
        var twoM = 2 * m;
        int moves;
        var sweeps = 0;
        do
        {
            moves = 0;
            foreach (var u in order)
            {
                var own = community[u];
                var degree = strength[u];
                var touchedCount = 0;
                visit++;
                toCommunity[own] = 0;
                stamp[own] = visit;
                touched[touchedCount++] = own;
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    var c = community[targets[e]];
                    if (stamp[c] != visit)
                    {
                        stamp[c] = visit;
                        touched[touchedCount++] = c;
                    }

                    toCommunity[c] += weights[e];
                }

                // networkx's gain (remove from own community, add to c), times m: k_c − γ·Σ_c·k / 2m.
                total[own] -= degree;
                var stay = toCommunity[own] - resolution * total[own] * degree / twoM;
                var bestScore = stay + RelativeEpsilon * degree;
                var best = own;
                for (var i = 1; i < touchedCount; i++)
                {
                    var c = touched[i];
                    var score = toCommunity[c] - resolution * total[c] * degree / twoM;
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = c;
                    }
                }

                total[best] += degree;
                if (best != own)
                {
                    community[u] = best;
                    moves++;
                    anyMove = true;
                }

                for (var i = 0; i < touchedCount; i++)
                {
                    toCommunity[touched[i]] = 0;
                }
            }
        }
        while (moves > 0 && ++sweeps < MaxSweeps);

        var count = Renumber(community);
        return (anyMove, community, count);
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

namespace PaperGraph.Graph.Communities;

/// <summary>Newman–Girvan modularity of a partition, with a resolution parameter, as <c>networkx.community.modularity</c> defines it.</summary>
public static class Modularity
{
    /// <summary>
    /// <c>Q = Σ_c [ L_c / m − γ (D_c / 2m)² ]</c>: <c>L_c</c> is the weight of the edges inside community <c>c</c>,
    /// <c>D_c</c> the summed strength of its nodes, <c>m</c> the total edge weight. 0 for a graph without edges.
    /// </summary>
    public static double Compute(CompactGraph graph, IReadOnlyList<int> community, double resolution = 1.0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(community);
        ArgumentOutOfRangeException.ThrowIfNotEqual(community.Count, graph.NodeCount);
        var m = graph.TotalWeight;
        if (m == 0)
        {
            return 0;
        }

        var communities = 0;
        foreach (var c in community)
        {
            communities = Math.Max(communities, c + 1);
        }

        var inside = new double[communities];
        var strength = new double[communities];
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var c = community[v];
            strength[c] += graph.Strength(v);
            var neighbors = graph.Neighbors(v);
            var weights = graph.Weights(v);
            for (var i = 0; i < neighbors.Length; i++)
            {
                if (community[neighbors[i]] == c)
                {
                    inside[c] += weights[i];
                }
            }
        }

        var q = 0.0;
        for (var c = 0; c < communities; c++)
        {
            // Each inner edge was seen from both ends.
            q += inside[c] / 2 / m - resolution * (strength[c] / (2 * m)) * (strength[c] / (2 * m));
        }

        return q;
    }
}

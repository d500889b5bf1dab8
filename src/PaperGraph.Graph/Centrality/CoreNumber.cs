namespace PaperGraph.Graph.Centrality;

/// <summary>The k-core number of every node: the largest k such that the node belongs to a subgraph where every node has at least k neighbours.</summary>
/// <remarks>
/// Batagelj and Zaversnik's O(n + m) bucket algorithm: repeatedly remove a node of least remaining degree. Edge
/// weights are ignored, as in <c>networkx.core_number</c>.
/// </remarks>
public static class CoreNumber
{
    public static int[] Compute(CompactGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var degree = new int[n];
        var maxDegree = 0;
        for (var v = 0; v < n; v++)
        {
            degree[v] = graph.Degree(v);
            maxDegree = Math.Max(maxDegree, degree[v]);
        }

        // Nodes sorted by degree (counting sort), with where each degree's bucket starts.
        var bucketStart = new int[maxDegree + 2];
        foreach (var d in degree)
        {
            bucketStart[d + 1]++;
        }

        for (var d = 0; d <= maxDegree; d++)
        {
            bucketStart[d + 1] += bucketStart[d];
        }

        var order = new int[n];
        var position = new int[n];
        var fill = bucketStart[..^1];
        for (var v = 0; v < n; v++)
        {
            position[v] = fill[degree[v]]++;
            order[position[v]] = v;
        }

        for (var i = 0; i < n; i++)
        {
            var v = order[i];
            foreach (var u in graph.Neighbors(v))
            {
                if (degree[u] > degree[v])
                {
                    // Move u to the front of its bucket, then shrink the bucket by one: u's degree drops by one.
                    var du = degree[u];
                    var front = bucketStart[du];
                    var w = order[front];
                    if (w != u)
                    {
                        (order[front], order[position[u]]) = (u, w);
                        position[w] = position[u];
                        position[u] = front;
                    }

                    bucketStart[du]++;
                    degree[u]--;
                }
            }
        }

        return degree;
    }
}

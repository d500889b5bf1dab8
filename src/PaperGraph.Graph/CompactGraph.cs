using QuikGraph;

namespace PaperGraph.Graph;

/// <summary>An undirected weighted graph on nodes <c>0..n-1</c> in compressed sparse row form, for the algorithms.</summary>
/// <remarks>
/// Each edge is stored in both directions; a node's neighbours are sorted by id. Weights are finite and positive, and
/// there are no self-loops or parallel edges. Build it once from a QuikGraph graph (or an edge list) and run every
/// algorithm on it: walking two flat arrays is many times faster than QuikGraph's edge objects.
/// </remarks>
public sealed class CompactGraph
{
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly double[] _weights;
    private readonly double[] _strength;

    private CompactGraph(int[] offsets, int[] targets, double[] weights)
    {
        _offsets = offsets;
        _targets = targets;
        _weights = weights;
        _strength = new double[offsets.Length - 1];
        var total = 0.0;
        for (var v = 0; v < _strength.Length; v++)
        {
            var sum = 0.0;
            for (var e = offsets[v]; e < offsets[v + 1]; e++)
            {
                sum += weights[e];
            }

            _strength[v] = sum;
            total += sum;
        }

        TotalWeight = total / 2;
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => _strength.Length;

    /// <summary>Number of (undirected) edges.</summary>
    public int EdgeCount => _targets.Length / 2;

    /// <summary>Sum of the edge weights (each edge once).</summary>
    public double TotalWeight { get; }

    /// <summary>The neighbours of <paramref name="node"/>, ascending.</summary>
    public ReadOnlySpan<int> Neighbors(int node) => _targets.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>The weights of the edges to <see cref="Neighbors"/>, in the same order.</summary>
    public ReadOnlySpan<double> Weights(int node) => _weights.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>Number of neighbours.</summary>
    public int Degree(int node) => _offsets[node + 1] - _offsets[node];

    /// <summary>Weighted degree: the sum of the weights of the node's edges.</summary>
    public double Strength(int node) => _strength[node];

    /// <summary>Builds the graph from undirected edges <c>(a, b, weight)</c>, each given once.</summary>
    /// <exception cref="ArgumentException">An edge is a self-loop, repeats another, names a node out of range or has a weight that is not finite and positive.</exception>
    public static CompactGraph FromEdges(int nodeCount, IReadOnlyList<(int A, int B, double Weight)> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentNullException.ThrowIfNull(edges);
        var offsets = new int[nodeCount + 1];
        foreach (var (a, b, weight) in edges)
        {
            if ((uint)a >= (uint)nodeCount || (uint)b >= (uint)nodeCount)
            {
                throw new ArgumentException($"edge ({a}, {b}) names a node outside 0..{nodeCount - 1}", nameof(edges));
            }

            if (a == b)
            {
                throw new ArgumentException($"edge ({a}, {b}) is a self-loop", nameof(edges));
            }

            if (!double.IsFinite(weight) || weight <= 0)
            {
                throw new ArgumentException($"edge ({a}, {b}) has weight {weight}; weights must be finite and positive", nameof(edges));
            }

            offsets[a + 1]++;
            offsets[b + 1]++;
        }

        for (var v = 0; v < nodeCount; v++)
        {
            offsets[v + 1] += offsets[v];
        }

        var targets = new int[offsets[nodeCount]];
        var weights = new double[targets.Length];
        var next = offsets[..^1];
        foreach (var (a, b, weight) in edges)
        {
            targets[next[a]] = b;
            weights[next[a]++] = weight;
            targets[next[b]] = a;
            weights[next[b]++] = weight;
        }

        for (var v = 0; v < nodeCount; v++)
        {
            var span = targets.AsSpan(offsets[v], offsets[v + 1] - offsets[v]);
            span.Sort(weights.AsSpan(offsets[v], span.Length));
            for (var i = 1; i < span.Length; i++)
            {
                if (span[i] == span[i - 1])
                {
                    throw new ArgumentException($"edge ({v}, {span[i]}) is given twice", nameof(edges));
                }
            }
        }

        return new CompactGraph(offsets, targets, weights);
    }

    /// <summary>Builds the graph from a QuikGraph graph whose vertices are <c>0..VertexCount-1</c>.</summary>
    public static CompactGraph FromQuikGraph<TEdge>(IUndirectedGraph<int, TEdge> graph, Func<TEdge, double> weight)
        where TEdge : IEdge<int>
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(weight);
        var edges = new List<(int, int, double)>(graph.EdgeCount);
        foreach (var edge in graph.Edges)
        {
            edges.Add((edge.Source, edge.Target, weight(edge)));
        }

        return FromEdges(graph.VertexCount, edges);
    }
}

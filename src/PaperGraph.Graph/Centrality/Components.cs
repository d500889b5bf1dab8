using QuikGraph;
using QuikGraph.Algorithms.ConnectedComponents;

namespace PaperGraph.Graph.Centrality;

/// <summary>Connected components, by QuikGraph's depth-first <see cref="ConnectedComponentsAlgorithm{TVertex, TEdge}"/>.</summary>
public static class Components
{
    /// <summary>Each vertex's component, numbered from the biggest component (0) down; ties by smallest vertex.</summary>
    public static (int[] Component, int Count) Compute<TEdge>(IUndirectedGraph<int, TEdge> graph)
        where TEdge : IEdge<int>
    {
        ArgumentNullException.ThrowIfNull(graph);
        var algorithm = new ConnectedComponentsAlgorithm<int, TEdge>(graph);
        algorithm.Compute();
        var n = graph.VertexCount;
        var raw = new int[n];
        foreach (var (vertex, component) in algorithm.Components)
        {
            raw[vertex] = component;
        }

        var size = new int[algorithm.ComponentCount];
        var smallest = new int[algorithm.ComponentCount];
        Array.Fill(smallest, int.MaxValue);
        for (var v = 0; v < n; v++)
        {
            size[raw[v]]++;
            smallest[raw[v]] = Math.Min(smallest[raw[v]], v);
        }

        var ranked = Enumerable.Range(0, algorithm.ComponentCount).OrderByDescending(c => size[c]).ThenBy(c => smallest[c]).ToArray();
        var rename = new int[ranked.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            rename[ranked[i]] = i;
        }

        for (var v = 0; v < n; v++)
        {
            raw[v] = rename[raw[v]];
        }

        return (raw, ranked.Length);
    }

    /// <summary>The same numbering on a <see cref="CompactGraph"/>, for the algorithms that run on one.</summary>
    public static (int[] Component, int Count) Compute(CompactGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var raw = new int[n];
        Array.Fill(raw, -1);
        var sizes = new List<int>();
        var stack = new Stack<int>();
        for (var root = 0; root < n; root++)
        {
            if (raw[root] >= 0)
            {
                continue;
            }

            // Roots are taken in id order, so each component's number here is already ordered by its smallest node.
            var id = sizes.Count;
            var size = 1;
            raw[root] = id;
            stack.Push(root);
            while (stack.Count > 0)
            {
                foreach (var u in graph.Neighbors(stack.Pop()))
                {
                    if (raw[u] < 0)
                    {
                        raw[u] = id;
                        size++;
                        stack.Push(u);
                    }
                }
            }

            sizes.Add(size);
        }

        var ranked = Enumerable.Range(0, sizes.Count).OrderByDescending(c => sizes[c]).ThenBy(c => c).ToArray();
        var rename = new int[ranked.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            rename[ranked[i]] = i;
        }

        for (var v = 0; v < n; v++)
        {
            raw[v] = rename[raw[v]];
        }

        return (raw, ranked.Length);
    }
}

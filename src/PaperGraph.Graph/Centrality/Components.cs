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

        return Renumber(raw, algorithm.ComponentCount);
    }

    /// <summary>The same numbering on a <see cref="CompactGraph"/>, for the algorithms that run on one.</summary>
    public static (int[] Component, int Count) Compute(CompactGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var raw = new int[n];
        Array.Fill(raw, -1);
        var count = 0;
        var stack = new Stack<int>();
        for (var root = 0; root < n; root++)
        {
            if (raw[root] >= 0)
            {
                continue;
            }

            var id = count++;
            raw[root] = id;
            stack.Push(root);
            while (stack.Count > 0)
            {
                foreach (var u in graph.Neighbors(stack.Pop()))
                {
                    if (raw[u] < 0)
                    {
                        raw[u] = id;
                        stack.Push(u);
                    }
                }
            }

        }

        return Renumber(raw, count);
    }

    /// <summary>Renumbers components <c>0..count-1</c> in place: the biggest first, ties by their smallest vertex.</summary>
    private static (int[] Component, int Count) Renumber(int[] raw, int count)
    {
        var size = new int[count];
        var smallest = new int[count];
        Array.Fill(smallest, int.MaxValue);
        for (var v = 0; v < raw.Length; v++)
        {
            size[raw[v]]++;
            smallest[raw[v]] = Math.Min(smallest[raw[v]], v);
        }

        var ranked = Enumerable.Range(0, count).OrderByDescending(c => size[c]).ThenBy(c => smallest[c]).ToArray();
        var rename = new int[ranked.Length];
        for (var i = 0; i < ranked.Length; i++)
        {
            rename[ranked[i]] = i;
        }

        for (var v = 0; v < raw.Length; v++)
        {
            raw[v] = rename[raw[v]];
        }

        return (raw, ranked.Length);
    }
}

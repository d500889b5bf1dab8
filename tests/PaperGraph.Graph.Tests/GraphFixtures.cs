using QuikGraph;

namespace PaperGraph.Graph.Tests;

internal static class GraphFixtures
{
    public static UndirectedGraph<int, TaggedUndirectedEdge<int, double>> ToQuikGraph(int nodes, double[][] edges)
    {
        var graph = new UndirectedGraph<int, TaggedUndirectedEdge<int, double>>(allowParallelEdges: false);
        graph.AddVertexRange(Enumerable.Range(0, nodes));
        foreach (var edge in edges)
        {
            graph.AddEdge(new TaggedUndirectedEdge<int, double>((int)edge[0], (int)edge[1], edge[2]));
        }

        return graph;
    }
}

using System.Text.Json;

namespace PaperGraph.Graph.Tests;

/// <summary>networkx's answers for small graphs, from <c>Fixtures/networkx-reference.json</c> (written by <c>Reference/generate_reference.py</c>).</summary>
public sealed record ReferenceGraph(
    string Name,
    int Nodes,
    double[][] Edges,
    double[] Pagerank,
    double[] PagerankUnweighted,
    double[]? Eigenvector,
    double[] EigenvectorByComponent,
    double[] BetweennessWeighted,
    double[] BetweennessUnweighted,
    int[] CoreNumber,
    int[] ComponentSizes,
    LouvainReference[] Louvain,
    int[] FixedPartition,
    Dictionary<string, double> FixedModularity)
{
    public CompactGraph ToGraph(bool weighted = true) =>
        CompactGraph.FromEdges(Nodes, Edges.Select(e => ((int)e[0], (int)e[1], weighted ? e[2] : 1.0)).ToList());

    public override string ToString() => Name;
}

public sealed record LouvainReference(double Resolution, int Seed, double Modularity, int Communities);

public static class NetworkxReference
{
    private static readonly Lazy<ReferenceGraph[]> Graphs = new(() =>
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "networkx-reference.json"));
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("graphs").Deserialize<ReferenceGraph[]>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    });

    public static IReadOnlyList<ReferenceGraph> All => Graphs.Value;

    /// <summary>The graphs' names, for <c>[MemberData]</c>.</summary>
    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var graph in All)
            {
                data.Add(graph.Name);
            }

            return data;
        }
    }

    /// <summary>The names of the connected graphs, where networkx's eigenvector centrality is PaperGraph's definition.</summary>
    public static TheoryData<string> ConnectedNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var graph in All.Where(g => g.ComponentSizes.Length == 1))
            {
                data.Add(graph.Name);
            }

            return data;
        }
    }

    public static ReferenceGraph Get(string name) => All.Single(g => g.Name == name);
}

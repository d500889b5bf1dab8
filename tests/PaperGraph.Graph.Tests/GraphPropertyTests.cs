using FsCheck.Xunit;
using PaperGraph.Graph.Centrality;
using PaperGraph.Graph.Communities;

namespace PaperGraph.Graph.Tests;

/// <summary>Invariants that hold on any graph, checked on random ones (FsCheck shrinks a failure to a small graph).</summary>
public sealed class GraphPropertyTests
{
    /// <summary>A graph of 1–40 nodes from arbitrary bytes: self-loops dropped, repeated pairs kept once, weights 1–9 (or 0.25–2.25).</summary>
    internal static CompactGraph Build(byte nodes, (byte A, byte B, byte W)[] edges)
    {
        var n = nodes % 40 + 1;
        var seen = new HashSet<(int, int)>();
        var list = new List<(int, int, double)>();
        foreach (var (a, b, w) in edges ?? [])
        {
            var (x, y) = (a % n, b % n);
            if (x != y && seen.Add((Math.Min(x, y), Math.Max(x, y))))
            {
                list.Add((x, y, w % 2 == 0 ? w % 9 + 1 : (w % 9 + 1) / 4.0));
            }
        }

        return CompactGraph.FromEdges(n, list);
    }

    [Property]
    public bool PageRank_sums_to_one_and_is_positive(byte nodes, (byte, byte, byte)[] edges)
    {
        var rank = PageRank.Compute(Build(nodes, edges));
        return Math.Abs(rank.Sum() - 1) < 1e-9 && rank.All(r => r > 0);
    }

    [Property]
    public bool Every_community_algorithm_puts_each_node_in_exactly_one_community(byte nodes, (byte, byte, byte)[] edges, int seed)
    {
        var graph = Build(nodes, edges);
        foreach (var partition in new[] { Louvain.Detect(graph, new LouvainSettings(Seed: seed, Restarts: 2)), Leiden.Detect(graph, new LeidenSettings(Seed: seed, Restarts: 2)) })
        {
            if (partition.Community.Length != graph.NodeCount || partition.Community.Any(c => c < 0 || c >= partition.Count)
                || partition.Community.Distinct().Count() != partition.Count)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool Communities_never_score_below_every_node_alone(byte nodes, (byte, byte, byte)[] edges, int seed)
    {
        var graph = Build(nodes, edges);
        var singletons = Modularity.Compute(graph, Enumerable.Range(0, graph.NodeCount).ToArray());
        return Leiden.Detect(graph, new LeidenSettings(Seed: seed, Restarts: 1)).Modularity >= singletons - 1e-12
            && Louvain.Detect(graph, new LouvainSettings(Seed: seed, Restarts: 1)).Modularity >= singletons - 1e-12;
    }

    [Property]
    public bool Leiden_communities_are_connected(byte nodes, (byte, byte, byte)[] edges, int seed)
    {
        var graph = Build(nodes, edges);
        var partition = Leiden.Detect(graph, new LeidenSettings(Seed: seed, Restarts: 1));
        for (var c = 0; c < partition.Count; c++)
        {
            var members = Enumerable.Range(0, graph.NodeCount).Where(v => partition.Community[v] == c).ToList();
            var reached = new HashSet<int> { members[0] };
            var stack = new Stack<int>(reached);
            while (stack.Count > 0)
            {
                foreach (var u in graph.Neighbors(stack.Pop()))
                {
                    if (partition.Community[u] == c && reached.Add(u))
                    {
                        stack.Push(u);
                    }
                }
            }

            if (reached.Count != members.Count)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool Betweenness_is_between_0_and_1_and_zero_for_leaves(byte nodes, (byte, byte, byte)[] edges)
    {
        var graph = Build(nodes, edges);
        var betweenness = Betweenness.Compute(graph, new BetweennessSettings(), out _);
        return Enumerable.Range(0, graph.NodeCount).All(v =>
            betweenness[v] >= 0 && betweenness[v] <= 1 + 1e-12 && (graph.Degree(v) > 1 || betweenness[v] == 0));
    }

    [Property]
    public bool Core_number_is_at_most_the_degree_and_each_core_has_that_minimum_degree(byte nodes, (byte, byte, byte)[] edges)
    {
        var graph = Build(nodes, edges);
        var core = CoreNumber.Compute(graph);
        for (var v = 0; v < graph.NodeCount; v++)
        {
            // In the k-core (nodes of core number >= k), v has at least k neighbours.
            var k = core[v];
            var inCore = 0;
            foreach (var u in graph.Neighbors(v))
            {
                if (core[u] >= k)
                {
                    inCore++;
                }
            }

            if (k > graph.Degree(v) || inCore < k)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// On any graph: no failure, values finite and non-negative, the dominant component of unit length, and on each
    /// component an eigenvector of its adjacency matrix to the documented tolerance (the solver stops at a residual of
    /// tolerance × the gap between its two largest eigenvalues, and that gap is at most twice the largest weighted
    /// degree, so the residual of the Rayleigh quotient stays below 2e-6 of it, with room for rounding).
    /// </summary>
    [Property]
    public bool Eigenvector_centrality_is_an_eigenvector_on_every_component(byte nodes, (byte, byte, byte)[] edges)
    {
        var graph = Build(nodes, edges);
        var x = EigenvectorCentrality.Compute(graph);
        if (x.Any(v => !double.IsFinite(v) || v < 0))
        {
            return false;
        }

        var (component, count) = Components.Compute(graph);
        var norms = new double[count];
        for (var v = 0; v < graph.NodeCount; v++)
        {
            norms[component[v]] += x[v] * x[v];
        }

        if (graph.EdgeCount > 0 && Math.Abs(Math.Sqrt(norms.Max()) - 1) > 1e-9)
        {
            return false;
        }

        for (var c = 0; c < count; c++)
        {
            var members = Enumerable.Range(0, graph.NodeCount).Where(v => component[v] == c).ToList();
            if (members.Count < 2)
            {
                if (x[members[0]] != 0)
                {
                    return false;
                }

                continue;
            }

            var ax = members.ToDictionary(v => v, v =>
            {
                var neighbors = graph.Neighbors(v);
                var weights = graph.Weights(v);
                var sum = 0.0;
                for (var i = 0; i < neighbors.Length; i++)
                {
                    sum += weights[i] * x[neighbors[i]];
                }

                return sum;
            });
            var lambda = members.Sum(v => x[v] * ax[v]) / norms[c];
            var scale = members.Max(graph.Strength) * Math.Sqrt(norms[c]);
            if (Math.Sqrt(members.Sum(v => Math.Pow(ax[v] - lambda * x[v], 2))) > 2.5e-6 * scale)
            {
                return false;
            }
        }

        return true;
    }

    [Property]
    public bool Eigenvector_centrality_is_the_same_on_every_run(byte nodes, (byte, byte, byte)[] edges)
    {
        var graph = Build(nodes, edges);
        return EigenvectorCentrality.Compute(graph).SequenceEqual(EigenvectorCentrality.Compute(graph));
    }
}

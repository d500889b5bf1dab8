using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PaperGraph.Core;
using PaperGraph.Graph;
using PaperGraph.Graph.Centrality;
using PaperGraph.Graph.Communities;
using PaperGraph.Graph.Layout;

namespace PaperGraph.Pipeline.Bench;

/// <summary>What <see cref="GraphBench.Algorithms"/> timed: the fastest of the runs of each algorithm, and what it found.</summary>
public sealed record AlgorithmTimes(int Nodes, int Edges, double PageRankSeconds, double EigenvectorSeconds, double LouvainSingleSeconds, Partition LouvainSingle,
    double LouvainSeconds, Partition Louvain, double LeidenSeconds, Partition Leiden);

/// <summary>What <see cref="GraphBench.Layout"/> timed and measured.</summary>
/// <param name="Source">Where the graph came from: the file's name, or the synthetic graph's seed.</param>
/// <param name="Identical">Whether every run gave the same positions.</param>
public sealed record LayoutTimes(int Nodes, int Edges, string Source, int Iterations, double Seconds, bool Identical, int Communities, LayoutQuality Quality);

/// <summary>Times the graph algorithms on an edge list or a synthetic graph, for comparison with other tools (bench/graph-vs-networkx.py).</summary>
public static class GraphBench
{
    /// <summary>Times weighted PageRank, eigenvector centrality, Louvain (one run and the default) and Leiden on the edge list at <paramref name="path"/>; writes the results as JSON to <paramref name="output"/> when given.</summary>
    public static AlgorithmTimes Algorithms(string path, int runs, string? output)
    {
        if (!File.Exists(path))
        {
            throw new PaperGraphException(ErrorCodes.PathNotFound, $"{Path.GetFullPath(path)}: no such file.");
        }

        var (names, graph) = ReadEdges(path);
        double[] rank = [];
        Partition partition = null!, single = null!, leiden = null!;
        var pageRankSeconds = Fastest(runs, () => rank = PageRank.Compute(graph, new PageRankSettings()));
        var eigenvectorSeconds = Fastest(runs, () => EigenvectorCentrality.Compute(graph, new EigenvectorSettings()));
        var singleSeconds = Fastest(runs, () => single = Louvain.Detect(graph, new LouvainSettings(Seed: 42, Restarts: 1)));
        var louvainSeconds = Fastest(runs, () => partition = Louvain.Detect(graph, new LouvainSettings(Seed: 42)));
        var leidenSeconds = Fastest(runs, () => leiden = Leiden.Detect(graph, new LeidenSettings(Seed: 42)));
        if (output is not null)
        {
            var json = JsonSerializer.Serialize(new
            {
                nodes = names,
                pagerank = rank,
                community = partition.Community,
                modularity = partition.Modularity,
                singleRunCommunity = single.Community,
                leidenModularity = leiden.Modularity,
                seconds = new { pagerank = pageRankSeconds, louvain = louvainSeconds, louvainSingleRun = singleSeconds, leiden = leidenSeconds },
            });
            AtomicFile.WriteAllText(output, json);
        }

        return new AlgorithmTimes(graph.NodeCount, graph.EdgeCount, pageRankSeconds, eigenvectorSeconds, singleSeconds, single, louvainSeconds, partition, leidenSeconds, leiden);
    }

    /// <summary>Times ForceAtlas2 on the edge list at <paramref name="path"/>, or on a synthetic planted-partition graph <c>N:M</c>, and measures the layout's quality.</summary>
    public static LayoutTimes Layout(string? path, string? synthetic, int runs, int? iterations, int seed, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        CompactGraph graph;
        string source;
        if (synthetic is not null)
        {
            var parts = synthetic.Split(':');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, inv, out var nodes) || !int.TryParse(parts[1], NumberStyles.None, inv, out var links)
                || nodes < 40 || links > (long)nodes * (nodes - 1) / 4)
            {
                throw new PaperGraphException(ErrorCodes.InvalidArgument, $"--synthetic {synthetic}: expected N:M, at least 40 nodes and at most a quarter of the possible edges, such as 10000:1300000.");
            }

            graph = Planted(nodes, links, seed);
            source = $"synthetic, seed {seed}";
        }
        else if (path is null || !File.Exists(path))
        {
            throw new PaperGraphException(ErrorCodes.PathNotFound, path is null ? "give --edges file.csv or --synthetic N:M." : $"{Path.GetFullPath(path)}: no such file.");
        }
        else
        {
            graph = ReadEdges(path).Graph;
            source = Path.GetFileName(path);
        }

        var settings = iterations is { } count ? new ForceAtlas2Settings(Iterations: count, Seed: seed) : new ForceAtlas2Settings(Seed: seed);
        var layouts = new List<NodePositions>();
        var seconds = Fastest(runs, () => layouts.Add(ForceAtlas2.Compute(graph, settings, cancellationToken)));
        var same = layouts.All(l => l.X.AsSpan().SequenceEqual(layouts[0].X) && l.Y.AsSpan().SequenceEqual(layouts[0].Y));
        var communities = Leiden.Detect(graph, new LeidenSettings(Seed: seed), cancellationToken);
        var quality = LayoutQuality.Measure(graph, layouts[0], communities.Community);
        return new LayoutTimes(graph.NodeCount, graph.EdgeCount, source, settings.Iterations, seconds, same, communities.Count, quality);
    }

    /// <summary>A planted partition: 20 groups, 70% of the edges inside one, weights log-uniform in [1, 100].</summary>
    private static CompactGraph Planted(int nodes, int links, int seed)
    {
        var random = new Random(seed);
        var group = nodes / 20;
        var seen = new HashSet<long>();
        var edges = new List<(int, int, double)>(links);
        while (edges.Count < links)
        {
            int a, b;
            if (random.NextDouble() < 0.7)
            {
                var start = random.Next(20) * group;
                (a, b) = (start + random.Next(group), start + random.Next(group));
            }
            else
            {
                (a, b) = (random.Next(nodes), random.Next(nodes));
            }

            if (a != b && seen.Add((long)Math.Min(a, b) * nodes + Math.Max(a, b)))
            {
                edges.Add((a, b, Math.Pow(100, random.NextDouble())));
            }
        }

        return CompactGraph.FromEdges(nodes, edges);
    }

    private static double Fastest(int runs, Action action)
    {
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }

    /// <summary>Reads source, target and weight columns by header name (CSV, RFC 4180 quotes); nodes are numbered in order of first appearance.</summary>
    private static (List<string> Names, CompactGraph Graph) ReadEdges(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var header = Csv.ReadRow(reader.ReadLine() ?? "");
        int source = header.IndexOf("source"), target = header.IndexOf("target"), weight = header.IndexOf("weight");
        if (source < 0 || target < 0 || weight < 0)
        {
            throw new PaperGraphException(ErrorCodes.MissingColumns, $"{path}:1: expected a header with source, target and weight columns; found: {string.Join(", ", header)}.");
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var edges = new List<(int, int, double)>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var fields = Csv.ReadRow(line);
            if (fields.Count <= Math.Max(source, Math.Max(target, weight))
                || !double.TryParse(fields[weight], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !(w > 0))
            {
                throw new PaperGraphException(ErrorCodes.MalformedCsv, string.Create(CultureInfo.InvariantCulture, $"{path}:{lineNumber}: expected source, target and a positive weight."));
            }

            edges.Add((Id(fields[source]), Id(fields[target]), w));
        }

        return (names, CompactGraph.FromEdges(names.Count, edges));

        int Id(string name)
        {
            if (!ids.TryGetValue(name, out var id))
            {
                ids[name] = id = names.Count;
                names.Add(name);
            }

            return id;
        }
    }
}

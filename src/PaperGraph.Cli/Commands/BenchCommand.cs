using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PaperGraph.Core;
using PaperGraph.Graph;
using PaperGraph.Graph.Centrality;
using PaperGraph.Graph.Communities;
using PaperGraph.Graph.Export;
using PaperGraph.Graph.Layout;

namespace PaperGraph.Cli.Commands;

/// <summary><c>papergraph bench graph</c>: times PageRank and Louvain on an edge list, for comparison with other tools (bench/graph-vs-networkx.py).</summary>
internal static class BenchCommand
{
    public static Command Create(CommandRunner runner) => new("bench", "Time PaperGraph's algorithms on your data, and check that builds never fail on it.")
    {
        CreateGraph(runner),
        CreateLayout(runner),
        RobustnessCommand.Create(runner),
        ScaleCommand.Create(runner),
    };

    private static Command CreateGraph(CommandRunner runner)
    {
        var edges = new Option<FileInfo>("--edges") { Description = "Edge list: a CSV with a header and source, target and weight columns (such as the cooccurrence.csv 'build' writes).", Required = true, HelpName = "file.csv" };
        var output = new Option<FileInfo?>("--out") { Description = "Write the node order, PageRank and communities as JSON here.", HelpName = "file.json" };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each algorithm; the fastest is reported (default 3).", DefaultValueFactory = _ => 3, HelpName = "n" };
        var command = new Command("graph", """
            Load an edge list and time weighted PageRank (damping 0.85, tolerance 1e-6, at most 100 iterations, as
            networkx), eigenvector centrality and Louvain (resolution 1, seed 42: one run, as networkx does, and the default best of several)
            on it; the loading is not timed.
            Prints the times; --out writes the results for comparison.
            """)
        {
            edges, output, runs,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, new Dictionary<string, string?>(), _ => { },
            (context, token) => Task.Run(() => Run(context, parse.GetValue(edges)!, parse.GetValue(output), Math.Max(1, parse.GetValue(runs))), token), cancellationToken));
        return command;
    }

    private static Command CreateLayout(CommandRunner runner)
    {
        var edges = new Option<FileInfo?>("--edges") { Description = "Edge list: a CSV with a header and source, target and weight columns (such as the cooccurrence.csv 'build' writes).", HelpName = "file.csv" };
        var synthetic = new Option<string?>("--synthetic") { Description = "Instead of --edges, a random graph of N nodes and M edges in 20 planted groups (70% of the edges inside them, weights log-uniform in [1, 100]), from the seed.", HelpName = "N:M" };
        var runs = new Option<int>("--runs") { Description = "Timed runs; the fastest is reported (default 3).", DefaultValueFactory = _ => 3, HelpName = "n" };
        var iterations = new Option<int?>("--iterations") { Description = "Layout iterations (default: build's).", HelpName = "n" };
        var seed = new Option<int>("--seed") { Description = "Seed of the starting positions (default 42).", DefaultValueFactory = _ => 42, HelpName = "n" };
        var command = new Command("layout", """
            Load an edge list and time the ForceAtlas2 layout 'build' computes (Barnes–Hut, LinLog, strong gravity, the
            default iterations), on every core; the loading is not timed. Prints the time, whether two runs gave the same
            coordinates bit for bit, and the layout's quality: mean edge length over mean distance of random pairs, and
            mean distance within Leiden communities over that between them (smaller is better).
            """)
        {
            edges, synthetic, runs, iterations, seed,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, new Dictionary<string, string?>(), _ => { },
            (context, token) => Task.Run(() => RunLayout(context, parse.GetValue(edges), parse.GetValue(synthetic), Math.Max(1, parse.GetValue(runs)), parse.GetValue(iterations), parse.GetValue(seed), token), token),
            cancellationToken));
        return command;
    }

    private static int RunLayout(CommandContext context, FileInfo? file, string? synthetic, int runs, int? iterations, int seed, CancellationToken cancellationToken)
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
        else if (file is null || !file.Exists)
        {
            throw new PaperGraphException(ErrorCodes.PathNotFound, file is null ? "give --edges file.csv or --synthetic N:M." : $"{file.FullName}: no such file.");
        }
        else
        {
            graph = ReadEdges(file.FullName).Graph;
            source = file.Name;
        }

        var settings = iterations is { } count ? new ForceAtlas2Settings(Iterations: count, Seed: seed) : new ForceAtlas2Settings(Seed: seed);
        var layouts = new List<NodePositions>();
        var seconds = Fastest(runs, () => layouts.Add(ForceAtlas2.Compute(graph, settings, cancellationToken)));
        var same = layouts.All(l => l.X.AsSpan().SequenceEqual(layouts[0].X) && l.Y.AsSpan().SequenceEqual(layouts[0].Y));
        var communities = Leiden.Detect(graph, new LeidenSettings(Seed: seed), cancellationToken);
        var quality = LayoutQuality.Measure(graph, layouts[0], communities.Community);
        context.Out.WriteLine(string.Create(inv, $"graph:    {graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} edges ({source})"));
        context.Out.WriteLine(string.Create(inv, $"layout:   {seconds:F3} s (fastest of {runs}; {settings.Iterations} iterations, {Environment.ProcessorCount} cores); runs identical: {(same ? "yes" : "NO")}"));
        context.Out.WriteLine(string.Create(inv, $"quality:  edge length / random pair distance {quality.EdgeLength:F3}; within / between {communities.Count} communities {quality.CommunitySpread:F3}"));
        return same ? ExitCodes.Success : ExitCodes.UnexpectedFailure;
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

    private static int Run(CommandContext context, FileInfo file, FileInfo? output, int runs)
    {
        var inv = CultureInfo.InvariantCulture;
        if (!file.Exists)
        {
            throw new PaperGraphException(ErrorCodes.PathNotFound, $"{file.FullName}: no such file.");
        }

        var (names, graph) = ReadEdges(file.FullName);
        double[] rank = [];
        Partition partition = null!, single = null!;
        var pageRankSeconds = Fastest(runs, () => rank = PageRank.Compute(graph, new PageRankSettings()));
        var eigenvectorSeconds = Fastest(runs, () => EigenvectorCentrality.Compute(graph, new EigenvectorSettings()));
        var singleSeconds = Fastest(runs, () => single = Louvain.Detect(graph, new LouvainSettings(Seed: 42, Restarts: 1)));
        var louvainSeconds = Fastest(runs, () => partition = Louvain.Detect(graph, new LouvainSettings(Seed: 42)));
        Partition leiden = null!;
        var leidenSeconds = Fastest(runs, () => leiden = Leiden.Detect(graph, new LeidenSettings(Seed: 42)));
        context.Out.WriteLine(string.Create(inv, $"graph:    {graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} edges ({file.Name})"));
        context.Out.WriteLine(string.Create(inv, $"pagerank: {pageRankSeconds:F4} s (fastest of {runs})"));
        context.Out.WriteLine(string.Create(inv, $"eigenvector: {eigenvectorSeconds:F4} s (fastest of {runs}; tolerance 1e-6, per component)"));
        context.Out.WriteLine(string.Create(inv, $"louvain:  {singleSeconds:F4} s one run (fastest of {runs}; {single.Count:N0} communities, modularity {single.Modularity:F6})"));
        context.Out.WriteLine(string.Create(inv, $"louvain:  {louvainSeconds:F4} s best of {new LouvainSettings().Restarts} runs, the default (fastest of {runs}; {partition.Count:N0} communities, modularity {partition.Modularity:F6})"));
        context.Out.WriteLine(string.Create(inv, $"leiden:   {leidenSeconds:F4} s best of {new LeidenSettings().Restarts} runs, the default of 'build' (fastest of {runs}; {leiden.Count:N0} communities, modularity {leiden.Modularity:F6})"));
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
            AtomicFile.WriteAllText(output.FullName, json);
        }

        return ExitCodes.Success;
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

using System.CommandLine;
using System.Globalization;
using PaperGraph.Graph.Communities;
using PaperGraph.Pipeline.Bench;

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
        var times = GraphBench.Layout(file?.FullName, synthetic, runs, iterations, seed, cancellationToken);
        context.Out.WriteLine(string.Create(inv, $"graph:    {times.Nodes:N0} nodes, {times.Edges:N0} edges ({times.Source})"));
        context.Out.WriteLine(string.Create(inv, $"layout:   {times.Seconds:F3} s (fastest of {runs}; {times.Iterations} iterations, {Environment.ProcessorCount} cores); runs identical: {(times.Identical ? "yes" : "NO")}"));
        context.Out.WriteLine(string.Create(inv, $"quality:  edge length / random pair distance {times.Quality.EdgeLength:F3}; within / between {times.Communities} communities {times.Quality.CommunitySpread:F3}"));
        return times.Identical ? ExitCodes.Success : ExitCodes.UnexpectedFailure;
    }

    private static int Run(CommandContext context, FileInfo file, FileInfo? output, int runs)
    {
        var inv = CultureInfo.InvariantCulture;
        var t = GraphBench.Algorithms(file.FullName, runs, output?.FullName);
        context.Out.WriteLine(string.Create(inv, $"graph:    {t.Nodes:N0} nodes, {t.Edges:N0} edges ({file.Name})"));
        context.Out.WriteLine(string.Create(inv, $"pagerank: {t.PageRankSeconds:F4} s (fastest of {runs})"));
        context.Out.WriteLine(string.Create(inv, $"eigenvector: {t.EigenvectorSeconds:F4} s (fastest of {runs}; tolerance 1e-6, per component)"));
        context.Out.WriteLine(string.Create(inv, $"louvain:  {t.LouvainSingleSeconds:F4} s one run (fastest of {runs}; {t.LouvainSingle.Count:N0} communities, modularity {t.LouvainSingle.Modularity:F6})"));
        context.Out.WriteLine(string.Create(inv, $"louvain:  {t.LouvainSeconds:F4} s best of {new LouvainSettings().Restarts} runs, the default (fastest of {runs}; {t.Louvain.Count:N0} communities, modularity {t.Louvain.Modularity:F6})"));
        context.Out.WriteLine(string.Create(inv, $"leiden:   {t.LeidenSeconds:F4} s best of {new LeidenSettings().Restarts} runs, the default of 'build' (fastest of {runs}; {t.Leiden.Count:N0} communities, modularity {t.Leiden.Modularity:F6})"));
        return ExitCodes.Success;
    }
}

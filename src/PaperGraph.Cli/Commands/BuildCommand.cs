using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperGraph.Core;
using PaperGraph.Graph;
using PaperGraph.Graph.Centrality;
using PaperGraph.Graph.Cooccurrence;
using PaperGraph.Graph.Export;
using PaperGraph.Concepts;
using PaperGraph.Pipeline.Build;
using PaperGraph.Workspace;
using PaperGraph.Pipeline.Explore;

namespace PaperGraph.Cli.Commands;

/// <summary><c>papergraph build</c>: ingest, extract, graph and analytics in one run; and <c>papergraph top</c>.</summary>
internal static class BuildCommand
{
    public static Command Create(CommandRunner runner)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders of papers to add first (as 'papergraph ingest'). None: rebuild from the papers already in the workspace.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var minPapers = new Option<int?>("--min-papers") { Description = "Papers a concept needs to be a node. Default adapts: 1 below 50 papers, 2 below 1,000, 3 below 20,000, else 5.", HelpName = "count" };
        var maxConcepts = new Option<int?>("--max-concepts") { Description = "Most relevant concepts kept as nodes (default 10000).", HelpName = "count" };
        var counting = new Option<Counting?>("--counting") { Description = "Co-occurrence: binary (once per paper, default), full (mentions multiplied) or sentence (same sentence).", HelpName = "binary|full|sentence" };
        var weight = new Option<EdgeWeighting?>("--weight") { Description = "Edge weight for communities: association (default), count, npmi or jaccard. Centrality uses the counts (Graph:CentralityOnCount).", HelpName = "association|count|npmi|jaccard" };
        var minCount = new Option<int?>("--min-count") { Description = "Drop edges counted fewer times. Default adapts: 1 below 1,000 papers, else 2.", HelpName = "count" };
        var topNeighbors = new Option<int?>("--top-neighbors") { Description = "Keep only each concept's heaviest edges (0 = all, the default).", HelpName = "k" };
        var communities = new Option<CommunityAlgorithm?>("--communities") { Description = "Community detection: leiden (default) or louvain.", HelpName = "leiden|louvain" };
        var resolution = new Option<double?>("--resolution") { Description = "Community resolution: above 1 gives smaller communities (default 1).", HelpName = "gamma" };
        var memory = new Option<int?>("--memory")
        {
            Description = "Memory the build may use, in MB (Build:MemoryBudgetMB). Default: 75% of the memory available. Papers and their terms stay on disk; a build that needs more stops and says so.",
            HelpName = "MB",
        };
        var seed = new Option<int?>("--seed") { Description = "Seed of communities, betweenness sampling and the map's layout (default 42); same input and seed give the same output.", HelpName = "n" };
        var command = new Command("build", """
            The whole job in one run: read the given files into the workspace (as 'ingest'), extract concepts from new
            or changed papers (as 'extract'), build the concept co-occurrence graph and compute degree, weighted
            degree, PageRank, betweenness, eigenvector centrality, k-core, connected components and communities.
            Writes into the workspace: concepts.csv, cooccurrence.csv, graph.graphml, graph.gexf (Gephi),
            vosviewer-map.txt and vosviewer-network.txt (VOSviewer), trends.csv (papers per concept and month),
            summary.json; and stores the graph for
            'papergraph top'. Settings: configuration sections "Graph" and "Concepts" (see README).
            """)
        {
            paths, SharedOptions.Workspace, minPapers, maxConcepts, counting, weight, minCount, topNeighbors, communities, resolution, seed, memory,
        };
        var (stopList, thesaurus) = SharedOptions.CorrectionOptions();
        command.Options.Add(stopList);
        command.Options.Add(thesaurus);
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = SharedOptions.WithFiles(SharedOptions.WorkspaceOverride(parse), parse.GetValue(stopList), parse.GetValue(thesaurus));
            void Set<T>(Option<T> option, string key) => SharedOptions.Override(parse, overrides, option, GraphOptions.SectionName, key);

            Set(minPapers, nameof(GraphOptions.MinPapers));
            Set(maxConcepts, nameof(GraphOptions.MaxConcepts));
            Set(counting, nameof(GraphOptions.Counting));
            Set(weight, nameof(GraphOptions.Weight));
            Set(minCount, nameof(GraphOptions.MinCount));
            Set(topNeighbors, nameof(GraphOptions.TopNeighbors));
            Set(communities, nameof(GraphOptions.Communities));
            Set(resolution, nameof(GraphOptions.Resolution));
            Set(seed, nameof(GraphOptions.Seed));
            SharedOptions.Override(parse, overrides, memory, BuildOptions.SectionName, nameof(BuildOptions.MemoryBudgetMB));
            return runner.RunAsync(parse, overrides, ConfigureServices,
                (context, token) => Task.Run(() => Run(context, parse.GetValue(paths) ?? [], token), token), cancellationToken);
        });
        return command;
    }

    public static Command CreateTop(CommandRunner runner)
    {
        var by = new Option<NodeMeasure>("--by")
        {
            Description = "The measure to rank by. Default: topic, topic centrality = PageRank × keyphraseness², where keyphraseness is the mean probability, over the papers that mention a concept, that it is one of their keyphrases: central concepts that papers are about, rather than the broad words ('theory', 'results') that plain centrality puts first.",
            DefaultValueFactory = _ => NodeMeasure.Topic,
            HelpName = "topic|pagerank|betweenness|degree|eigenvector",
        };
        var count = new Option<int>("-n", "--top") { Description = "How many concepts to list (default 20).", DefaultValueFactory = _ => 20, HelpName = "count" };
        count.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("-n must be at least 1."); } });
        var community = new Option<int?>("--community") { Description = "Only concepts of this community (0 is the biggest).", HelpName = "id" };
        var phrases = new Option<bool>("--phrases") { Description = "Only concepts of two words or more and abbreviations: leave out broad one-word terms such as 'theory' or 'function', which a large corpus ranks high." };
        var explain = new Option<bool>("--explain") { Description = "Show the parts of each concept's topic centrality: PageRank, keyphraseness, and where PageRank alone would rank it." };
        var format = SharedOptions.Format();
        var command = new Command("top", "Print the workspace's most central concepts as a table, most central research topics first (see --by). Run 'papergraph build' first.")
        {
            SharedOptions.ExistingWorkspace, by, count, community, phrases, explain, format,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, SharedOptions.WorkspaceOverride(parse), SharedOptions.ConfigureWorkspace,
            (context, token) => Task.Run(() => RunTop(context, parse.GetValue(by), parse.GetValue(count), parse.GetValue(community), parse.GetValue(phrases), parse.GetValue(explain), parse.GetValue(format)), token), cancellationToken));
        return command;
    }

    private static void ConfigureServices(IServiceCollection services)
    {
        SharedOptions.ConfigureWorkspace(services);
        SharedOptions.ConfigureConceptOptions(services);
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
        services.AddOptions<BuildOptions>().BindConfiguration(BuildOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BuildOptions>, BuildOptionsValidator>();
    }

    private static int Run(CommandContext context, string[] paths, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        var options = context.Options<GraphOptions>();
        var settings = new BuildSettings(context.Options<WorkspaceOptions>().Path, paths.Length > 0 ? Bind.Ingest(context, paths) : null,
            Bind.Extract(context), options.ToSettings(), context.Options<BuildOptions>().MemoryBudgetBytes());
        var result = BuildRun.Run(settings, context.Loggers, context.Progress, cancellationToken,
            ingested: ingest =>
            {
                context.Progress.Clear();
                Summaries.Ingest(context.Out, ingest);
                if (!ingest.FailedStrict && ingest.Statistics.Papers > 0)
                {
                    context.Out.WriteLine();
                }
            },
            extracted: extraction =>
            {
                context.Progress.Clear();
                Summaries.Extract(context.Out, extraction, extraction.Directory, all: false);
                context.Out.WriteLine();
            });
        context.Progress.Clear();
        if (result.Graph is not { } graph || result.Extraction is not { } extraction)
        {
            return ExitCodes.BadInput; // --strict and the ingest step skipped something: its summary said what.
        }

        var a = graph.Analysis;
        var cooc = graph.Cooccurrence;
        var minPapers = result.MinPapers;
        context.Out.WriteLine(string.Create(inv, $"Built the concept graph in {result.Directory} in {result.Stages.Sum(s => s.Seconds):F1} s"));
        context.Out.WriteLine(string.Create(inv, $"  papers:      {extraction.Papers:N0}"));
        context.Out.WriteLine(string.Create(inv, $"  concepts:    {extraction.Concepts:N0}; nodes: {graph.Concepts.Count:N0} (in at least {minPapers} papers, at most {options.MaxConcepts:N0}, by relevance)"));
        context.Out.WriteLine(string.Create(inv, $"  edges:       {cooc.Edges.Count:N0} of {cooc.CandidatePairs:N0} co-occurring pairs ({cooc.Settings.Counting.ToString().ToLowerInvariant()} counting, {cooc.Settings.Weighting.ToString().ToLowerInvariant()} weight, count at least {cooc.Settings.MinCount}{(cooc.Settings.TopNeighbors > 0 ? string.Create(inv, $", top {cooc.Settings.TopNeighbors} neighbours") : "")})"));
        context.Out.WriteLine(string.Create(inv, $"  components:  {a.ComponentCount:N0} (the biggest has {a.Nodes.Component.Count(c => c == 0):N0} nodes)"));
        context.Out.WriteLine(string.Create(inv, $"  communities: {a.Partition.Count:N0} ({options.Communities.ToString().ToLowerInvariant()}, resolution {options.Resolution}, seed {options.Seed}), modularity {a.Partition.Modularity:F4}"));
        context.Out.WriteLine(string.Create(inv, $"  betweenness: {(a.BetweennessSampled ? $"estimated from {options.BetweennessPivots:N0} sampled sources (more than {options.BetweennessExactUpTo:N0} nodes)" : "exact")}"));
        context.Out.WriteLine("  time:        " + string.Join(", ", result.Stages.Select(s => string.Create(inv, $"{s.Stage} {s.Seconds:F1} s"))));
        context.Out.WriteLine("  analytics:   " + string.Join(", ", result.Analytics.Select(s => string.Create(inv, $"{s.Step} {s.Seconds:F2} s"))));
        context.Out.WriteLine(string.Create(inv, $"  peak memory: {result.PeakMemoryBytes / 1e6:N0} MB{(result.MemoryBudgetBytes is { } budget ? $" (budget {budget >> 20:N0} MB)" : "")}"));
        context.Out.WriteLine(string.Create(inv, $"  months:      {result.Months:N0} concept-months in {BuildOutputs.Files.Trends}{(result.Undated > 0 ? $"; {result.Undated:N0} papers without a year and month are not in it" : "")}"));
        context.Out.WriteLine($"  files:       {string.Join(", ", BuildOutputs.Files.All)}");
        context.Out.WriteLine($"  next:        papergraph top --workspace {result.Directory}");
        return ExitCodes.Success;
    }

    private static int RunTop(CommandContext context, NodeMeasure by, int count, int? community, bool phrases, bool explain, OutputFormat format)
    {
        var inv = CultureInfo.InvariantCulture;
        var view = ExploreQueries.Top(context.Options<WorkspaceOptions>().Path, by, count, community, phrases, withPageRankRanks: explain && format == OutputFormat.Table);
        var rows = view.Rows;
        if (format != OutputFormat.Table)
        {
            Rows.Write(context.Out, format, "concepts",
                ["rank", "key", "name", "papers", "degree", "weightedDegree", "topic", "keyphraseness", "pagerank", "betweenness", "eigenvector", "core", "community"],
                rows.Select((r, i) => new object?[] { i + 1, r.Key, r.Name, r.Papers, r.Node.Degree, r.Node.WeightedDegree, r.Node.Topic, r.Node.Keyphraseness,
                    r.Node.PageRank, r.Node.Betweenness, r.Node.Eigenvector, r.Node.Core, r.Node.Community }),
                json =>
                {
                    json.WriteString("by", WorkspaceDatabase.Column(by));
                    json.WriteNumber("graphConcepts", view.GraphConcepts);
                });
            return ExitCodes.Success;
        }

        var scope = (community is { } c ? $" in community {c}" : "") + (phrases ? ", phrases and abbreviations only" : "");
        var measure = by == NodeMeasure.Topic ? "topic centrality (PageRank × keyphraseness²)" : by.ToString().ToLowerInvariant();
        context.Out.WriteLine(string.Create(inv, $"Top {rows.Count} concepts by {measure}{scope} ({view.GraphConcepts:N0} in the graph)"));
        if (explain)
        {
            // Where plain PageRank would put each concept, to show what keyphraseness changed.
            var pageRankRank = view.PageRankRanks;
            context.Out.WriteLine(string.Create(inv, $"  {"#",4}  {"concept",-44} {"papers",7} {"topic",10}   {"pagerank",10}   {"keyphr.²",8} {"(keyphr.)",9} {"pagerank rank",13}"));
            for (var i = 0; i < rows.Count; i++)
            {
                var (r, n) = (rows[i], rows[i].Node);
                var rank = pageRankRank.TryGetValue(r.Key, out var p) ? p.ToString("N0", inv) : "-";
                context.Out.WriteLine(string.Create(inv,
                    $"  {i + 1,4}  {Name(r.Name)} {r.Papers,7:N0} {Scientific(n.Topic),10} = {Cell(n.PageRank, 10)} × {(n.Keyphraseness is { } k ? (k * k).ToString("F4", inv) : "-"),8} {(n.Keyphraseness is { } kp ? $"({kp:F3})" : "-"),9} {rank,13}"));
            }

            return ExitCodes.Success;
        }

        context.Out.WriteLine(string.Create(inv, $"  {"#",4}  {"concept",-44} {"papers",7} {"degree",7} {"topic",10} {"pagerank",10} {"betweenness",11} {"eigenvector",11} {"core",5} {"community",9}"));
        for (var i = 0; i < rows.Count; i++)
        {
            var (r, n) = (rows[i], rows[i].Node);
            context.Out.WriteLine(string.Create(inv,
                $"  {i + 1,4}  {Name(r.Name)} {r.Papers,7:N0} {n.Degree,7:N0} {Scientific(n.Topic),10} {Cell(n.PageRank, 10)} {n.Betweenness,11:F6} {Cell(n.Eigenvector, 11)} {n.Core,5} {n.Community,9}"));
        }

        return ExitCodes.Success;

        static string Name(string name) => Rows.Truncate(name, 44).PadRight(44);
    }

    /// <summary>A small measure in scientific notation (topic centrality is PageRank times a square), or a dash where the build left it empty.</summary>
    private static string Scientific(double? value) => value is { } v ? v.ToString("0.000E+00", CultureInfo.InvariantCulture) : "-";

    /// <summary>A measure right-aligned in <paramref name="width"/> with six decimals, or a dash where the build left it empty.</summary>
    private static string Cell(double? value, int width) =>
        (value is { } v ? v.ToString("F6", CultureInfo.InvariantCulture) : "-").PadLeft(width);
}

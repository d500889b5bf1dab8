using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperGraph.Core;
using PaperGraph.Graph;
using PaperGraph.Graph.Centrality;
using PaperGraph.Graph.Cooccurrence;
using PaperGraph.Graph.Export;
using PaperGraph.Concepts;
using PaperGraph.Workspace;

namespace PaperGraph.Cli.Commands;

/// <summary><c>papergraph build</c>: ingest, extract, graph and analytics in one run; and <c>papergraph top</c>.</summary>
internal static class BuildCommand
{
    /// <summary>The files <c>build</c> writes into the workspace.</summary>
    internal static class Files
    {
        public const string Concepts = "concepts.csv";
        public const string Cooccurrence = "cooccurrence.csv";
        public const string GraphMl = "graph.graphml";
        public const string Gexf = "graph.gexf";
        public const string VosViewerMap = "vosviewer-map.txt";
        public const string VosViewerNetwork = "vosviewer-network.txt";
        public const string Summary = "summary.json";
        public const string Trends = TrendsCommand.FileName;
    }

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
            paths, IngestCommand.Workspace, minPapers, maxConcepts, counting, weight, minCount, topNeighbors, communities, resolution, seed,
        };
        var (stopList, thesaurus) = ExtractCommand.CorrectionOptions();
        command.Options.Add(stopList);
        command.Options.Add(thesaurus);
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = ExtractCommand.WithFiles(IngestCommand.WorkspaceOverride(parse), parse.GetValue(stopList), parse.GetValue(thesaurus));
            void Set<T>(Option<T> option, string key) => IngestCommand.Override(parse, overrides, option, GraphOptions.SectionName, key);

            Set(minPapers, nameof(GraphOptions.MinPapers));
            Set(maxConcepts, nameof(GraphOptions.MaxConcepts));
            Set(counting, nameof(GraphOptions.Counting));
            Set(weight, nameof(GraphOptions.Weight));
            Set(minCount, nameof(GraphOptions.MinCount));
            Set(topNeighbors, nameof(GraphOptions.TopNeighbors));
            Set(communities, nameof(GraphOptions.Communities));
            Set(resolution, nameof(GraphOptions.Resolution));
            Set(seed, nameof(GraphOptions.Seed));
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
        var format = ExploreCommands.FormatOption();
        var command = new Command("top", "Print the workspace's most central concepts as a table, most central research topics first (see --by). Run 'papergraph build' first.")
        {
            IngestCommand.ExistingWorkspace, by, count, community, phrases, explain, format,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, IngestCommand.WorkspaceOverride(parse), IngestCommand.ConfigureServices,
            (context, token) => Task.Run(() => RunTop(context, parse.GetValue(by), parse.GetValue(count), parse.GetValue(community), parse.GetValue(phrases), parse.GetValue(explain), parse.GetValue(format)), token), cancellationToken));
        return command;
    }

    private static void ConfigureServices(IServiceCollection services)
    {
        IngestCommand.ConfigureServices(services);
        ExtractCommand.ConfigureConceptOptions(services);
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>();
    }

    private static int Run(CommandContext context, string[] paths, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        var stages = new List<(string Stage, double Seconds)>();
        var clock = Stopwatch.StartNew();
        var options = context.Options<GraphOptions>();
        var conceptSettings = context.Options<ConceptOptions>().ToSettings();
        if (paths.Length > 0)
        {
            var status = IngestCommand.Run(context, paths, cancellationToken);
            stages.Add(("ingest", clock.Elapsed.TotalSeconds));
            if (status != ExitCodes.Success)
            {
                return status;
            }

            context.Out.WriteLine();
        }

        // With no paths, build redoes an existing workspace: a mistyped folder is an error, not a new empty workspace.
        var directory = context.Options<WorkspaceOptions>().Path;
        using var workspace = paths.Length > 0 ? WorkspaceDatabase.Open(directory) : WorkspaceDatabase.OpenExisting(directory);
        clock.Restart();
        var extraction = ExtractCommand.Extract(context, workspace, conceptSettings, all: false, cancellationToken, store: false);
        context.Progress.Clear();
        extraction.WriteSummary(context.Out, workspace.Directory, all: false);
        context.Out.WriteLine();
        stages.Add(("extract", clock.Elapsed.TotalSeconds));

        var minPapers = RequireNodes(workspace, extraction.Index, options);
        var published = workspace.ReadPublished();

        // The concepts are stored while the graph is built and its files written: the graph needs only the index in
        // memory, and the database is touched by the storing task alone until it is awaited. On the 200k corpus the
        // storing is the longer of the two: the graph was done 9 s before it.
        clock.Restart();
        var storing = Task.Run(() => ExtractCommand.StoreConcepts(workspace, extraction.Index), cancellationToken);
        ConceptGraph graph;
        IReadOnlyList<(string Step, double Seconds)> graphTimings;
        try
        {
            graph = BuildGraph(context, extraction.Index, options, minPapers, cancellationToken, out graphTimings);
        }
        catch
        {
            storing.WaitQuietly();
            throw;
        }

        stages.Add(("graph and analytics", clock.Elapsed.TotalSeconds));

        clock.Restart();
        context.Progress.Report("build: writing the graph files and storing the concepts and the graph", force: true);
        // The files and the database are written side by side: they share nothing but the graph, which is only read.
        var (months, bursts, corpusMonths, undated) = TrendsCommand.MonthlyPapers(extraction.Index, graph.Concepts, published);
        // Each link's papers, best evidence first, are found while concepts.csv is written and the concepts stored;
        // the other files and the graph's rows wait for them.
        var withEvidence = Task.Run(() => graph with { Evidence = graph.Cooccurrence.AllEvidence(ranked: true), EvidencePerEdge = options.EvidencePerEdge }, cancellationToken);
        var writing = Task.Run(() => WriteOutputs(workspace, graph, withEvidence, months, cancellationToken), cancellationToken);
        try
        {
            // The graph's rows (edges in key order, with their evidence) are ready by the time the concepts are stored.
            var rows = Task.Run(() => GraphRows(withEvidence.GetAwaiter().GetResult()), cancellationToken);
            storing.GetAwaiter().GetResult();
            var (nodes, edges) = rows.GetAwaiter().GetResult();
            workspace.ReplaceGraph(nodes, edges, graph.Analysis.Missing.ToDictionary(m => m.Measure, m => m.Reason, StringComparer.Ordinal), months, bursts, (corpusMonths, undated));
        }
        finally
        {
            writing.GetAwaiter().GetResult();
        }
        stages.Add(("outputs", clock.Elapsed.TotalSeconds));
        context.Progress.Clear();

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        WriteSummaryJson(workspace, graph, options, minPapers, extraction, stages, graphTimings, peak);
        var a = graph.Analysis;
        var cooc = graph.Cooccurrence;
        context.Out.WriteLine(string.Create(inv, $"Built the concept graph in {workspace.Directory} in {stages.Sum(s => s.Seconds):F1} s"));
        context.Out.WriteLine(string.Create(inv, $"  papers:      {extraction.Index.DocumentCount:N0}"));
        context.Out.WriteLine(string.Create(inv, $"  concepts:    {extraction.Index.Concepts.Count:N0}; nodes: {graph.Concepts.Count:N0} (in at least {minPapers} papers, at most {options.MaxConcepts:N0}, by relevance)"));
        context.Out.WriteLine(string.Create(inv, $"  edges:       {cooc.Edges.Count:N0} of {cooc.CandidatePairs:N0} co-occurring pairs ({cooc.Settings.Counting.ToString().ToLowerInvariant()} counting, {cooc.Settings.Weighting.ToString().ToLowerInvariant()} weight, count at least {cooc.Settings.MinCount}{(cooc.Settings.TopNeighbors > 0 ? string.Create(inv, $", top {cooc.Settings.TopNeighbors} neighbours") : "")})"));
        context.Out.WriteLine(string.Create(inv, $"  components:  {a.ComponentCount:N0} (the biggest has {a.Nodes.Component.Count(c => c == 0):N0} nodes)"));
        context.Out.WriteLine(string.Create(inv, $"  communities: {a.Partition.Count:N0} ({options.Communities.ToString().ToLowerInvariant()}, resolution {options.Resolution}, seed {options.Seed}), modularity {a.Partition.Modularity:F4}"));
        context.Out.WriteLine(string.Create(inv, $"  betweenness: {(a.BetweennessSampled ? $"estimated from {options.BetweennessPivots:N0} sampled sources (more than {options.BetweennessExactUpTo:N0} nodes)" : "exact")}"));
        context.Out.WriteLine("  time:        " + string.Join(", ", stages.Select(s => string.Create(inv, $"{s.Stage} {s.Seconds:F1} s"))));
        context.Out.WriteLine("  analytics:   " + string.Join(", ", graphTimings.Select(s => string.Create(inv, $"{s.Step} {s.Seconds:F2} s"))));
        context.Out.WriteLine(string.Create(inv, $"  peak memory: {peak / 1e6:N0} MB"));
        context.Out.WriteLine(string.Create(inv, $"  months:      {months.Count:N0} concept-months in {Files.Trends}{(undated > 0 ? $"; {undated:N0} papers without a year and month are not in it" : "")}"));
        context.Out.WriteLine($"  files:       {string.Join(", ", Files.Concepts, Files.Cooccurrence, Files.GraphMl, Files.Gexf, Files.VosViewerMap, Files.VosViewerNetwork, Files.Trends, Files.Summary)}");
        context.Out.WriteLine($"  next:        papergraph top --workspace {workspace.Directory}");
        return ExitCodes.Success;
    }

    /// <summary>
    /// The papers a concept needs to be a node in this corpus; refuses a build that would leave no node, before
    /// anything of the previous graph is replaced: a corpus without concepts is a data error (exit 3), a node threshold
    /// set above every concept a settings error (exit 2).
    /// </summary>
    private static int RequireNodes(WorkspaceDatabase workspace, ConceptIndex index, GraphOptions options)
    {
        var inv = CultureInfo.InvariantCulture;
        var papers = index.DocumentCount;
        var kept = workspace.Count("graph_nodes") > 0 ? "the workspace keeps its previous graph" : "no graph was written";
        if (index.Concepts.Count == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoConcepts, string.Create(inv,
                $"{workspace.Directory}: none of the {papers:N0} papers has a concept (a noun phrase or an abbreviation) to put in a graph; {kept}. Check that the input holds English titles and abstracts."));
        }

        var most = index.Concepts.Values.Max(c => c.Documents);
        var minPapers = options.MinPapersFor(papers, most);
        if (most < minPapers)
        {
            // Only a threshold the user set can be above every concept: the default adapts (GraphOptions.MinPapersFor).
            throw new PaperGraphException(ErrorCodes.NoGraphNodes, string.Create(inv,
                $"{workspace.Directory}: no concept is in at least {minPapers:N0} papers (the most widespread of the {index.Concepts.Count:N0} concepts is in {most:N0}), so the graph would have no node; {kept}. Set --min-papers to {most:N0} or less."));
        }

        return minPapers;
    }

    /// <summary>Chooses the nodes (concepts in at least <paramref name="minPapers"/> papers), builds the co-occurrence graph and runs every measure on it.</summary>
    internal static ConceptGraph BuildGraph(CommandContext context, ConceptIndex index, GraphOptions options, int minPapers, CancellationToken cancellationToken,
        out IReadOnlyList<(string Step, double Seconds)> timings)
    {
        var inv = CultureInfo.InvariantCulture;
        var clock = Stopwatch.StartNew();
        var steps = new List<(string, double)>();
        var papers = index.DocumentCount;
        context.Progress.Report(string.Create(inv, $"graph: choosing concepts in at least {minPapers} papers"), force: true);
        var chosen = index.Concepts.Values
            .Where(c => c.Documents >= minPapers)
            .OrderByDescending(c => c.Relevance).ThenByDescending(c => c.Documents).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(options.MaxConcepts)
            .ToList();
        var node = new Dictionary<string, int>(chosen.Count, StringComparer.Ordinal);
        for (var i = 0; i < chosen.Count; i++)
        {
            node[chosen[i].Key] = i;
        }

        var paperIds = index.ByDocument.Keys.Order(StringComparer.Ordinal).ToArray();
        var occurrences = new ConceptOccurrence[paperIds.Length][];
        for (var p = 0; p < paperIds.Length; p++)
        {
            var list = new List<ConceptOccurrence>();
            foreach (var concept in index.ByDocument[paperIds[p]])
            {
                if (node.TryGetValue(concept.Key, out var id))
                {
                    list.Add(new ConceptOccurrence(id, concept.Count, concept.Sentences, concept.Score));
                }
            }

            occurrences[p] = [.. list];
        }

        var keyphraseness = chosen.Select(c => c.Keyphraseness).ToArray();

        steps.Add(("nodes", clock.Elapsed.TotalSeconds));
        clock.Restart();
        context.Progress.Report(string.Create(inv, $"graph: counting co-occurrences of {chosen.Count:N0} concepts in {papers:N0} papers"), force: true);
        var settings = new CooccurrenceSettings(options.Counting, options.Weight, options.MinCountFor(papers), options.TopNeighbors);
        var cooccurrence = CooccurrenceBuilder.Build(occurrences, chosen.Count, settings, cancellationToken);
        if (cooccurrence.Edges.Count == 0 && cooccurrence.CandidatePairs > 0)
        {
            context.Progress.Clear();
            Log.NoEdges(context.Logger<CooccurrenceGraph>(), cooccurrence.CandidatePairs, settings.MinCount);
        }

        steps.Add(("co-occurrence", clock.Elapsed.TotalSeconds));

        var analysis = GraphAnalysis.Run(cooccurrence, options.ToAnalysisSettings(), keyphraseness,
            new InlineProgress(step => context.Progress.Report(string.Create(inv, $"graph: {step} on {chosen.Count:N0} nodes and {cooccurrence.Edges.Count:N0} edges"), force: true)),
            cancellationToken);
        if (analysis.Missing.Count > 0)
        {
            context.Progress.Clear();
            var logger = context.Logger<GraphAnalysisResult>();
            foreach (var missing in analysis.Missing)
            {
                Log.MeasureMissing(logger, missing.Measure, missing.Reason, options.MaxIterations, options.Tolerance);
            }
        }

        steps.AddRange(analysis.Timings);
        timings = steps;
        var concepts = chosen.Select(c => c.ToSummary()).ToList();
        return new ConceptGraph(concepts, cooccurrence, analysis) { PaperIds = paperIds };
    }

    /// <summary>Writes the graph files, each whole or not at all (<see cref="AtomicFile"/>): a run stopped half-way leaves the previous ones.</summary>
    private static void WriteOutputs(WorkspaceDatabase workspace, ConceptGraph graph, Task<ConceptGraph> withEvidence, IReadOnlyList<ConceptMonth> months, CancellationToken cancellationToken)
    {
        string In(string name) => Path.Combine(workspace.Directory, name);
        AtomicFile.WriteText(In(Files.Concepts), writer => GraphExport.WriteConceptsCsv(graph, writer));
        cancellationToken.ThrowIfCancellationRequested();
        graph = withEvidence.GetAwaiter().GetResult();
        AtomicFile.WriteText(In(Files.Cooccurrence), writer => GraphExport.WriteCooccurrenceCsv(graph, writer));
        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.Write(In(Files.GraphMl), stream => GraphExport.WriteGraphMl(graph, stream));
        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.Write(In(Files.Gexf), stream => GraphExport.WriteGexf(graph, stream));
        cancellationToken.ThrowIfCancellationRequested();
        using var map = AtomicFile.Create(In(Files.VosViewerMap));
        using var network = AtomicFile.Create(In(Files.VosViewerNetwork));
        using (var mapWriter = map.CreateText())
        using (var networkWriter = network.CreateText())
        {
            GraphExport.WriteVosViewer(graph, mapWriter, networkWriter);
        }

        map.Commit();
        network.Commit();
        cancellationToken.ThrowIfCancellationRequested();
        AtomicFile.WriteText(In(Files.Trends), writer => TrendsCommand.WriteCsv(months, writer));
    }

    /// <summary>The rows <see cref="WorkspaceDatabase.ReplaceGraph"/> stores: nodes, and edges with their evidence in the table's key order.</summary>
    private static (List<GraphNodeRecord> Nodes, List<GraphEdgeRecord> Edges) GraphRows(ConceptGraph graph)
    {
        var m = graph.Analysis.Nodes;
        var nodes = Enumerable.Range(0, graph.Concepts.Count).Select(v => new GraphNodeRecord(graph.Concepts[v].Key, m.Degree[v], m.WeightedDegree[v],
            m.PageRank?[v], m.Betweenness[v], m.Eigenvector?[v], m.Core[v], m.Community[v], m.Component[v], m.Keyphraseness[v], m.Topic?[v],
            m.Positions?.X[v], m.Positions?.Y[v])).ToList();
        var evidence = graph.Evidence!;
        // Edges in the table's key order, (source, target) as SQLite compares them (UTF-8 bytes): the table is keyed by
        // the pair, and appending at its end instead of all over it took the 1.3M edges of the 200k corpus from 7.4 to 6.4 s.
        var keyBytes = graph.Concepts.Select(c => Encoding.UTF8.GetBytes(c.Key)).ToArray();
        var byKey = Enumerable.Range(0, keyBytes.Length).ToArray();
        Array.Sort(byKey, (a, b) => keyBytes[a].AsSpan().SequenceCompareTo(keyBytes[b]));
        var rank = new int[byKey.Length];
        for (var i = 0; i < byKey.Length; i++)
        {
            rank[byKey[i]] = i;
        }

        var all = graph.Cooccurrence.Edges;
        var order = Enumerable.Range(0, all.Count).ToArray();
        Array.Sort(order, (a, b) => rank[all[a].Source] != rank[all[b].Source]
            ? rank[all[a].Source].CompareTo(rank[all[b].Source])
            : rank[all[a].Target].CompareTo(rank[all[b].Target]));
        var edges = order.Select(i => new GraphEdgeRecord(graph.Concepts[all[i].Source].Key, graph.Concepts[all[i].Target].Key,
            all[i].Papers, all[i].Count, all[i].Weight, evidence[i].ConvertAll(p => graph.PaperIds[p]))).ToList();
        return (nodes, edges);
    }

    private static void WriteSummaryJson(WorkspaceDatabase workspace, ConceptGraph graph, GraphOptions options, int minPapers, ExtractCommand.ExtractionResult extraction,
        List<(string Stage, double Seconds)> stages, IReadOnlyList<(string Step, double Seconds)> analytics, long peak)
    {
        var a = graph.Analysis;
        var summary = new
        {
            papers = extraction.Index.DocumentCount,
            concepts = extraction.Index.Concepts.Count,
            nodes = graph.Concepts.Count,
            edges = graph.Cooccurrence.Edges.Count,
            cooccurringPairs = graph.Cooccurrence.CandidatePairs,
            components = a.ComponentCount,
            communities = a.Partition.Count,
            modularity = a.Partition.Modularity,
            betweennessSampled = a.BetweennessSampled,
            missingMeasures = a.Missing.ToDictionary(m => m.Measure, m => m.Reason, StringComparer.Ordinal),
            settings = new
            {
                minPapers,
                maxConcepts = options.MaxConcepts,
                counting = graph.Cooccurrence.Settings.Counting.ToString().ToLowerInvariant(),
                weight = graph.Cooccurrence.Settings.Weighting.ToString().ToLowerInvariant(),
                minCount = graph.Cooccurrence.Settings.MinCount,
                topNeighbors = graph.Cooccurrence.Settings.TopNeighbors,
                communityAlgorithm = options.Communities.ToString().ToLowerInvariant(),
                resolution = options.Resolution,
                seed = options.Seed,
                damping = options.Damping,
                tolerance = options.Tolerance,
                betweennessExactUpTo = options.BetweennessExactUpTo,
                betweennessPivots = options.BetweennessPivots,
                layout = options.LayoutIterations > 0
                    ? new { algorithm = "forceatlas2", iterations = options.LayoutIterations, linLog = options.LayoutLinLog, gravity = options.LayoutGravity, seed = options.Seed }
                    : null,
            },
            secondsPerStage = stages.ToDictionary(s => s.Stage, s => Math.Round(s.Seconds, 3)),
            secondsPerAnalytic = analytics.ToDictionary(s => s.Step, s => Math.Round(s.Seconds, 3)),
            peakMemoryBytes = peak,
        };
        AtomicFile.WriteAllText(Path.Combine(workspace.Directory, Files.Summary), JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static int RunTop(CommandContext context, NodeMeasure by, int count, int? community, bool phrases, bool explain, OutputFormat format)
    {
        var inv = CultureInfo.InvariantCulture;
        using var workspace = WorkspaceDatabase.OpenExisting(context.Options<WorkspaceOptions>().Path);
        if (workspace.Count("graph_nodes") == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoPapersFound, $"{workspace.Directory}: no concept graph yet; run 'papergraph build --workspace {workspace.Directory}' first.");
        }

        var missing = workspace.ReadMissingMeasures();
        if (missing.TryGetValue(WorkspaceDatabase.Column(by), out var reason))
        {
            // A convergence failure is cured by a larger iteration limit; a graph from an earlier PaperGraph by a new build.
            var cure = reason.Contains("did not converge", StringComparison.Ordinal)
                ? "or raise Graph:MaxIterations and build again"
                : $"or run 'papergraph build --workspace {workspace.Directory}' again";
            throw new PaperGraphException(ErrorCodes.MeasureNotComputed,
                $"{workspace.Directory}: the last build left {WorkspaceDatabase.Column(by)} empty ({reason}); rank by another measure (--by degree or betweenness), {cure}.");
        }

        var rows = workspace.ReadTopConcepts(by, count, community, phrases);
        if (rows.Count == 0 && community is not null && workspace.ReadTopConcepts(by, 1, community).Count == 0)
        {
            throw new PaperGraphException(ErrorCodes.InvalidArgument, string.Create(inv, $"community {community} has no concepts; communities are numbered 0 (the biggest) and up."));
        }

        if (format != OutputFormat.Table)
        {
            ExploreCommands.WriteRows(context.Out, format, "concepts",
                ["rank", "key", "name", "papers", "degree", "weightedDegree", "topic", "keyphraseness", "pagerank", "betweenness", "eigenvector", "core", "community"],
                rows.Select((r, i) => new object?[] { i + 1, r.Key, r.Name, r.Papers, r.Node.Degree, r.Node.WeightedDegree, r.Node.Topic, r.Node.Keyphraseness,
                    r.Node.PageRank, r.Node.Betweenness, r.Node.Eigenvector, r.Node.Core, r.Node.Community }),
                json =>
                {
                    json.WriteString("by", WorkspaceDatabase.Column(by));
                    json.WriteNumber("graphConcepts", workspace.Count("graph_nodes"));
                });
            return ExitCodes.Success;
        }

        var scope = (community is { } c ? $" in community {c}" : "") + (phrases ? ", phrases and abbreviations only" : "");
        var measure = by == NodeMeasure.Topic ? "topic centrality (PageRank × keyphraseness²)" : by.ToString().ToLowerInvariant();
        context.Out.WriteLine(string.Create(inv, $"Top {rows.Count} concepts by {measure}{scope} ({workspace.Count("graph_nodes"):N0} in the graph)"));
        if (explain)
        {
            // Where plain PageRank would put each concept, to show what keyphraseness changed.
            var byPageRank = missing.ContainsKey(WorkspaceDatabase.Column(NodeMeasure.PageRank)) ? [] : workspace.ReadTopConcepts(NodeMeasure.PageRank, int.MaxValue);
            var pageRankRank = byPageRank.Select((r, i) => (r.Key, Rank: i + 1)).ToDictionary(x => x.Key, x => x.Rank, StringComparer.Ordinal);
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

        static string Name(string name) => ExtractCommand.Truncate(name, 44).PadRight(44);
    }

    /// <summary>A small measure in scientific notation (topic centrality is PageRank times a square), or a dash where the build left it empty.</summary>
    private static string Scientific(double? value) => value is { } v ? v.ToString("0.000E+00", CultureInfo.InvariantCulture) : "-";

    /// <summary>A measure right-aligned in <paramref name="width"/> with six decimals, or a dash where the build left it empty.</summary>
    private static string Cell(double? value, int width) =>
        (value is { } v ? v.ToString("F6", CultureInfo.InvariantCulture) : "-").PadLeft(width);

    /// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (the built-in one posts to the thread pool).</summary>
    private sealed class InlineProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}

using System.Text.Json;
using System.Xml.Linq;
using PaperGraph.Graph.Export;
using PaperGraph.Workspace;
using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests;

public class BuildCommandTests
{
    /// <summary>Eight short papers written for this test: two topics (alignment of language models; graph neural networks) that meet once.</summary>
    private const string Papers = """
        {"id": "2402.00001", "title": "Reward Models for Language Model Alignment", "abstract": "We train reward models on preference data and use reinforcement learning from human feedback (RLHF) to align language models."}
        {"id": "2402.00002", "title": "Direct Preference Optimization without Reward Models", "abstract": "Direct preference optimization (DPO) aligns language models with preference data and needs no reward models."}
        {"id": "2402.00003", "title": "Overoptimization of Reward Models", "abstract": "RLHF can overfit reward models. We measure reward hacking of language models trained with RLHF on preference data."}
        {"id": "2402.00004", "title": "Message Passing in Graph Neural Networks", "abstract": "Graph neural networks (GNNs) use message passing over node features. We study oversmoothing in deep GNNs."}
        {"id": "2402.00005", "title": "Oversmoothing and Depth in Graph Neural Networks", "abstract": "Oversmoothing limits deep graph neural networks. Residual connections keep node features apart during message passing."}
        {"id": "2402.00006", "title": "Graph Transformers versus Message Passing", "abstract": "Graph transformers replace message passing with attention over node features, unlike graph neural networks."}
        {"id": "2402.00007", "title": "Graph Neural Networks as Reward Models", "abstract": "We use graph neural networks as reward models for molecule design, trained with RLHF on preference data."}
        {"id": "2402.00008", "title": "Preference Data Quality for RLHF", "abstract": "Noisy preference data hurts reward models and RLHF. We filter preference data before training language models."}
        """;

    private static async Task<(TempDirectory Temp, string Workspace, CliRun Run)> BuildAsync(params string[] extra)
    {
        var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", Papers);
        var workspace = temp.File("ws");
        var run = await CliRun.RunAsync(["build", input, "-w", workspace, .. extra]);
        return (temp, workspace, run);
    }

    [Fact]
    public async Task Build_runs_every_stage_and_prints_a_summary()
    {
        var (temp, workspace, run) = await BuildAsync();
        using var cleanup = temp;
        Assert.Equal(0, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Contains("Ingested into", run.Out, StringComparison.Ordinal);
        Assert.Contains("8 analysed (new or changed)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"nodes: \d+ \(in at least 1 papers", run.Out);
        Assert.Matches(@"communities: \d+ \(leiden, resolution 1, seed 42\), modularity 0\.\d{4}", run.Out);
        Assert.Matches(@"time:\s+ingest [\d.]+ s, extract [\d.]+ s, graph and analytics [\d.]+ s, outputs [\d.]+ s", run.Out);
        Assert.Matches(@"peak memory: [\d,]+ MB", run.Out);
        foreach (var file in new[] { "concepts.csv", "cooccurrence.csv", "graph.graphml", "graph.gexf", "vosviewer-map.txt", "vosviewer-network.txt", "summary.json" })
        {
            Assert.True(File.Exists(Path.Combine(workspace, file)), file);
        }
    }

    [Fact]
    public async Task Csv_headers_are_stable_and_rows_match_the_summary()
    {
        var (temp, workspace, run) = await BuildAsync();
        using var cleanup = temp;
        Assert.Equal(0, run.ExitCode);
        var concepts = File.ReadAllLines(Path.Combine(workspace, "concepts.csv"));
        var edges = File.ReadAllLines(Path.Combine(workspace, "cooccurrence.csv"));
        Assert.Equal("key,name,aliases,papers,occurrences,degree,weighted_degree,pagerank,betweenness,eigenvector,core,community,keyphraseness,topic", concepts[0]);
        Assert.Equal("source,target,source_name,target_name,papers,count,weight,evidence", edges[0]);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(8, root.GetProperty("papers").GetInt32());
        Assert.Equal(concepts.Length - 1, root.GetProperty("nodes").GetInt32());
        Assert.Equal(edges.Length - 1, root.GetProperty("edges").GetInt32());
        Assert.True(root.GetProperty("secondsPerStage").TryGetProperty("graph and analytics", out _));

        // PageRank sums to 1 over the rows; each row's degree is its number of edges in cooccurrence.csv.
        var rows = concepts.Skip(1).Select(PaperGraph.Core.Csv.ReadRow).ToList();
        Assert.Equal(1.0, rows.Sum(r => double.Parse(r[7], System.Globalization.CultureInfo.InvariantCulture)), 9);
        var edgeRows = edges.Skip(1).Select(PaperGraph.Core.Csv.ReadRow).ToList();
        foreach (var row in rows)
        {
            Assert.Equal(int.Parse(row[5], System.Globalization.CultureInfo.InvariantCulture), edgeRows.Count(e => e[0] == row[0] || e[1] == row[0]));
        }
    }

    [Fact]
    public async Task GraphMl_and_Gexf_are_valid_xml_with_every_node_and_edge()
    {
        var (temp, workspace, run) = await BuildAsync();
        using var cleanup = temp;
        Assert.Equal(0, run.ExitCode);
        var nodeCount = File.ReadAllLines(Path.Combine(workspace, "concepts.csv")).Length - 1;
        var edgeCount = File.ReadAllLines(Path.Combine(workspace, "cooccurrence.csv")).Length - 1;

        var graphMl = XDocument.Load(Path.Combine(workspace, "graph.graphml"));
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var nodes = graphMl.Descendants(g + "node").ToList();
        Assert.Equal(nodeCount, nodes.Count);
        Assert.Equal(edgeCount, graphMl.Descendants(g + "edge").Count());
        Assert.Equal("undirected", graphMl.Descendants(g + "graph").Single().Attribute("edgedefault")!.Value);
        var ids = nodes.Select(n => n.Attribute("id")!.Value).ToHashSet();
        Assert.All(graphMl.Descendants(g + "edge"), e => Assert.True(ids.Contains(e.Attribute("source")!.Value) && ids.Contains(e.Attribute("target")!.Value)));
        var pagerankKey = graphMl.Descendants(g + "key").Single(k => k.Attribute("attr.name")!.Value == "pagerank");
        Assert.Equal("double", pagerankKey.Attribute("attr.type")!.Value);

        var gexf = XDocument.Load(Path.Combine(workspace, "graph.gexf"));
        XNamespace x = "http://gexf.net/1.3";
        Assert.Equal("1.3", gexf.Root!.Attribute("version")!.Value);
        Assert.Equal(nodeCount, gexf.Descendants(x + "node").Count());
        Assert.Equal(edgeCount, gexf.Descendants(x + "edge").Count());
        Assert.All(gexf.Descendants(x + "edge"), e => Assert.True(double.Parse(e.Attribute("weight")!.Value, System.Globalization.CultureInfo.InvariantCulture) > 0));
    }

    [Fact]
    public async Task VosViewer_files_number_items_and_clusters_from_1()
    {
        var (temp, workspace, run) = await BuildAsync();
        using var cleanup = temp;
        Assert.Equal(0, run.ExitCode);
        var map = File.ReadAllLines(Path.Combine(workspace, "vosviewer-map.txt"));
        Assert.Equal("id\tlabel\tcluster\tweight<Links>\tweight<Total link strength>\tweight<Occurrences>\tscore<PageRank>\tscore<Betweenness>\tscore<Topic>\tx\ty", map[0]);
        var items = map.Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal(Enumerable.Range(1, items.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), items.Select(i => i[0]));
        Assert.All(items, i => Assert.True(int.Parse(i[2], System.Globalization.CultureInfo.InvariantCulture) >= 1));
        var network = File.ReadAllLines(Path.Combine(workspace, "vosviewer-network.txt"));
        Assert.All(network, l => Assert.Equal(3, l.Split('\t').Length));
    }

    /// <summary>Gephi (GEXF, GraphML) and VOSviewer open the same picture, the one stored in the workspace; the same seed draws it again.</summary>
    [Fact]
    public async Task The_layout_is_the_same_in_every_export_and_the_workspace_and_repeats_with_the_seed()
    {
        var (temp, workspace, run) = await BuildAsync();
        using var cleanup = temp;
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"analytics:.*layout [\d.]+ s", run.Out);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        XNamespace viz = "http://gexf.net/1.3/viz";
        XNamespace gexf = "http://gexf.net/1.3";
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var fromGexf = XDocument.Load(Path.Combine(workspace, "graph.gexf")).Descendants(gexf + "node").ToDictionary(
            n => n.Attribute("id")!.Value,
            n => (n.Element(viz + "position")!.Attribute("x")!.Value, n.Element(viz + "position")!.Attribute("y")!.Value));
        var fromGraphMl = XDocument.Load(Path.Combine(workspace, "graph.graphml")).Descendants(g + "node").ToDictionary(
            n => n.Attribute("id")!.Value,
            n => (n.Elements(g + "data").Single(d => d.Attribute("key")!.Value == "x").Value, n.Elements(g + "data").Single(d => d.Attribute("key")!.Value == "y").Value));
        Assert.Equal(fromGexf, fromGraphMl);

        var keys = File.ReadAllLines(Path.Combine(workspace, "concepts.csv")).Skip(1).Select(PaperGraph.Core.Csv.ReadRow).ToDictionary(r => r[1], r => r[0], StringComparer.Ordinal);
        var map = File.ReadAllLines(Path.Combine(workspace, "vosviewer-map.txt")).Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal(fromGexf.Count, map.Count);
        Assert.All(map, row => Assert.Equal(fromGexf[keys[row[1]]], (row[^2], row[^1])));

        using (var stored = WorkspaceDatabase.OpenExisting(workspace))
        {
            var nodes = stored.ReadTopConcepts(NodeMeasure.Degree, int.MaxValue);
            Assert.Equal(fromGexf.Count, nodes.Count);
            Assert.All(nodes, r => Assert.Equal(
                (double.Parse(fromGexf[r.Key].Item1, inv), double.Parse(fromGexf[r.Key].Item2, inv)),
                (r.Node.X!.Value, r.Node.Y!.Value)));
        }

        var again = await CliRun.RunAsync(["build", "-w", workspace]);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(fromGexf, XDocument.Load(Path.Combine(workspace, "graph.gexf")).Descendants(gexf + "node").ToDictionary(
            n => n.Attribute("id")!.Value,
            n => (n.Element(viz + "position")!.Attribute("x")!.Value, n.Element(viz + "position")!.Attribute("y")!.Value)));
    }

    [Fact]
    public async Task VosViewer_network_carries_raw_cooccurrence_counts_not_association_strength()
    {
        // VOSviewer normalises the network file's strengths itself; a normalised weight there is normalised twice.
        var (temp, workspace, run) = await BuildAsync("--weight", "association");
        using var cleanup = temp;
        Assert.Equal(0, run.ExitCode);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var map = File.ReadAllLines(Path.Combine(workspace, "vosviewer-map.txt")).Skip(1).Select(l => l.Split('\t')).ToList();
        var keyOf = File.ReadAllLines(Path.Combine(workspace, "concepts.csv")).Skip(1).Select(PaperGraph.Core.Csv.ReadRow)
            .ToDictionary(r => r[1], r => r[0], StringComparer.Ordinal);
        var counts = File.ReadAllLines(Path.Combine(workspace, "cooccurrence.csv")).Skip(1).Select(PaperGraph.Core.Csv.ReadRow)
            .ToDictionary(r => (r[0], r[1]), r => (Count: double.Parse(r[5], inv), Weight: double.Parse(r[6], inv)));
        var network = File.ReadAllLines(Path.Combine(workspace, "vosviewer-network.txt")).Select(l => l.Split('\t')).ToList();

        Assert.Equal(counts.Count, network.Count);
        Assert.Contains(counts.Values, c => c.Count != c.Weight);
        var strength = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in network)
        {
            var (a, b) = (keyOf[map[int.Parse(line[0], inv) - 1][1]], keyOf[map[int.Parse(line[1], inv) - 1][1]]);
            var edge = counts.TryGetValue((a, b), out var found) ? found : counts[(b, a)];
            Assert.Equal(edge.Count, double.Parse(line[2], inv));
            Assert.Equal(Math.Round(edge.Count), edge.Count);
            strength[line[0]] = strength.GetValueOrDefault(line[0]) + edge.Count;
            strength[line[1]] = strength.GetValueOrDefault(line[1]) + edge.Count;
        }

        // The map's total link strength is the sum of the network's strengths, as VOSviewer computes it.
        Assert.All(map, item => Assert.Equal(strength.GetValueOrDefault(item[0]), double.Parse(item[4], inv)));
    }

    [Fact]
    public async Task Edges_keep_their_supporting_papers_in_the_workspace()
    {
        var (temp, workspace, run) = await BuildAsync();
        using var cleanup = temp;
        Assert.Equal(0, run.ExitCode);
        using var ws = WorkspaceDatabase.Open(workspace);
        var edges = ws.ReadGraphEdges().ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.Equal(e.Papers, e.Evidence.Count));

        // Reward models and RLHF meet in papers 1, 3, 7 and 8.
        var edge = edges.Single(e => (e.Source, e.Target) is ("RLHF", "reward model") or ("reward model", "RLHF"));
        Assert.Equal(["2402.00001", "2402.00003", "2402.00007", "2402.00008"], edge.Evidence);
    }

    [Fact]
    public async Task The_same_input_and_seed_give_the_same_files()
    {
        var (first, firstWorkspace, firstRun) = await BuildAsync("--seed", "7");
        var (second, secondWorkspace, secondRun) = await BuildAsync("--seed", "7");
        using var a = first;
        using var b = second;
        Assert.Equal(0, firstRun.ExitCode);
        Assert.Equal(0, secondRun.ExitCode);
        foreach (var file in new[] { "concepts.csv", "cooccurrence.csv", "graph.graphml", "vosviewer-map.txt" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(firstWorkspace, file)), File.ReadAllText(Path.Combine(secondWorkspace, file)));
        }
    }

    [Fact]
    public async Task Top_ranks_by_the_chosen_measure_and_filters_by_community()
    {
        var (temp, workspace, run) = await BuildAsync();
        using var cleanup = temp;
        Assert.Equal(0, run.ExitCode);

        var byDegree = await CliRun.RunAsync("top", "-w", workspace, "--by", "degree", "-n", "5");
        Assert.Equal(0, byDegree.ExitCode);
        var lines = byDegree.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Top 5 concepts by degree", lines[0], StringComparison.Ordinal);
        var degrees = lines.Skip(2).Select(l => int.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^7], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(5, degrees.Count);
        Assert.Equal(degrees.OrderByDescending(d => d), degrees);

        var community = await CliRun.RunAsync("top", "-w", workspace, "--community", "0", "-n", "100");
        Assert.Equal(0, community.ExitCode);
        Assert.All(community.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2), l => Assert.EndsWith(" 0", l.TrimEnd(), StringComparison.Ordinal));

        var missing = await CliRun.RunAsync("top", "-w", workspace, "--community", "999");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("community 999 has no concepts", missing.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// The default view ranks by topic centrality: each row's topic equals its PageRank times its keyphraseness squared
    /// (read back from concepts.csv), in descending order, and --explain shows those parts.
    /// </summary>
    [Fact]
    public async Task Top_ranks_by_topic_centrality_by_default_and_explains_it()
    {
        var (temp, workspace, run) = await BuildAsync();
        using var cleanup = temp;
        Assert.Equal(0, run.ExitCode);
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var csv = File.ReadAllLines(Path.Combine(workspace, "concepts.csv")).Skip(1).Select(PaperGraph.Core.Csv.ReadRow).ToList();
        Assert.All(csv, r => Assert.Equal(double.Parse(r[7], inv) * Math.Pow(double.Parse(r[12], inv), 2), double.Parse(r[13], inv), 12));
        var topics = csv.Select(r => double.Parse(r[13], inv)).ToList();
        Assert.Equal(topics.OrderByDescending(t => t), topics);

        var top = await CliRun.RunAsync("top", "-w", workspace, "-n", "5");
        Assert.Equal(0, top.ExitCode);
        Assert.StartsWith("Top 5 concepts by topic centrality (PageRank × keyphraseness²)", top.Out, StringComparison.Ordinal);
        var names = top.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).Select(l => l.Substring(8, 44).Trim()).ToList();
        Assert.Equal(csv.Take(5).Select(r => r[1]), names);

        var explain = await CliRun.RunAsync("top", "-w", workspace, "-n", "3", "--explain");
        Assert.Equal(0, explain.ExitCode);
        var first = explain.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[2];
        Assert.Contains(" = ", first, StringComparison.Ordinal);
        Assert.Contains(" × ", first, StringComparison.Ordinal);
        Assert.Contains(string.Create(inv, $"({double.Parse(csv[0][12], inv):F3})"), first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Top_phrases_leaves_out_one_word_concepts_but_keeps_abbreviations()
    {
        var (temp, workspace, run) = await BuildAsync();
        using var cleanup = temp;
        Assert.Equal(0, run.ExitCode);

        static List<string> Names(CliRun top) => top.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).Select(l => l.Substring(8, 44).Trim()).ToList();
        var all = Names(await CliRun.RunAsync("top", "-w", workspace, "-n", "1000"));
        var phrases = await CliRun.RunAsync("top", "-w", workspace, "-n", "1000", "--phrases");

        Assert.Equal(0, phrases.ExitCode);
        Assert.Contains("phrases and abbreviations only", phrases.Out, StringComparison.Ordinal);
        var kept = Names(phrases);
        Assert.Contains("RLHF", kept);
        Assert.Contains("graph neural networks", kept);
        // One word and not written like an abbreviation (two capitals or more).
        var oneWord = all.Where(n => !n.Contains(' ', StringComparison.Ordinal) && n.Count(char.IsUpper) < 2).ToList();
        Assert.NotEmpty(oneWord);
        Assert.Empty(kept.Intersect(oneWord));
        Assert.Equal(all.Except(oneWord), kept);
    }

    [Fact]
    public async Task Top_before_build_exits_3_and_says_what_to_run()
    {
        using var temp = new TempDirectory();
        var result = await CliRun.RunAsync("top", "-w", CliRun.EmptyWorkspace(temp.File("empty")));
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("run 'papergraph build", result.Error, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public async Task A_bad_option_value_exits_2()
    {
        using var temp = new TempDirectory();
        var result = await CliRun.RunAsync("build", "-w", temp.File("ws"), "--weight", "cosine");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cosine", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_without_paths_rebuilds_from_the_workspace()
    {
        var (temp, workspace, run) = await BuildAsync();
        using var cleanup = temp;
        Assert.Equal(0, run.ExitCode);
        var again = await CliRun.RunAsync("build", "-w", workspace, "--communities", "louvain");
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("Ingested", again.Out, StringComparison.Ordinal);
        Assert.Contains("0 analysed (new or changed), 8 in the corpus", again.Out, StringComparison.Ordinal);
        Assert.Contains("(louvain, resolution 1, seed 42)", again.Out, StringComparison.Ordinal);
    }
}

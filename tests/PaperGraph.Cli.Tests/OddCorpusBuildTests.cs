using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using PaperGraph.Graph.Export;
using PaperGraph.Workspace;
using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests;

/// <summary>The whole <c>build</c> on the corpora a first try produces: tiny, repetitive, unrelated, or without concepts.</summary>
public sealed class OddCorpusBuildTests
{
    /// <summary>Papers written for these tests.</summary>
    private const string TwoPapers = """
        {"id": "t1", "title": "Sparse Attention for Long Documents", "abstract": "We study sparse attention in transformer models for long documents."}
        {"id": "t2", "title": "Memory Layers in Transformer Models", "abstract": "Memory layers give transformer models a cheap way to store facts from long documents."}
        """;

    private const string NoConcepts = """
        {"id": "n1", "title": "Yes", "abstract": "We did it. It works. So it is."}
        {"id": "n2", "title": "Why not", "abstract": "They said so, and so it was."}
        """;

    private static async Task<CliRun> BuildAsync(string input, string workspace, params string[] extra) =>
        await CliRun.RunAsync(["build", input, "-w", workspace, "-q", .. extra]);

    private static async Task AssertTopAnswersAsync(string workspace)
    {
        var top = await CliRun.RunAsync("top", "-w", workspace, "-n", "3");
        Assert.Equal(0, top.ExitCode);
        Assert.StartsWith("Top ", top.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_paper_builds_and_top_answers()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("one.jsonl", TwoPapers.Split('\n')[0]);
        var run = await BuildAsync(input, temp.File("ws"));
        Assert.Equal(0, run.ExitCode);
        run.AssertNoStackTrace();
        await AssertTopAnswersAsync(temp.File("ws"));
    }

    [Fact]
    public async Task A_min_count_above_every_pair_builds_a_graph_without_edges_and_says_why()
    {
        using var temp = new TempDirectory();

        var run = await BuildAsync(temp.Write("two.jsonl", TwoPapers), temp.File("ws"), "--min-count", "50");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: the graph has no edges:", run.Error, StringComparison.Ordinal);
        Assert.Contains("none is counted 50 times or more (--min-count 50); lower --min-count to link them.", run.Error, StringComparison.Ordinal);
        await AssertTopAnswersAsync(temp.File("ws"));
    }

    [Fact]
    public async Task Identical_abstracts_under_different_ids_build()
    {
        using var temp = new TempDirectory();
        var line = TwoPapers.Split('\n')[1];
        var input = temp.Write("same.jsonl", string.Join('\n', Enumerable.Range(1, 4).Select(i => line.Replace("\"t2\"", $"\"copy{i}\"", StringComparison.Ordinal))));
        var run = await BuildAsync(input, temp.File("ws"));
        Assert.Equal(0, run.ExitCode);
        await AssertTopAnswersAsync(temp.File("ws"));
    }

    [Fact]
    public async Task Papers_without_concepts_are_refused_clearly_and_no_graph_is_written()
    {
        using var temp = new TempDirectory();
        var run = await BuildAsync(temp.Write("none.jsonl", NoConcepts), temp.File("ws"));
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("error PG3009", run.Error, StringComparison.Ordinal);
        Assert.Contains("none of the 2 papers has a concept", run.Error, StringComparison.Ordinal);
        Assert.Contains("no graph was written", run.Error, StringComparison.Ordinal);
        run.AssertNoStackTrace();
        Assert.False(File.Exists(Path.Combine(temp.File("ws"), "concepts.csv")));
    }

    [Fact]
    public async Task A_build_that_would_leave_no_node_keeps_the_previous_graph()
    {
        using var temp = new TempDirectory();
        var workspace = temp.File("ws");
        Assert.Equal(0, (await BuildAsync(temp.Write("two.jsonl", TwoPapers), workspace)).ExitCode);
        var before = File.ReadAllText(Path.Combine(workspace, "concepts.csv"));

        var strict = await CliRun.RunAsync("build", "-w", workspace, "-q", "--min-papers", "1000");
        Assert.Equal(2, strict.ExitCode);
        Assert.Contains("error PG2005", strict.Error, StringComparison.Ordinal);
        Assert.Contains("no concept is in at least 1,000 papers (the most widespread of the", strict.Error, StringComparison.Ordinal);
        Assert.Contains("the workspace keeps its previous graph", strict.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(workspace, "concepts.csv")));
        await AssertTopAnswersAsync(workspace);
    }

    /// <summary>
    /// Sixty papers that share no concept at all: the default node threshold for that size (2 papers) would leave no
    /// node; it is lowered to what the corpus has, and the build gives a graph.
    /// </summary>
    [Fact]
    public async Task Unrelated_papers_still_get_a_graph()
    {
        using var temp = new TempDirectory();
        var text = new StringBuilder();
        for (var i = 0; i < 60; i++)
        {
            // Words of this paper only.
            var (w0, w1, w2, w3) = (Word(4 * i), Word(4 * i + 1), Word(4 * i + 2), Word(4 * i + 3));
            text.Append(CultureInfo.InvariantCulture, $$"""{"id": "u{{i}}", "title": "{{w0}} {{w1}}", "abstract": "The {{w2}} {{w1}} holds {{w3}} {{w0}}."}""").Append('\n');
        }

        var workspace = temp.File("ws");
        var run = await BuildAsync(temp.Write("unrelated.jsonl", text.ToString()), workspace);
        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace, "summary.json")));
        Assert.Equal(1, summary.RootElement.GetProperty("settings").GetProperty("minPapers").GetInt32());
        Assert.True(summary.RootElement.GetProperty("nodes").GetInt32() > 0);
        await AssertTopAnswersAsync(workspace);
    }

    /// <summary>A made-up noun of three syllables from the digits of <paramref name="n"/>, used by no other concept.</summary>
    private static string Word(int n) => string.Concat(n.ToString("D3", CultureInfo.InvariantCulture).Select(d => "bakedimolurasotivuze".Substring(2 * (d - '0'), 2)));

    /// <summary>A paper about exactly the given made-up concepts: "Ca and Cb" / "We study the ca and the cb."</summary>
    private static string Paper(int id, params int[] concepts) =>
        $$"""{"id": "s{{id}}", "title": "{{string.Join(" and ", concepts.Select((c, i) => i == 0 ? char.ToUpperInvariant(Word(c)[0]) + Word(c)[1..] : Word(c)))}}", "abstract": "We study the {{string.Join(" and the ", concepts.Select(Word))}}."}""";

    /// <summary>Graph shapes made exactly, from papers about made-up concepts: (name, papers, nodes, edges, components).</summary>
    public static TheoryData<string, string[], int, int, int> Shapes => new()
    {
        { "no edges", Enumerable.Range(0, 8).Select(i => Paper(i, i)).ToArray(), 8, 0, 8 },
        { "a star", Enumerable.Range(0, 8).Select(i => Paper(i, 100, i)).ToArray(), 9, 8, 1 },
        { "a path", Enumerable.Range(0, 8).Select(i => Paper(i, i, i + 1)).ToArray(), 9, 8, 1 },
        { "many equal components", Enumerable.Range(0, 8).Select(i => Paper(i, 3 * i, 3 * i + 1, 3 * i + 2)).ToArray(), 24, 24, 8 },
        { "one large clique", [Paper(0, Enumerable.Range(0, 12).ToArray())], 12, 66, 1 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Each_graph_shape_builds_with_every_measure(string shape, string[] papers, int nodes, int edges, int components)
    {
        using var temp = new TempDirectory();
        var workspace = temp.File("ws");
        var run = await BuildAsync(temp.Write("shape.jsonl", string.Join('\n', papers)), workspace);
        Assert.True(run.ExitCode == 0, $"{shape}: {run.Error}");
        using (var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace, "summary.json"))))
        {
            var root = summary.RootElement;
            Assert.Equal((nodes, edges, components), (root.GetProperty("nodes").GetInt32(), root.GetProperty("edges").GetInt32(), root.GetProperty("components").GetInt32()));
            Assert.Empty(root.GetProperty("missingMeasures").EnumerateObject());
        }

        foreach (var measure in new[] { "topic", "pagerank", "eigenvector", "betweenness", "degree" })
        {
            var top = await CliRun.RunAsync("top", "-w", workspace, "--by", measure, "-n", "100");
            Assert.Equal(0, top.ExitCode);
            Assert.Equal(nodes + 2, top.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
    }

    /// <summary>
    /// An iteration limit too small for PageRank and eigenvector centrality: the build completes, warns, records why,
    /// and leaves the two measures empty in every output; asking for one of them says why (exit 3).
    /// </summary>
    [Fact]
    public async Task A_measure_that_does_not_converge_is_left_empty_everywhere_and_the_build_succeeds()
    {
        using var temp = new TempDirectory();
        var workspace = temp.File("ws");
        var config = temp.Write("papergraph.json", """{"Graph": {"MaxIterations": 2}}""");
        var run = await BuildAsync(temp.Write("two.jsonl", TwoPapers), workspace, "--config", config);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: pagerank is left empty in every output: PageRank did not converge in 2 iterations", run.Error, StringComparison.Ordinal);
        Assert.Contains("warning: eigenvector is left empty in every output: Eigenvector centrality did not converge in 2 iterations", run.Error, StringComparison.Ordinal);

        using (var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace, "summary.json"))))
        {
            var missing = summary.RootElement.GetProperty("missingMeasures");
            Assert.Equal(["pagerank", "eigenvector", "topic"], missing.EnumerateObject().Select(p => p.Name));
        }

        // CSV: empty fields, every other measure present.
        var rows = File.ReadAllLines(Path.Combine(workspace, "concepts.csv")).Skip(1).Select(PaperGraph.Core.Csv.ReadRow).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("", "", ""), (r[7], r[9], r[13])));
        Assert.All(rows, r => Assert.True(double.TryParse(r[8], CultureInfo.InvariantCulture, out _)));

        // GraphML and GEXF: no value for the two keys; VOSviewer: no PageRank column.
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var graphMl = XDocument.Load(Path.Combine(workspace, "graph.graphml"));
        Assert.DoesNotContain(graphMl.Descendants(g + "data"), d => d.Attribute("key")!.Value is "pagerank" or "eigenvector" or "topic");
        Assert.Contains(graphMl.Descendants(g + "data"), d => d.Attribute("key")!.Value == "betweenness");
        XNamespace x = "http://gexf.net/1.3";
        Assert.DoesNotContain(XDocument.Load(Path.Combine(workspace, "graph.gexf")).Descendants(x + "attvalue"), a => a.Attribute("for")!.Value is "pagerank" or "eigenvector" or "topic");
        var map = File.ReadAllLines(Path.Combine(workspace, "vosviewer-map.txt"));
        Assert.DoesNotContain("PageRank", map[0], StringComparison.Ordinal);
        Assert.All(map, l => Assert.Equal(map[0].Split('\t').Length, l.Split('\t').Length));

        // The workspace stores NULL and the reason; Neo4j gets no property.
        using (var ws = WorkspaceDatabase.Open(workspace))
        {
            Assert.Equal(["eigenvector", "pagerank", "topic"], ws.ReadMissingMeasures().Keys);
            var (concepts, _) = PaperGraph.Neo4j.GraphModel.ConceptsAndCommunities(ws, all: false);
            var fields = PaperGraph.Neo4j.GraphModel.ConceptFields;
            Assert.All(concepts, c => Assert.Null(c.Properties.Values[Array.IndexOf(fields, "pagerank")]));
            Assert.All(concepts, c => Assert.Null(c.Properties.Values[Array.IndexOf(fields, "eigenvector")]));
            Assert.All(concepts, c => Assert.Null(c.Properties.Values[Array.IndexOf(fields, "topic")]));
        }

        var byDefault = await CliRun.RunAsync("top", "-w", workspace);
        Assert.Equal(3, byDefault.ExitCode);
        Assert.Contains("the last build left topic empty", byDefault.Error, StringComparison.Ordinal);
        var byEigenvector = await CliRun.RunAsync("top", "-w", workspace, "--by", "eigenvector");
        Assert.Equal(3, byEigenvector.ExitCode);
        Assert.Contains("error PG3008", byEigenvector.Error, StringComparison.Ordinal);
        Assert.Contains("the last build left eigenvector empty (Eigenvector centrality did not converge in 2 iterations", byEigenvector.Error, StringComparison.Ordinal);
        var byDegree = await CliRun.RunAsync("top", "-w", workspace, "--by", "degree");
        Assert.Equal(0, byDegree.ExitCode);
        Assert.Contains(" - ", byDegree.Out, StringComparison.Ordinal);

        // A later build with the limit back to its default fills them in again.
        Assert.Equal(0, (await CliRun.RunAsync("build", "-w", workspace, "-q")).ExitCode);
        using var rebuilt = WorkspaceDatabase.Open(workspace);
        Assert.Empty(rebuilt.ReadMissingMeasures());
        Assert.Equal(0, (await CliRun.RunAsync("top", "-w", workspace, "--by", "eigenvector")).ExitCode);
    }

    /// <summary>
    /// A workspace whose graph an earlier PaperGraph built (schema 4: no keyphraseness, no topic centrality) keeps its
    /// graph: plain measures still rank, the default view says to build again, and a build fills it in.
    /// </summary>
    [Fact]
    public async Task A_graph_from_an_earlier_PaperGraph_keeps_ranking_and_asks_for_a_build_for_topic_centrality()
    {
        using var temp = new TempDirectory();
        var workspace = temp.File("ws");
        Assert.Equal(0, (await BuildAsync(temp.Write("two.jsonl", TwoPapers), workspace)).ExitCode);
        CliRun.ExecuteSql(workspace, """
            CREATE TABLE graph_nodes_v4 (key TEXT PRIMARY KEY, degree INTEGER NOT NULL, weighted_degree REAL NOT NULL, pagerank REAL NOT NULL,
                betweenness REAL NOT NULL, eigenvector REAL NOT NULL, core INTEGER NOT NULL, community INTEGER NOT NULL, component INTEGER NOT NULL);
            INSERT INTO graph_nodes_v4 SELECT key, degree, weighted_degree, pagerank, betweenness, eigenvector, core, community, component FROM graph_nodes;
            DROP TABLE graph_nodes; ALTER TABLE graph_nodes_v4 RENAME TO graph_nodes; DROP TABLE graph_missing;
            UPDATE meta SET value = '4' WHERE key = 'schema_version';
            """);

        var byDefault = await CliRun.RunAsync("top", "-w", workspace);
        Assert.Equal(3, byDefault.ExitCode);
        Assert.Contains("the last build left topic empty (the graph was built by an earlier PaperGraph", byDefault.Error, StringComparison.Ordinal);
        Assert.Contains($"or run 'papergraph build --workspace {workspace}' again.", byDefault.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("MaxIterations", byDefault.Error, StringComparison.Ordinal);
        var byPageRank = await CliRun.RunAsync("top", "-w", workspace, "--by", "pagerank", "--explain");
        Assert.Equal(0, byPageRank.ExitCode);
        Assert.Contains(" - ", byPageRank.Out, StringComparison.Ordinal);

        Assert.Equal(0, (await CliRun.RunAsync("build", "-w", workspace, "-q")).ExitCode);
        await AssertTopAnswersAsync(workspace);
    }
}

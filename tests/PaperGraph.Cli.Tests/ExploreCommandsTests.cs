using System.Text.Json;
using PaperGraph.Graph.Export;
using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests;

/// <summary><c>show</c>, <c>paper</c> and the evidence column of cooccurrence.csv, on papers written for these tests.</summary>
public sealed class ExploreCommandsTests
{
    private static readonly string[] Abstracts =
    [
        "Graph neural networks predict molecular properties from atoms and bonds.",
        "We train graph neural networks on molecular properties of drug candidates.",
        "We use message passing in graph neural networks for molecular properties.",
        "We apply graph neural networks with sparse attention to citation networks.",
        "Sparse attention makes transformers efficient on long documents.",
        "Transformers with sparse attention summarise long documents.",
        "Reinforcement learning agents explore sparse reward environments.",
        "Reward shaping helps reinforcement learning agents in robot control.",
    ];

    private static async Task<string> BuildAsync(TempDirectory temp)
    {
        var lines = Abstracts.Select((a, i) => JsonSerializer.Serialize(new
        {
            id = $"2401.{i:D5}", title = $"Study {i}", @abstract = a, published = $"2024-0{1 + i % 3}-10", authors = new[] { "Ada Lovelace", $"Author {i}" },
        }));
        var workspace = temp.File("ws");
        var build = await CliRun.RunAsync("build", temp.Write("papers.jsonl", string.Join('\n', lines)), "-w", workspace, "-q");
        Assert.Equal(0, build.ExitCode);
        return workspace;
    }

    [Fact]
    public async Task Show_in_json_lists_neighbours_whose_evidence_papers_mention_both_concepts()
    {
        using var temp = new TempDirectory();
        var workspace = await BuildAsync(temp);

        var show = await CliRun.RunAsync("show", "Graph Neural Networks", "-w", workspace, "--format", "json");

        Assert.Equal(0, show.ExitCode);
        using var document = JsonDocument.Parse(show.Out);
        var root = document.RootElement;
        var key = root.GetProperty("key").GetString()!;
        Assert.Equal("graph neural network", key);
        Assert.Equal(4, root.GetProperty("papers").GetInt32());
        var neighbours = root.GetProperty("neighbours").EnumerateArray().ToList();
        Assert.NotEmpty(neighbours);
        Assert.Contains(neighbours, n => n.GetProperty("key").GetString() == "molecular property" && n.GetProperty("papers").GetInt32() == 3);
        foreach (var neighbour in neighbours)
        {
            var evidence = neighbour.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.Equal(Math.Min(5, neighbour.GetProperty("papers").GetInt32()), evidence.Count);
            foreach (var id in evidence)
            {
                var paper = await CliRun.RunAsync("paper", id, "-w", workspace, "--format", "json");
                Assert.Equal(0, paper.ExitCode);
                using var paperJson = JsonDocument.Parse(paper.Out);
                var concepts = paperJson.RootElement.GetProperty("concepts").EnumerateArray().Select(c => c.GetProperty("key").GetString()).ToList();
                Assert.Contains(key, concepts);
                Assert.Contains(neighbour.GetProperty("key").GetString(), concepts);
            }
        }
    }

    [Fact]
    public async Task Paper_shows_its_concepts_with_their_scores_in_every_format()
    {
        using var temp = new TempDirectory();
        var workspace = await BuildAsync(temp);

        var table = await CliRun.RunAsync("paper", "2401.00000", "-w", workspace);
        var json = await CliRun.RunAsync("paper", "arXiv:2401.00000", "-w", workspace, "--format", "json");
        var csv = await CliRun.RunAsync("paper", "2401.00000", "-w", workspace, "--format", "csv");

        Assert.Equal((0, 0, 0), (table.ExitCode, json.ExitCode, csv.ExitCode));
        Assert.Contains("Study 0", table.Out, StringComparison.Ordinal);
        Assert.Contains("2024-01-10", table.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal("2401.00000", document.RootElement.GetProperty("id").GetString());
        Assert.Equal(["Ada Lovelace", "Author 0"], document.RootElement.GetProperty("authorNames").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("authors:     Ada Lovelace, Author 0", table.Out, StringComparison.Ordinal);
        var concepts = document.RootElement.GetProperty("concepts").EnumerateArray().ToList();
        Assert.Contains(concepts, c => c.GetProperty("key").GetString() == "graph neural network");
        Assert.All(concepts, c => Assert.InRange(c.GetProperty("score").GetDouble(), 0, 1));
        var rows = csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(PaperGraph.Core.Csv.ReadRow).ToList();
        Assert.Equal(["key", "name", "score", "count", "in_title"], rows[0]);
        Assert.Equal(concepts.Select(c => c.GetProperty("key").GetString()), rows.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task An_unknown_concept_or_paper_exits_2_with_the_nearest_names()
    {
        using var temp = new TempDirectory();
        var workspace = await BuildAsync(temp);

        var concept = await CliRun.RunAsync("show", "graph nueral networks", "-w", workspace);
        var paper = await CliRun.RunAsync("paper", "2401.00009", "-w", workspace);

        Assert.Equal(2, concept.ExitCode);
        Assert.Contains("PG2009", concept.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'graph neural networks'", concept.Error, StringComparison.Ordinal);
        Assert.Equal(2, paper.ExitCode);
        Assert.Contains("PG2010", paper.Error, StringComparison.Ordinal);
        Assert.Contains("'2401.00000'", paper.Error, StringComparison.Ordinal);
        concept.AssertNoStackTrace();
        paper.AssertNoStackTrace();
    }

    [Fact]
    public async Task Cooccurrence_csv_lists_the_evidence_of_each_link()
    {
        using var temp = new TempDirectory();
        var workspace = await BuildAsync(temp);

        var rows = File.ReadAllLines(Path.Combine(workspace, "cooccurrence.csv")).Select(PaperGraph.Core.Csv.ReadRow).ToList();

        Assert.Equal("evidence", rows[0][^1]);
        var link = rows.Single(r => r[0] == "graph neural network" && r[1] == "molecular property" || r[1] == "graph neural network" && r[0] == "molecular property");
        Assert.Equal(["2401.00000", "2401.00001", "2401.00002"], link[^1].Split('|').Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Top_and_concepts_give_the_same_rows_as_a_table_csv_and_json()
    {
        using var temp = new TempDirectory();
        var workspace = await BuildAsync(temp);

        var table = await CliRun.RunAsync("top", "-w", workspace, "-n", "5");
        var json = await CliRun.RunAsync("top", "-w", workspace, "-n", "5", "--format", "json");
        var csv = await CliRun.RunAsync("top", "-w", workspace, "-n", "5", "--format", "csv");
        var concepts = await CliRun.RunAsync("concepts", "-w", workspace, "-n", "3", "--format", "json");

        Assert.Equal((0, 0, 0, 0), (table.ExitCode, json.ExitCode, csv.ExitCode, concepts.ExitCode));
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal("topic", document.RootElement.GetProperty("by").GetString());
        var keys = document.RootElement.GetProperty("concepts").EnumerateArray().Select(c => c.GetProperty("key").GetString()!).ToList();
        Assert.Equal(5, keys.Count);
        var rows = csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(PaperGraph.Core.Csv.ReadRow).ToList();
        Assert.Equal("rank,key,name,papers,degree,weighted_degree,topic,keyphraseness,pagerank,betweenness,eigenvector,core,community", string.Join(',', rows[0]));
        Assert.Equal(keys, rows.Skip(1).Select(r => r[1]));
        var names = document.RootElement.GetProperty("concepts").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        Assert.All(names, name => Assert.Contains(name, table.Out, StringComparison.Ordinal));
        using var conceptsJson = JsonDocument.Parse(concepts.Out);
        Assert.Equal(3, conceptsJson.RootElement.GetProperty("concepts").GetArrayLength());
        Assert.Equal(8, conceptsJson.RootElement.GetProperty("papers").GetInt32());
    }
}

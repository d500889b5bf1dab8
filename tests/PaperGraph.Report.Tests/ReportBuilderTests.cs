using System.Text.Json;
using PaperGraph.Core;
using PaperGraph.Tests;
using PaperGraph.Workspace;

namespace PaperGraph.Report.Tests;

[Collection(SampleReportCollection.Name)]
public sealed class ReportBuilderTests(SampleReport sample)
{
    [Fact]
    public void Build_puts_every_concept_of_a_small_graph_on_the_map_most_central_first()
    {
        var data = sample.Data();
        using var workspace = WorkspaceDatabase.OpenExisting(sample.Workspace);

        Assert.Equal(workspace.Count("graph_nodes"), data.Concepts.Count);
        Assert.Equal(data.Corpus.GraphConcepts, data.Concepts.Count);
        var topics = data.Concepts.Select(c => c.Topic ?? 0).ToList();
        Assert.Equal(topics.OrderByDescending(t => t), topics);
        Assert.All(data.Concepts, c => Assert.True(double.IsFinite(c.X) && double.IsFinite(c.Y)));
    }

    [Fact]
    public void Build_takes_the_most_central_concepts_when_asked_for_fewer()
    {
        var all = sample.Data();
        var ten = sample.Data(new ReportSettings(Concepts: 10));

        Assert.Equal(all.Concepts.Take(10).Select(c => c.Key), ten.Concepts.Select(c => c.Key));
        Assert.All(ten.Concepts.SelectMany(c => c.Neighbours), n => Assert.InRange(n.Concept, -1, 9));
        Assert.Contains(ten.Concepts.SelectMany(c => c.Neighbours), n => n.Concept == -1);
    }

    [Fact]
    public void Communities_cover_the_map_and_are_named_by_their_most_central_concepts()
    {
        var data = sample.Data();

        Assert.Equal(data.Concepts.Count, data.Communities.Sum(c => c.Size));
        Assert.Equal(data.Concepts.Select(c => c.Community).Distinct().Order(), data.Communities.Select(c => c.Id).Order());
        Assert.Equal(data.Communities.Count, data.Communities.Select(c => c.Color).Distinct().Count());
        foreach (var community in data.Communities)
        {
            var members = data.Concepts.Where(c => c.Community == community.Id).Take(3).Select(c => c.Name);
            Assert.Equal(string.Join(", ", members), community.Name);
        }
    }

    [Fact]
    public void Links_carry_the_workspace_s_evidence_papers_with_titles_and_arxiv_ids_marked()
    {
        var data = sample.Data();
        using var workspace = WorkspaceDatabase.OpenExisting(sample.Workspace);
        var moe = data.Concepts.Single(c => c.Key == "MoE");

        var stored = workspace.ReadNeighbours("MoE");
        Assert.Equal(stored.Take(12).Select(n => n.Name), moe.Neighbours.Select(n => n.Name));
        var paper = data.Papers[moe.Neighbours[0].Evidence[0]];
        Assert.Equal(stored[0].Evidence[0], paper.Id);
        Assert.Equal(workspace.GetPaper(paper.Id)!.Title, paper.Title);
        Assert.True(paper.Arxiv);
        Assert.All(data.Papers.Where(p => p.Id.StartsWith("t:", StringComparison.Ordinal)), p => Assert.False(p.Arxiv));
    }

    [Fact]
    public void Neighbours_read_with_a_limit_are_the_first_of_all_in_the_same_order()
    {
        using var workspace = WorkspaceDatabase.OpenExisting(sample.Workspace);

        foreach (var key in sample.Data().Concepts.Select(c => c.Key))
        {
            var all = workspace.ReadNeighbours(key);
            Assert.Equal(all.Take(3).Select(n => (n.Key, n.Name, n.Papers, n.Weight, string.Join(' ', n.Evidence))),
                workspace.ReadNeighbours(key, 3).Select(n => (n.Key, n.Name, n.Papers, n.Weight, string.Join(' ', n.Evidence))));
        }
    }

    [Fact]
    public void Paper_headings_are_the_papers_titles_and_dates_and_skip_unknown_ids()
    {
        using var workspace = WorkspaceDatabase.OpenExisting(sample.Workspace);
        var ids = workspace.ReadPaperIds();

        var headings = workspace.ReadPaperHeadings([.. ids, "no-such-paper", ids[0]]);

        Assert.Equal(ids.Order(StringComparer.Ordinal), headings.Keys.Order(StringComparer.Ordinal));
        Assert.All(ids, id => Assert.Equal((workspace.GetPaper(id)!.Title, workspace.GetPaper(id)!.Published), headings[id]));
    }

    [Fact]
    public void Forms_and_months_are_the_concept_s()
    {
        var data = sample.Data();
        var moe = data.Concepts.Single(c => c.Key == "MoE");

        Assert.Contains(moe.Forms, f => f.Form == "MoE");
        Assert.Equal(moe.Papers, moe.Months.Sum());
        Assert.Equal(data.Corpus.DatedPapers, data.Corpus.Months.Sum());
        Assert.Equal(data.Corpus.From, data.Corpus.FirstMonth);
    }

    [Fact]
    public async Task Rising_concepts_are_those_papergraph_trends_lists()
    {
        var data = sample.Data(new ReportSettings(WindowMonths: 1, MinRecentPapers: 1));
        var json = await SampleReport.Run("trends", "--workspace", sample.Workspace, "--window", "1", "--min-papers", "1", "-n", "30", "--format", "json");

        using var trends = JsonDocument.Parse(json);
        var expected = trends.RootElement.GetProperty("rising").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, data.Rising.Select(r => r.Name));
        var bursts = trends.RootElement.GetProperty("bursts").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.Equal(bursts, data.Bursts.Select(b => b.Name));
    }

    [Fact]
    public void Settings_of_the_build_come_from_its_summary()
    {
        var data = sample.Data();

        Assert.Contains(data.Corpus.Settings, s => s.Key == "seed");
        Assert.Contains(data.Corpus.Settings, s => s.Key == "layout.algorithm" && s.Value == "forceatlas2");
    }

    [Fact]
    public void Build_refuses_a_graph_without_a_layout()
    {
        using var folder = new TempDirectory();
        var copy = folder.File("ws");
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(sample.Workspace, WorkspaceDatabase.DatabaseFileName), Path.Combine(copy, WorkspaceDatabase.DatabaseFileName));
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(copy, WorkspaceDatabase.DatabaseFileName)};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE graph_nodes SET x = NULL, y = NULL";
            command.ExecuteNonQuery();
        }

        using var workspace = WorkspaceDatabase.OpenExisting(copy);
        var error = Assert.Throws<PaperGraphException>(() => ReportBuilder.Build(workspace, new ReportSettings(), trends: null));

        Assert.Equal(ErrorCodes.MeasureNotComputed, error.Code);
        Assert.Contains("no layout", error.Message, StringComparison.Ordinal);
    }
}

using Microsoft.Data.Sqlite;
using PaperGraph.Core;
using PaperGraph.Tests;

namespace PaperGraph.Workspace.Tests;

public class WorkspaceConceptTests
{
    private static void AddPapers(WorkspaceDatabase workspace, params Paper[] papers)
    {
        using var writer = workspace.BeginPapers();
        foreach (var paper in papers)
        {
            writer.Add(paper);
        }

        writer.Commit();
    }

    private const byte Format = 2;

    /// <summary>Runs SQL on the workspace's database behind its back, to make it look like an older or odd one.</summary>
    private static void RawSql(string workspace, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(workspace, WorkspaceDatabase.DatabaseFileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static Paper Paper(string id, string abstractText) => new() { Id = id, Title = "Title " + id, Abstract = abstractText, Sources = ["f:1"] };

    [Fact]
    public void Only_new_and_changed_papers_are_to_extract_unless_all()
    {
        using var temp = new TempDirectory();
        using var workspace = WorkspaceDatabase.Open(temp.Path);
        AddPapers(workspace, Paper("2401.1", "First."), Paper("2401.2", "Second."));
        Assert.Equal(["2401.1", "2401.2"], workspace.PapersToExtract(all: false, Format).Select(p => p.Id));

        workspace.SavePaperTerms([("2401.1", 1, new byte[] { 2 }), ("2401.2", 1, new byte[] { 2 })]);
        Assert.Empty(workspace.PapersToExtract(all: false, Format));

        AddPapers(workspace, Paper("2401.2", "Second, with a longer abstract now."), Paper("2401.3", "Third."));
        Assert.Equal(["2401.2", "2401.3"], workspace.PapersToExtract(all: false, Format).Select(p => p.Id));
        Assert.Equal(3, workspace.PapersToExtract(all: true, Format).Count);
    }

    [Fact]
    public void Papers_to_extract_are_read_a_batch_at_a_time_after_the_last_id_read_and_counted_alike()
    {
        using var temp = new TempDirectory();
        using var workspace = WorkspaceDatabase.Open(temp.Path);
        AddPapers(workspace, Paper("2401.5", "Fifth."), Paper("2401.1", "First."), Paper("2401.3", "Third."), Paper("2401.2", "Second."), Paper("2401.4", "Fourth."));
        workspace.SavePaperTerms([("2401.3", 1, new byte[] { Format })]);

        Assert.Equal(["2401.1", "2401.2"], workspace.PapersToExtract(all: false, Format, after: null, limit: 2).Select(p => p.Id));
        Assert.Equal(["2401.4", "2401.5"], workspace.PapersToExtract(all: false, Format, after: "2401.2", limit: 2).Select(p => p.Id));
        Assert.Empty(workspace.PapersToExtract(all: false, Format, after: "2401.5", limit: 2));
        Assert.Equal(["2401.3", "2401.4"], workspace.PapersToExtract(all: true, Format, after: "2401.2", limit: 2).Select(p => p.Id));
        Assert.Equal(4, workspace.CountPapersToExtract(all: false, Format));
        Assert.Equal(5, workspace.CountPapersToExtract(all: true, Format));
    }

    [Fact]
    public void Papers_whose_terms_are_in_another_format_are_to_extract_again()
    {
        using var temp = new TempDirectory();
        using var workspace = WorkspaceDatabase.Open(temp.Path);
        AddPapers(workspace, Paper("2401.1", "First."), Paper("2401.2", "Second."), Paper("2401.3", "Third."), Paper("2401.4", "Fourth."));
        workspace.SavePaperTerms([("2401.1", 1, new byte[] { Format, 7, 9 }), ("2401.2", 1, new byte[] { Format + 1, 7 }), ("2401.3", 1, [])]);
        // What the first versions stored: the terms as JSON text.
        RawSql(temp.Path, "INSERT INTO paper_terms (paper_id, revision, terms) VALUES ('2401.4', 1, '{\"v\":1}')");

        Assert.Equal(["2401.2", "2401.3", "2401.4"], workspace.PapersToExtract(all: false, Format).Select(p => p.Id));
        Assert.Equal(new byte[] { Format, 7, 9 }, workspace.ReadPaperTerms(id => id == "2401.1").Single().Terms);
    }

    [Fact]
    public void Concepts_and_mentions_round_trip_and_are_replaced_as_a_whole()
    {
        using var temp = new TempDirectory();
        using var workspace = WorkspaceDatabase.Open(temp.Path);
        AddPapers(workspace, Paper("2401.1", "First."));
        var rlhf = new ConceptSummary("RLHF", "RLHF", new Dictionary<string, int> { ["RLHF"] = 3, ["reinforcement learning from human feedback"] = 1 }, 2, 4, "reinforcement learning from human feedback", 1.5);
        var name = new ConceptSummary("x'}) DETACH DELETE n //", "x'}) DETACH DELETE n //", new Dictionary<string, int> { ["x'}) DETACH DELETE n //"] = 1 }, 1, 1, null, 0.25);
        workspace.ReplaceConcepts([name, rlhf], [new PaperConcept("2401.1", "RLHF", 3, 7.5, true), new PaperConcept("2401.1", name.Key, 1, 0.5, false)]);

        var concepts = workspace.ReadConcepts();
        Assert.Equal(["RLHF", name.Key], concepts.Select(c => c.Key));
        Assert.Equal(rlhf.Aliases, concepts[0].Aliases);
        Assert.Equal((2, 4, "reinforcement learning from human feedback", 1.5), (concepts[0].Papers, concepts[0].Occurrences, concepts[0].LongForm, concepts[0].Relevance));
        Assert.Equal([new PaperConcept("2401.1", "RLHF", 3, 7.5, true), new PaperConcept("2401.1", name.Key, 1, 0.5, false)], workspace.ReadPaperConcepts("2401.1"));

        workspace.ReplaceConcepts([rlhf], [new PaperConcept("2401.1", "RLHF", 3, 7.5, true)]);
        Assert.Equal(1, workspace.Count("concepts"));
        Assert.Equal(1, workspace.Count("mentions"));
    }

    [Theory]
    [InlineData("plain", "naïve Bayes")]
    [InlineData("a \"quoted\" term", "plain")]
    [InlineData("back\\slash", "tab\there")]
    [InlineData("line\nbreak", "\u0001")]
    [InlineData("emoji \U0001F600", "中文 术语")]
    public void Aliases_of_every_kind_round_trip(string first, string second)
    {
        using var temp = new TempDirectory();
        using var workspace = WorkspaceDatabase.Open(temp.Path);
        var aliases = new Dictionary<string, int> { [first] = 3, [second] = 12_345_678 };
        workspace.ReplaceConcepts([new ConceptSummary("k", first, aliases, 1, 2, null, 0.5)], []);

        Assert.Equal(aliases, workspace.ReadConcepts().Single().Aliases);
    }

    [Fact]
    public void Concept_keys_are_unique_and_indexed_also_in_a_workspace_from_before_the_key_index()
    {
        using var temp = new TempDirectory();
        using (var workspace = WorkspaceDatabase.Open(temp.Path))
        {
            AddPapers(workspace, Paper("2401.1", "First."));
        }

        // Workspaces from before had the key as the table's primary key.
        RawSql(temp.Path, """
            DROP TABLE concepts;
            CREATE TABLE concepts (key TEXT PRIMARY KEY, name TEXT NOT NULL, aliases TEXT NOT NULL, papers INTEGER NOT NULL,
                occurrences INTEGER NOT NULL, long_form TEXT, relevance REAL NOT NULL);
            INSERT INTO concepts VALUES ('old', 'old', '{}', 1, 1, NULL, 1.0);
            """);

        using var upgraded = WorkspaceDatabase.Open(temp.Path);
        ConceptSummary Concept(string key) => new(key, key, new Dictionary<string, int> { [key] = 1 }, 1, 1, null, 1.0);
        upgraded.ReplaceConcepts([Concept("b"), Concept("a")], []);
        Assert.Equal(["a", "b"], upgraded.ReadConcepts().Select(c => c.Key).Order(StringComparer.Ordinal));

        using (var connection = new SqliteConnection($"Data Source={Path.Combine(temp.Path, WorkspaceDatabase.DatabaseFileName)};Pooling=False"))
        {
            connection.Open();
            using var plan = connection.CreateCommand();
            plan.CommandText = "EXPLAIN QUERY PLAN SELECT name FROM concepts WHERE key = 'a'";
            using (var reader = plan.ExecuteReader())
            {
                Assert.True(reader.Read());
                Assert.Contains("USING INDEX concepts_key", reader.GetString(3), StringComparison.Ordinal);
            }
        }

        Assert.Throws<SqliteException>(() => upgraded.ReplaceConcepts([Concept("a"), Concept("a")], []));
        Assert.Equal(2, upgraded.Count("concepts"));
    }

    [Fact]
    public void A_version_1_workspace_is_upgraded_in_place()
    {
        using var temp = new TempDirectory();
        using (var workspace = WorkspaceDatabase.Open(temp.Path))
        {
            AddPapers(workspace, Paper("2401.1", "First."));
        }

        // Make it look like a workspace written by the first version: no concept tables, schema_version 1.
        RawSql(temp.Path, "DROP TABLE paper_terms; DROP TABLE concepts; DROP TABLE mentions; UPDATE meta SET value = '1' WHERE key = 'schema_version';");

        using var upgraded = WorkspaceDatabase.Open(temp.Path);
        Assert.Equal(1, upgraded.CountPapers());
        Assert.Equal(0, upgraded.Count("concepts"));
        Assert.Single(upgraded.PapersToExtract(all: false, Format));
    }

    [Fact]
    public void A_version_4_graph_keeps_its_nodes_and_can_then_store_measures_left_empty()
    {
        using var temp = new TempDirectory();
        using (var workspace = WorkspaceDatabase.Open(temp.Path))
        {
            workspace.ReplaceConcepts([new ConceptSummary("a", "a", new Dictionary<string, int> { ["a"] = 1 }, 1, 1, null, 1.0), new ConceptSummary("b", "b", new Dictionary<string, int> { ["b"] = 1 }, 1, 1, null, 1.0)], []);
            workspace.ReplaceGraph([new GraphNodeRecord("a", 1, 2, 0.5, 0, 0.7, 1, 0, 0), new GraphNodeRecord("b", 1, 2, 0.5, 0, 0.7, 1, 0, 0)], []);
        }

        // Version 4's graph_nodes: every measure NOT NULL, no graph_missing table.
        RawSql(temp.Path, """
            DROP TABLE graph_missing; DROP TABLE graph_nodes;
            CREATE TABLE graph_nodes (key TEXT PRIMARY KEY, degree INTEGER NOT NULL, weighted_degree REAL NOT NULL, pagerank REAL NOT NULL,
                betweenness REAL NOT NULL, eigenvector REAL NOT NULL, core INTEGER NOT NULL, community INTEGER NOT NULL, component INTEGER NOT NULL);
            INSERT INTO graph_nodes VALUES ('a', 1, 2, 0.5, 0, 0.7, 1, 0, 0), ('b', 1, 2, 0.5, 0, 0.7, 1, 0, 0);
            UPDATE meta SET value = '4' WHERE key = 'schema_version';
            """);

        using var upgraded = WorkspaceDatabase.Open(temp.Path);
        var kept = upgraded.ReadTopConcepts(NodeMeasure.Eigenvector, 10);
        Assert.Equal(["a", "b"], kept.Select(r => r.Key));
        Assert.Equal(0.7, kept[0].Node.Eigenvector);
        Assert.Null(kept[0].Node.Topic);
        Assert.Null(kept[0].Node.Keyphraseness);
        Assert.Equal(["keyphraseness", "topic"], upgraded.ReadMissingMeasures().Keys);
        Assert.All(upgraded.ReadMissingMeasures().Values, reason => Assert.Contains("run papergraph build again", reason, StringComparison.Ordinal));

        upgraded.ReplaceGraph([new GraphNodeRecord("a", 1, 2, null, 0, null, 1, 0, 0, 0.25, null)], [],
            new Dictionary<string, string> { ["pagerank"] = "did not converge", ["eigenvector"] = "did not converge", ["topic"] = "needs PageRank" });
        var node = Assert.Single(upgraded.ReadTopConcepts(NodeMeasure.Degree, 10)).Node;
        Assert.Null(node.PageRank);
        Assert.Null(node.Eigenvector);
        Assert.Null(node.Topic);
        Assert.Equal(0.25, node.Keyphraseness);
        Assert.Equal(["eigenvector", "pagerank", "topic"], upgraded.ReadMissingMeasures().Keys);
    }

    [Fact]
    public void The_layout_coordinates_are_stored_with_each_node_and_may_be_absent()
    {
        using var temp = new TempDirectory();
        using var workspace = WorkspaceDatabase.Open(temp.Path);
        workspace.ReplaceConcepts([new ConceptSummary("a", "a", new Dictionary<string, int> { ["a"] = 1 }, 1, 1, null, 1.0), new ConceptSummary("b", "b", new Dictionary<string, int> { ["b"] = 1 }, 1, 1, null, 1.0)], []);
        workspace.ReplaceGraph([new GraphNodeRecord("a", 2, 2, 0.5, 0, 0.7, 1, 0, 0, 0.5, 0.1, -12.345678901234567, 0.1 + 0.2), new GraphNodeRecord("b", 1, 1, 0.5, 0, 0.7, 1, 0, 0, 0.5, 0.1)], []);
        var nodes = workspace.ReadTopConcepts(NodeMeasure.Degree, 10);
        Assert.Equal((-12.345678901234567, 0.1 + 0.2), (nodes[0].Node.X, nodes[0].Node.Y));
        Assert.Equal((null, null), (nodes[1].Node.X, nodes[1].Node.Y));
    }

    [Fact]
    public void A_version_6_workspace_gains_nullable_x_and_y_in_place_and_keeps_its_graph()
    {
        using var temp = new TempDirectory();
        using (var workspace = WorkspaceDatabase.Open(temp.Path))
        {
            workspace.ReplaceConcepts([new ConceptSummary("a", "a", new Dictionary<string, int> { ["a"] = 1 }, 1, 1, null, 1.0)], []);
            workspace.ReplaceGraph([new GraphNodeRecord("a", 1, 2, 0.5, 0, 0.7, 1, 0, 0, 0.25, 0.03)], []);
        }

        // Version 6's graph_nodes: no x and y.
        RawSql(temp.Path, """
            ALTER TABLE graph_nodes DROP COLUMN x; ALTER TABLE graph_nodes DROP COLUMN y;
            UPDATE meta SET value = '6' WHERE key = 'schema_version';
            """);

        using (var upgraded = WorkspaceDatabase.Open(temp.Path))
        {
            var node = Assert.Single(upgraded.ReadTopConcepts(NodeMeasure.Degree, 10)).Node;
            Assert.Equal(new GraphNodeRecord("a", 1, 2, 0.5, 0, 0.7, 1, 0, 0, 0.25, 0.03), node);
            upgraded.ReplaceGraph([new GraphNodeRecord("a", 1, 2, 0.5, 0, 0.7, 1, 0, 0, 0.25, 0.03, 1.5, -2.5)], []);
        }

        using var reopened = WorkspaceDatabase.Open(temp.Path);
        var stored = Assert.Single(reopened.ReadTopConcepts(NodeMeasure.Degree, 10)).Node;
        Assert.Equal((1.5, -2.5), (stored.X, stored.Y));
    }

    [Fact]
    public void A_version_5_graph_has_no_months_until_the_next_build_stores_them()
    {
        using var temp = new TempDirectory();
        using (var workspace = WorkspaceDatabase.Open(temp.Path))
        {
            workspace.ReplaceGraph([new GraphNodeRecord("a", 0, 0, 1.0, 0, 0, 0, 0, 0)], []);
        }

        // Version 5: no graph_months table and no record that months were stored.
        RawSql(temp.Path, "DROP TABLE graph_months; DELETE FROM meta WHERE key = 'graph_months_built'; UPDATE meta SET value = '5' WHERE key = 'schema_version';");

        using var upgraded = WorkspaceDatabase.Open(temp.Path);
        Assert.False(upgraded.HasGraphMonths());
        Assert.Empty(upgraded.ReadGraphMonths());

        upgraded.ReplaceGraph([new GraphNodeRecord("a", 0, 0, 1.0, 0, 0, 0, 0, 0)], [], months: [new ConceptMonth("a", "2024-03", 2), new ConceptMonth("a", "2024-01", 1)]);
        Assert.True(upgraded.HasGraphMonths());
        Assert.Equal([new ConceptMonth("a", "2024-01", 1), new ConceptMonth("a", "2024-03", 2)], upgraded.ReadGraphMonths());
    }
}

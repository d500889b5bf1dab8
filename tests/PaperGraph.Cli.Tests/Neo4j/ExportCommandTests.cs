using PaperGraph.Graph.Export;
using PaperGraph.Workspace;
using PaperGraph.Tests;
using PaperGraph.Core;

namespace PaperGraph.Cli.Tests.Neo4j;

public sealed class ExportCommandTests
{
    private static List<List<string>> ReadRows(string path) => [.. File.ReadAllLines(path).Select(PaperGraph.Core.Csv.ReadRow)];

    [Fact]
    public async Task Export_writes_header_and_data_files_for_neo4j_admin_and_prints_the_command()
    {
        using var fixture = new SyncFixture();
        using var temp = new TempDirectory();
        var output = temp.File("import");

        var run = await CliRun.RunAsync("export", "-w", fixture.Directory, "--format", "neo4j-admin", "--out", output, "--database", "papers");

        Assert.Equal(0, run.ExitCode);
        using var workspace = fixture.Open();
        Assert.Equal(workspace.CountPapers(), ReadRows(Path.Combine(output, "papers.csv")).Count);
        Assert.Equal(workspace.Count("graph_nodes"), ReadRows(Path.Combine(output, "concepts.csv")).Count);
        Assert.Equal(workspace.Count("graph_edges"), ReadRows(Path.Combine(output, "links.csv")).Count);
        Assert.Equal(workspace.ReadMentionsForSync(all: false).Count(), ReadRows(Path.Combine(output, "mentions.csv")).Count);
        Assert.Equal(2, ReadRows(Path.Combine(output, "communities.csv")).Count);
        Assert.Equal("id:ID(Paper),title,published,source,authors:int,upvotes:int", File.ReadAllText(Path.Combine(output, "papers.header.csv")).TrimEnd());
        Assert.StartsWith(":START_ID(Paper),:END_ID(Concept),", File.ReadAllText(Path.Combine(output, "mentions.header.csv")), StringComparison.Ordinal);
        foreach (var stem in new[] { "papers", "concepts", "communities", "mentions", "links", "memberships" })
        {
            var header = Csv.ReadRow(File.ReadAllText(Path.Combine(output, stem + ".header.csv")).TrimEnd());
            Assert.All(ReadRows(Path.Combine(output, stem + ".csv")), row => Assert.Equal(header.Count, row.Count));
            Assert.Contains($"{stem}.header.csv,", run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("neo4j-admin database import full papers --overwrite-destination --array-delimiter='|'", run.Out, StringComparison.Ordinal);
        Assert.Contains("--nodes=Paper=", run.Out, StringComparison.Ordinal);
        Assert.Contains("--relationships=CO_OCCURS=", run.Out, StringComparison.Ordinal);
        Assert.Contains("cypher-shell -u neo4j -d papers -f ", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "schema.cypher")));
    }

    [Theory]
    [InlineData("neo4j", "import")]
    [InlineData("papers-2025", "folder with spaces")]
    public async Task The_printed_command_parses_as_neo4j_admin_reads_it_and_names_only_files_that_exist(string database, string folder)
    {
        using var fixture = new SyncFixture();
        using var temp = new TempDirectory();

        var run = await CliRun.RunAsync("export", "-w", fixture.Directory, "--format", "neo4j-admin", "--out", temp.File(folder), "--database", database);

        Assert.Equal(0, run.ExitCode);
        var printed = run.Out.Split('\n').SkipWhile(l => !l.StartsWith("neo4j-admin ", StringComparison.Ordinal)).TakeWhile(l => l.Length > 0);
        var import = AdminCommandLine.Parse(string.Join('\n', printed));
        Assert.Equal(database, import.Database);
        Assert.Equal(["CO_OCCURS", "IN_COMMUNITY", "MENTIONS", "WRITTEN_BY"], import.Relationships.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Author", "Community", "Concept", "Paper"], import.Nodes.Keys.Order(StringComparer.Ordinal));
        Assert.All(import.Nodes.Values.Concat(import.Relationships.Values).SelectMany(f => f), file => Assert.True(File.Exists(file), $"{file} is named but does not exist"));
        Assert.All(import.Nodes.Values.Concat(import.Relationships.Values), f => Assert.Equal(2, f.Count));
    }

    [Fact]
    public async Task A_database_name_neo4j_would_not_accept_is_a_usage_error()
    {
        using var fixture = new SyncFixture();
        using var temp = new TempDirectory();

        var run = await CliRun.RunAsync("export", "-w", fixture.Directory, "--format", "neo4j-admin", "--out", temp.File("import"), "--database", "my papers");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PG2003: --database 'my papers':", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("import")));
    }

    [Fact]
    public async Task Names_with_quotes_commas_and_backticks_survive_the_csv_files()
    {
        using var fixture = new SyncFixture();
        using var temp = new TempDirectory();

        await CliRun.RunAsync("export", "-w", fixture.Directory, "--format", "neo4j-admin", "--out", temp.Path);

        var concept = ReadRows(temp.File("concepts.csv")).Single(r => r[0] == SyncFixture.InjectionKey);
        Assert.Equal(SyncFixture.InjectionName, concept[1]);
        Assert.Equal([SyncFixture.InjectionName, SyncFixture.InjectionName.ToUpperInvariant()], concept[2].Split('|'));
        Assert.Equal("Central", concept[^1]);
        var paper = ReadRows(temp.File("papers.csv")).Single(r => r[0] == "2401.00002");
        Assert.Equal("", paper[4]);
    }

    [Fact]
    public async Task Export_before_a_build_exits_3_and_an_unknown_format_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        CliRun.EmptyWorkspace(temp.File("ws"));

        var empty = await CliRun.RunAsync("export", "-w", temp.File("ws"), "--format", "neo4j-admin", "--out", temp.File("out"));
        var format = await CliRun.RunAsync("export", "-w", temp.File("ws"), "--format", "graphml", "--out", temp.File("out"));

        Assert.Equal(3, empty.ExitCode);
        Assert.Contains("papergraph build", empty.Error, StringComparison.Ordinal);
        Assert.Equal(2, format.ExitCode);
        Assert.Contains("graphml", format.Error, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Text;
using PaperGraph.FakeNeo4j;
using PaperGraph.Workspace;
using PaperGraph.Neo4j;

namespace PaperGraph.Cli.Tests.Neo4j;

/// <summary>What a sync must do to any database that speaks the Query API: the in-process fake, or a real Neo4j.</summary>
/// <remarks>Each check starts from an emptied database. Subclasses wrap every check in a test.</remarks>
public abstract class SyncContract
{
    /// <summary>Small batches, so that a sync of the fixture takes many requests and can be stopped between them.</summary>
    protected const int BatchSize = 2;

    private protected abstract IGraphStore Store { get; }

    private protected abstract string Address { get; }

    private protected async Task<SyncReport> SyncAsync(SyncFixture fixture, bool full = false, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var workspace = fixture.Open();
        return await new GraphSync(Store, workspace, Address).RunAsync(new SyncSettings(BatchSize, AllConcepts: false, full), progress, cancellationToken);
    }

    private protected Task WipeAsync() => Store.RunAsync(InspectionQueries.DeleteEverything);

    private protected async Task<long> CountAsync(string statement) => Convert.ToInt64((await Store.RunAsync(statement)).Rows[0][0], CultureInfo.InvariantCulture);

    /// <summary>Every PaperGraph node and relationship with its labels and properties, as sorted canonical lines.</summary>
    private protected async Task<List<string>> DumpAsync()
    {
        var lines = new List<string>();
        foreach (var row in (await Store.RunAsync(InspectionQueries.Nodes)).Rows)
        {
            lines.Add("node " + Canonical(((List<object?>)row[0]!).Cast<string>().Order(StringComparer.Ordinal).ToList<object?>()) + " " + Canonical(row[1]));
        }

        foreach (var row in (await Store.RunAsync(InspectionQueries.Relationships)).Rows)
        {
            lines.Add($"rel {row[0]} {Canonical(row[1])} {Canonical(row[2])} {Canonical(row[3])}");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private protected static string Canonical(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + "f",
        IDictionary<string, object?> map => "{" + string.Join(",", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Canonical(p.Value))) + "}",
        System.Collections.IEnumerable items => "[" + string.Join(",", items.Cast<object?>().Select(Canonical)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    private static async Task<Dictionary<string, long>> ExpectedCountsAsync(SyncFixture fixture)
    {
        await Task.CompletedTask;
        using var workspace = fixture.Open();
        var (concepts, communities) = GraphModel.ConceptsAndCommunities(workspace, all: false);
        return new Dictionary<string, long>
        {
            ["Paper"] = workspace.CountPapers(),
            ["Author"] = workspace.ReadPapers().SelectMany(p => p.AuthorNames).Distinct(StringComparer.Ordinal).Count(),
            ["WRITTEN_BY"] = workspace.ReadPapers().Sum(p => p.AuthorNames.Distinct(StringComparer.Ordinal).Count()),
            ["Concept"] = concepts.Count,
            ["Community"] = communities.Count,
            ["MENTIONS"] = workspace.ReadMentionsForSync(all: false).Count(),
            ["CO_OCCURS"] = workspace.Count("graph_edges"),
            ["IN_COMMUNITY"] = workspace.Count("graph_nodes"),
        };
    }

    private protected async Task AssertCountsEqualAsync(SyncFixture fixture)
    {
        var expected = await ExpectedCountsAsync(fixture);
        var actual = new Dictionary<string, long>();
        foreach (var label in new[] { "Paper", "Author", "Concept", "Community" })
        {
            actual[label] = await CountAsync(InspectionQueries.CountNodes(label));
        }

        foreach (var type in InspectionQueries.RelationshipTypes)
        {
            actual[type] = await CountAsync(InspectionQueries.CountRelationships(type));
        }

        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
    }

    /// <summary>The dump of a clean sync of <paramref name="version"/> into an emptied database (the database is left holding it).</summary>
    private protected async Task<List<string>> CleanSyncDumpAsync(int version)
    {
        await WipeAsync();
        using var fresh = new SyncFixture(version);
        await SyncAsync(fresh);
        return await DumpAsync();
    }

    protected async Task Check_schema_is_applied_with_the_rows()
    {
        await WipeAsync();
        using var fixture = new SyncFixture();

        await SyncAsync(fixture);

        var constraints = (await Store.RunAsync(InspectionQueries.Constraints)).Rows.Select(r => (string)r[0]!).ToList();
        var indexes = (await Store.RunAsync(InspectionQueries.Indexes)).Rows.Select(r => (string)r[0]!).ToList();
        Assert.Superset(new HashSet<string> { "paper_id", "concept_key", "community_id" }, constraints.ToHashSet());
        Assert.Superset(new HashSet<string> { "concept_name", "concept_pagerank", "concept_community", "paper_published", "co_occurs_papers" }, indexes.ToHashSet());
    }

    protected async Task Check_counts_equal_the_workspace()
    {
        await WipeAsync();
        using var fixture = new SyncFixture();

        var report = await SyncAsync(fixture);

        await AssertCountsEqualAsync(fixture);
        Assert.NotNull(report.Resync);
        Assert.All(report.Kinds, k => Assert.Equal(k.Rows, k.Written));
        Assert.All(report.Kinds, k => Assert.Equal(0, k.Removed));
    }

    protected async Task Check_a_second_sync_writes_nothing()
    {
        await WipeAsync();
        using var fixture = new SyncFixture();
        await SyncAsync(fixture);
        var before = await DumpAsync();

        var second = await SyncAsync(fixture);

        Assert.Null(second.Resync);
        Assert.Equal(0, second.RowsSent);
        Assert.Equal(0, second.SchemaChanges);
        Assert.All(second.Kinds, k => Assert.True(k.Rows > 0 && k.Written == 0, $"{k.Kind}: {k.Written} of {k.Rows} written"));
        Assert.Equal(before, await DumpAsync());
    }

    protected async Task Check_an_injection_shaped_name_round_trips()
    {
        await WipeAsync();
        using var fixture = new SyncFixture();

        await SyncAsync(fixture);

        var concept = await Store.RunAsync(InspectionQueries.ConceptByKey, new Dictionary<string, object?> { ["key"] = SyncFixture.InjectionKey });
        Assert.Single(concept.Rows);
        Assert.Equal(SyncFixture.InjectionName, concept.Value(0, "name"));
        Assert.Contains(SyncFixture.InjectionName, ((List<object?>)concept.Value(0, "aliases")!).Cast<string>());
        Assert.Contains(await DumpAsync(), line => line.StartsWith("node [\"Paper\"]", StringComparison.Ordinal)
            && line.Contains("title:" + Canonical(SyncFixture.InjectionName), StringComparison.Ordinal));
        await AssertCountsEqualAsync(fixture);
    }

    protected async Task Check_a_sync_stopped_half_way_and_run_again_equals_a_clean_sync()
    {
        var clean = await CleanSyncDumpAsync(1);
        await WipeAsync();
        using var fixture = new SyncFixture();
        using var stop = new CancellationTokenSource();
        var batches = 0;
        var progress = new Inline(_ =>
        {
            if (++batches == 4)
            {
                stop.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SyncAsync(fixture, progress: progress, cancellationToken: stop.Token));
        Assert.NotEqual(clean, await DumpAsync());
        var resumed = await SyncAsync(fixture);

        Assert.Null(resumed.Resync);
        Assert.True(resumed.RowsSent > 0);
        Assert.Equal(clean, await DumpAsync());
        await AssertCountsEqualAsync(fixture);
    }

    protected async Task Check_changes_are_sent_incrementally_and_what_is_gone_is_removed()
    {
        var clean = await CleanSyncDumpAsync(2);
        await WipeAsync();
        using var fixture = new SyncFixture(1);
        await SyncAsync(fixture);

        fixture.MoveTo(2);
        var report = await SyncAsync(fixture);

        var kinds = report.Kinds.ToDictionary(k => k.Kind);
        Assert.Null(report.Resync);
        Assert.Equal((1, 1, 0), (kinds[SyncKind.Paper].Written, kinds[SyncKind.Paper].New, kinds[SyncKind.Paper].Removed));
        Assert.Equal((3, 1, 1), (kinds[SyncKind.Concept].Written, kinds[SyncKind.Concept].New, kinds[SyncKind.Concept].Removed));
        Assert.Equal((2, 0, 0), (kinds[SyncKind.Community].Written, kinds[SyncKind.Community].New, kinds[SyncKind.Community].Removed));
        Assert.Equal((2, 2, 2), (kinds[SyncKind.Mention].Written, kinds[SyncKind.Mention].New, kinds[SyncKind.Mention].Removed));
        Assert.Equal((1, 1), (kinds[SyncKind.Link].New, kinds[SyncKind.Link].Removed));
        Assert.Empty((await Store.RunAsync(InspectionQueries.ConceptByKey, new Dictionary<string, object?> { ["key"] = "old concept" })).Rows);
        Assert.Equal(clean, await DumpAsync());
        await AssertCountsEqualAsync(fixture);
    }

    protected async Task Check_an_emptied_database_gets_every_row_again()
    {
        await WipeAsync();
        using var fixture = new SyncFixture();
        await SyncAsync(fixture);
        var first = await DumpAsync();
        await WipeAsync();

        var again = await SyncAsync(fixture);

        Assert.Contains("holds no rows", again.Resync, StringComparison.Ordinal);
        Assert.All(again.Kinds, k => Assert.Equal(k.Rows, k.Written));
        Assert.Equal(first, await DumpAsync());
    }

    private protected sealed class Inline(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }
}

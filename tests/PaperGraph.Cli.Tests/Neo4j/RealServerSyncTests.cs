using System.Globalization;
using PaperGraph.Core;
using PaperGraph.FakeNeo4j;
using PaperGraph.Workspace;
using PaperGraph.Neo4j;
using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests.Neo4j;

/// <summary>A test that needs a real Neo4j: it runs only when the environment names one, and reports itself skipped otherwise.</summary>
public sealed class Neo4jFactAttribute : FactAttribute
{
    public Neo4jFactAttribute()
    {
        if (RealServer.Settings() is null)
        {
            Skip = $"needs a real Neo4j 5.19+: set {RealServer.UriVariable}, {RealServer.UserVariable} and {RealServer.PasswordVariable} " +
                $"(and {RealServer.DatabaseVariable}, default neo4j). The tests EMPTY that database.";
        }
    }
}

/// <summary>The real server named by the environment.</summary>
internal static class RealServer
{
    public const string UriVariable = "PAPERGRAPH_NEO4J_URI";
    public const string UserVariable = "PAPERGRAPH_NEO4J_USER";
    public const string PasswordVariable = "PAPERGRAPH_NEO4J_PASSWORD";
    public const string DatabaseVariable = "PAPERGRAPH_NEO4J_DATABASE";

    public static Neo4jSettings? Settings()
    {
        var uri = Environment.GetEnvironmentVariable(UriVariable);
        var user = Environment.GetEnvironmentVariable(UserVariable);
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(uri) || string.IsNullOrEmpty(user) || password is null)
        {
            return null;
        }

        var database = Environment.GetEnvironmentVariable(DatabaseVariable);
        return Neo4jSettings.For(new Uri(uri), user, password, string.IsNullOrEmpty(database) ? "neo4j" : database);
    }
}

/// <summary>The sync contract, the shipped queries and the error mapping against a real Neo4j (see <see cref="Neo4jFactAttribute"/>).</summary>
/// <remarks>Every test empties the database first. The tests of one class run one after another, so they never share it.</remarks>
public sealed class RealServerSyncTests : SyncContract, IDisposable
{
    private readonly Neo4jSettings? _settings = RealServer.Settings();
    private readonly Neo4jQueryClient? _client;

    public RealServerSyncTests()
    {
        if (_settings is not null)
        {
            _client = new Neo4jQueryClient(_settings);
        }
    }

    private protected override IGraphStore Store => _client ?? throw new InvalidOperationException("No real server configured.");

    private protected override string Address => $"{_settings!.Uri.AbsoluteUri.TrimEnd('/')} {_settings.Database}";

    public void Dispose() => _client?.Dispose();

    [Neo4jFact]
    public Task Schema_is_applied_with_the_rows() => Check_schema_is_applied_with_the_rows();

    [Neo4jFact]
    public Task Counts_equal_the_workspace() => Check_counts_equal_the_workspace();

    [Neo4jFact]
    public Task A_second_sync_writes_nothing() => Check_a_second_sync_writes_nothing();

    [Neo4jFact]
    public Task An_injection_shaped_name_round_trips() => Check_an_injection_shaped_name_round_trips();

    [Neo4jFact]
    public Task A_sync_stopped_half_way_and_run_again_equals_a_clean_sync() => Check_a_sync_stopped_half_way_and_run_again_equals_a_clean_sync();

    [Neo4jFact]
    public Task Changes_are_sent_incrementally_and_what_is_gone_is_removed() => Check_changes_are_sent_incrementally_and_what_is_gone_is_removed();

    [Neo4jFact]
    public Task An_emptied_database_gets_every_row_again() => Check_an_emptied_database_gets_every_row_again();

    /// <summary>On the Daily Papers seed pages in <c>../shared/data/seeds</c> when they sit beside the repository, else on the shipped samples.</summary>
    [Neo4jFact]
    public async Task Every_shipped_query_runs_and_returns_rows_on_the_seed_data()
    {
        await WipeAsync();
        using var temp = new TempDirectory();
        var workspace = temp.File("ws");
        var seeds = SharedData.Root is { } shared && Directory.Exists(Path.Combine(shared, "seeds"))
            ? Path.Combine(shared, "seeds")
            : Path.Combine(Repository.Root ?? throw new InvalidOperationException($"PaperGraph.sln not found above {AppContext.BaseDirectory}"), "samples");
        // Daily Papers pages name no authors: two papers of our own that do, on the seeds' central topic.
        var authored = Path.Combine(Path.GetDirectoryName(workspace)!, "authored.jsonl");
        await File.WriteAllTextAsync(authored, """
            {"id": "2499.00001", "title": "Aligning large language models", "abstract": "We align large language models with reinforcement learning from human feedback.", "authors": ["Ada Lovelace", "Grace Hopper"]}
            {"id": "2499.00002", "title": "Evaluating large language models", "abstract": "Large language models are evaluated on reasoning benchmarks.", "authors": "Ada Lovelace and Alan Turing"}
            """);
        var build = await CliRun.RunAsync("build", seeds, authored, "-w", workspace);
        Assert.True(build.ExitCode == 0, build.Error);
        var sync = await SyncCliAsync(workspace);
        Assert.True(sync.ExitCode == 0, sync.Error);
        Assert.Contains("sent:        nothing", (await SyncCliAsync(workspace)).Out, StringComparison.Ordinal);

        var parameters = QueryParameters(workspace);
        var queries = CypherFiles.Queries();
        Assert.Equal(parameters.Keys.Order(StringComparer.Ordinal), queries.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, statement) in queries)
        {
            var result = await Store.RunAsync(statement, parameters[name]);
            Assert.True(result.Rows.Count > 0, $"{name} returned no rows with {string.Join(", ", parameters[name].Select(p => $"{p.Key}={p.Value}"))}");
        }
    }

    [Neo4jFact]
    public async Task A_wrong_password_and_an_unknown_database_are_graph_store_errors()
    {
        using var wrong = new Neo4jQueryClient(_settings! with { Password = _settings.Password + "-wrong" });
        using var missing = new Neo4jQueryClient(_settings with { Database = "papergraphmissing" });

        var unauthorized = await Assert.ThrowsAsync<GraphStoreException>(() => wrong.RunAsync("RETURN 1 AS x"));
        var notFound = await Assert.ThrowsAsync<GraphStoreException>(() => missing.RunAsync("RETURN 1 AS x"));
        var syntax = await Assert.ThrowsAsync<GraphStoreException>(() => Store.RunAsync("RETURN 1 +"));

        Assert.Equal(ErrorCodes.GraphStoreUnauthorized, unauthorized.Code);
        Assert.Equal(ErrorCodes.DatabaseNotFound, notFound.Code);
        Assert.Contains("papergraphmissing", notFound.Message, StringComparison.Ordinal);
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", syntax.Neo4jCode);
    }

    private async Task<CliRun> SyncCliAsync(string workspace) =>
        await CliRun.RunWithInputAsync(_settings!.Password + "\n", CancellationToken.None,
            "sync", "-w", workspace, "--neo4j", _settings.Uri.AbsoluteUri, "--database", _settings.Database, "--user", _settings.User!, "--password-stdin");

    /// <summary>Parameters for each shipped query, chosen from the workspace so that each has rows to find.</summary>
    private static Dictionary<string, Dictionary<string, object?>> QueryParameters(string directory)
    {
        using var workspace = WorkspaceDatabase.Open(directory);
        var strongest = workspace.ReadGraphEdges().OrderByDescending(e => e.Papers).ThenBy(e => e.Source, StringComparer.Ordinal).First();
        var dates = workspace.ReadPapers().Select(p => p.Published).OfType<string>().Where(d => d.Length == 10 && char.IsDigit(d[0])).Order(StringComparer.Ordinal).ToList();
        return new Dictionary<string, Dictionary<string, object?>>
        {
            ["top-concepts"] = new() { ["limit"] = 10 },
            ["concept-neighbourhood"] = new() { ["concept"] = strongest.Source.ToUpperInvariant(), ["limit"] = 10 },
            ["shortest-path"] = new() { ["from"] = strongest.Source, ["to"] = strongest.Target, ["papers"] = 3 },
            ["papers-mentioning-both"] = new() { ["first"] = strongest.Source, ["second"] = strongest.Target, ["limit"] = 10 },
            ["community-members"] = new() { ["community"] = 0, ["limit"] = 10 },
            ["growth-since"] = new() { ["since"] = dates[^1], ["minPapers"] = 1, ["limit"] = 10 },
            ["concept-authors"] = new() { ["concept"] = workspace.ReadPaperConcepts("2499.00002").Select(m => m.ConceptKey).First(k => workspace.ReadNode(k) is not null), ["limit"] = 10 },
            ["rising-concepts"] = new() { ["since"] = workspace.ReadTimes().Values.SelectMany(t => t.Bursts).Select(b => b.End).Order(StringComparer.Ordinal).FirstOrDefault() ?? "9999-12", ["limit"] = 10 },
        };
    }
}

using PaperGraph.Core;
using PaperGraph.FakeNeo4j;
using PaperGraph.Workspace;
using PaperGraph.Neo4j;

namespace PaperGraph.Cli.Tests.Neo4j;

/// <summary>The sync contract against the in-process Query API server, plus faults only a fake can inject.</summary>
public sealed class FakeServerSyncTests : SyncContract, IAsyncLifetime
{
    private FakeNeo4jServer _server = null!;
    private Neo4jQueryClient _client = null!;

    private protected override IGraphStore Store => _client;

    private protected override string Address => _server.Uri + " neo4j";

    public async Task InitializeAsync()
    {
        _server = await FakeNeo4jServer.StartAsync();
        _client = new Neo4jQueryClient(new Neo4jSettings(_server.Uri, "neo4j", _server.User, _server.Password, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)),
            retry: new RetryPolicy(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50), seed: 3));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public Task Schema_is_applied_with_the_rows() => Check_schema_is_applied_with_the_rows();

    [Fact]
    public Task Counts_equal_the_workspace() => Check_counts_equal_the_workspace();

    [Fact]
    public Task A_second_sync_writes_nothing() => Check_a_second_sync_writes_nothing();

    [Fact]
    public Task An_injection_shaped_name_round_trips() => Check_an_injection_shaped_name_round_trips();

    [Fact]
    public Task A_sync_stopped_half_way_and_run_again_equals_a_clean_sync() => Check_a_sync_stopped_half_way_and_run_again_equals_a_clean_sync();

    [Fact]
    public Task Changes_are_sent_incrementally_and_what_is_gone_is_removed() => Check_changes_are_sent_incrementally_and_what_is_gone_is_removed();

    [Fact]
    public Task An_emptied_database_gets_every_row_again() => Check_an_emptied_database_gets_every_row_again();

    [Fact]
    public async Task A_second_sync_sends_no_write_statement_at_all()
    {
        using var fixture = new SyncFixture();
        await SyncAsync(fixture);
        var first = _server.Requests.Count;

        await SyncAsync(fixture);

        var second = _server.Requests.Skip(first).ToList();
        Assert.DoesNotContain(second, r => r.Statement!.Contains("UNWIND", StringComparison.Ordinal) || r.Statement.Contains("SET ", StringComparison.Ordinal));
        Assert.Equal(CypherFiles.SchemaStatements().Count + 1, second.Count);
    }

    [Fact]
    public async Task Concepts_carry_their_first_month_and_bursts()
    {
        using var fixture = new SyncFixture();

        await SyncAsync(fixture);

        var rlhf = _server.Graph.Concepts["RLHF"].Properties;
        Assert.Equal("2024-01", rlhf["firstMonth"]);
        Assert.Equal(["2024-01"], Assert.IsAssignableFrom<IEnumerable<object?>>(rlhf["burstStarts"]));
        Assert.Equal(["2024-02"], Assert.IsAssignableFrom<IEnumerable<object?>>(rlhf["burstEnds"]));
        Assert.Equal(3.5, Convert.ToDouble(Assert.Single(Assert.IsAssignableFrom<IEnumerable<object?>>(rlhf["burstStrengths"])), System.Globalization.CultureInfo.InvariantCulture));
        var reward = _server.Graph.Concepts["reward model"].Properties;
        Assert.Equal("2024-01", reward["firstMonth"]);
        Assert.False(reward.ContainsKey("burstStarts") && reward["burstStarts"] is not null);
        Assert.False(_server.Graph.Concepts["low-rank adaptation"].Properties.TryGetValue("firstMonth", out var none) && none is not null);
    }

    [Fact]
    public async Task Values_never_appear_in_statement_text()
    {
        using var fixture = new SyncFixture();

        await SyncAsync(fixture);

        var known = CypherFiles.Names().Where(n => n.EndsWith(".cypher", StringComparison.Ordinal)).SelectMany(n => CypherFiles.Statements(CypherFiles.Read(n))).ToHashSet();
        Assert.All(_server.Requests, r => Assert.Contains(r.Statement!, known));
        Assert.Equal(SyncFixture.InjectionName, _server.Graph.Concepts[SyncFixture.InjectionKey].Properties["name"]);
    }

    [Theory]
    [InlineData(FaultKind.TransientError)]
    [InlineData(FaultKind.ServiceUnavailable)]
    [InlineData(FaultKind.DropConnection)]
    [InlineData(FaultKind.DropAfterCommit)]
    public async Task A_transient_fault_in_a_batch_is_retried_and_the_graph_ends_as_a_clean_sync(FaultKind kind)
    {
        var clean = await CleanSyncDumpAsync(1);
        await WipeAsync();
        using var fixture = new SyncFixture();
        _server.Inject(new Fault(kind, "MERGE (p)-[m:MENTIONS]", Times: 2));

        var report = await SyncAsync(fixture);

        Assert.Equal(0, _server.PendingFaults);
        Assert.All(report.Kinds, k => Assert.Equal(k.Rows, k.Written));
        Assert.Equal(clean, await DumpAsync());
    }

    [Fact]
    public async Task A_client_error_stops_the_sync_quoting_the_code_and_a_second_run_finishes_it()
    {
        var clean = await CleanSyncDumpAsync(1);
        await WipeAsync();
        using var fixture = new SyncFixture();
        _server.Inject(new Fault(FaultKind.ClientError, "MERGE (a)-[l:CO_OCCURS]"));

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => SyncAsync(fixture));
        Assert.Equal(ErrorCodes.GraphStoreRejected, e.Code);
        Assert.Contains("Neo.ClientError.Statement.SemanticError", e.Message, StringComparison.Ordinal);
        var requestsBefore = _server.Requests.Count;

        var resumed = await SyncAsync(fixture);

        Assert.Equal(0, resumed.Kinds.Single(k => k.Kind == SyncKind.Paper).Written);
        Assert.True(resumed.Kinds.Single(k => k.Kind == SyncKind.Link).Written > 0);
        Assert.Equal(clean, await DumpAsync());
        Assert.True(_server.Requests.Count > requestsBefore);
    }

    [Fact]
    public async Task A_replaced_database_with_another_generation_gets_every_row_again()
    {
        using var fixture = new SyncFixture();
        await SyncAsync(fixture);
        var workspaceId = fixture.Open().GetOrCreateWorkspaceId();
        _server.Graph.Markers[workspaceId] = 99;

        var report = await SyncAsync(fixture);

        Assert.Contains("generation 99", report.Resync, StringComparison.Ordinal);
        Assert.Equal(100, _server.Graph.Markers[workspaceId]);
        Assert.All(report.Kinds, k => Assert.Equal(k.Rows, k.Written));
    }

    [Fact]
    public async Task Syncing_before_a_build_is_an_input_error()
    {
        using var temp = new PaperGraph.Tests.TempDirectory();
        using var workspace = PaperGraph.Workspace.WorkspaceDatabase.Open(temp.Path);

        var e = await Assert.ThrowsAsync<PaperGraphException>(() => new GraphSync(Store, workspace, Address).RunAsync(new SyncSettings()));

        Assert.Equal(3, e.ExitCode);
        Assert.Contains("papergraph build", e.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }
}

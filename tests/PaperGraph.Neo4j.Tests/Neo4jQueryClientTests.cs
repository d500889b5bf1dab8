using System.Diagnostics;
using PaperGraph.Core;
using PaperGraph.FakeNeo4j;
using PaperGraph.Neo4j;
using PaperGraph.Workspace;

namespace PaperGraph.Neo4j.Tests;

/// <summary>The Query API client against the in-process server: shapes, error mapping and retries.</summary>
public sealed class Neo4jQueryClientTests : IAsyncLifetime
{
    private FakeNeo4jServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeNeo4jServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Neo4jQueryClient Client(string? password = "test-password", string database = "neo4j", double budgetSeconds = 5, string? user = "neo4j", Uri? uri = null) =>
        new(new Neo4jSettings(uri ?? _server.Uri, database, user, password, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(budgetSeconds)),
            retry: new RetryPolicy(TimeSpan.FromSeconds(budgetSeconds), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100), seed: 1));

    private static Dictionary<string, object?> Rows(params PropertyRow[] rows) => new() { ["rows"] = rows.ToList() };

    private static PropertyRow Paper(string id, string title) => new(GraphModel.PaperFields, [id, title, "2024-01-03", "a.jsonl:1", 3, null, new[] { "Ada Lovelace" }]);

    [Fact]
    public async Task RunAsync_returns_fields_rows_and_counters()
    {
        using var client = Client();
        var write = await client.RunAsync(GraphModel.UpsertStatement(SyncKind.Paper), Rows(Paper("p1", "One"), Paper("p2", "Two")));
        var count = await client.RunAsync(InspectionQueries.CountNodes("Paper"));

        Assert.Equal(3, write.Counters["nodesCreated"]); // two papers and their one author
        Assert.True(write.Writes > 0);
        Assert.Equal(["count"], count.Fields);
        Assert.Equal(2L, count.Value(0, "count"));
        Assert.Equal("One", _server.Graph.Papers["p1"].Properties["title"]);
        Assert.False(_server.Graph.Papers["p1"].Properties.ContainsKey("upvotes"));
    }

    [Fact]
    public async Task Doubles_arrive_as_floats_even_when_integral_and_integers_as_integers()
    {
        using var client = Client();
        var row = new PropertyRow(GraphModel.LinkFields, ["a", "b", 3, 3.0, 0.0, 1.0, 2.5]);
        await client.RunAsync(GraphModel.UpsertStatement(SyncKind.Concept), Rows(
            new PropertyRow(["key", "name", "central"], ["a", "a", false]), new PropertyRow(["key", "name", "central"], ["b", "b", false])));
        await client.RunAsync(GraphModel.UpsertStatement(SyncKind.Link), Rows(row));

        var link = _server.Graph.Links[("a", "b")];
        Assert.IsType<long>(link["papers"]);
        Assert.IsType<double>(link["count"]);
        Assert.IsType<double>(link["weight"]);
        Assert.Equal(0.0, link["weight"]);
        Assert.Equal(2.5, link["associationStrength"]);
    }

    [Fact]
    public async Task A_503_is_retried_and_the_second_answer_returned()
    {
        _server.Inject(new Fault(FaultKind.ServiceUnavailable));
        using var client = Client();

        var result = await client.RunAsync(InspectionQueries.CountNodes("Paper"));

        Assert.Equal(0L, result.Value(0, "count"));
        Assert.Equal([503, 202], _server.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task A_transient_error_in_a_batch_is_retried_and_the_batch_applied_once()
    {
        _server.Inject(new Fault(FaultKind.TransientError, "MERGE (p:Paper", Times: 2));
        using var client = Client();

        await client.RunAsync(GraphModel.UpsertStatement(SyncKind.Paper), Rows(Paper("p1", "One")));

        Assert.Equal([503, 503, 202], _server.Requests.Select(r => r.Status));
        Assert.Single(_server.Graph.Papers);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried()
    {
        _server.Inject(new Fault(FaultKind.DropConnection));
        using var client = Client();

        var result = await client.RunAsync(InspectionQueries.CountNodes("Concept"));

        Assert.Equal(0L, result.Value(0, "count"));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_client_error_fails_at_once_quoting_code_and_message()
    {
        _server.Inject(new Fault(FaultKind.ClientError));
        using var client = Client();

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync(InspectionQueries.CountNodes("Paper")));

        Assert.Equal(ErrorCodes.GraphStoreRejected, e.Code);
        Assert.Equal(4, e.ExitCode);
        Assert.Equal("Neo.ClientError.Statement.SemanticError", e.Neo4jCode);
        Assert.Contains("Neo.ClientError.Statement.SemanticError: Injected client error", e.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_syntax_error_and_a_missing_parameter_are_client_errors()
    {
        using var client = Client();

        var syntax = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync("RETURN 1 +"));
        var missing = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync(GraphModel.UpsertStatement(SyncKind.Paper)));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", syntax.Neo4jCode);
        Assert.Equal("Neo.ClientError.Statement.ParameterMissing", missing.Neo4jCode);
        Assert.Contains("rows", missing.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_wrong_password_is_rejected_once_without_retry_and_never_quoted()
    {
        using var client = Client(password: "wrong-secret-2718");

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync(InspectionQueries.CountNodes("Paper")));

        Assert.Equal(ErrorCodes.GraphStoreUnauthorized, e.Code);
        Assert.Contains("Invalid credential.", e.Message, StringComparison.Ordinal);
        Assert.Contains("'neo4j'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-2718", e.ToString(), StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task Missing_credentials_are_reported_as_the_server_words_them()
    {
        using var client = Client(user: null, password: null);

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync(InspectionQueries.CountNodes("Paper")));

        Assert.Equal(ErrorCodes.GraphStoreUnauthorized, e.Code);
        Assert.Contains("No authentication header supplied.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_database_is_named()
    {
        using var client = Client(database: "papers2024");

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync(InspectionQueries.CountNodes("Paper")));

        Assert.Equal(ErrorCodes.DatabaseNotFound, e.Code);
        Assert.Contains("no database 'papers2024'", e.Message, StringComparison.Ordinal);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_server_that_is_not_the_query_api_is_a_protocol_error()
    {
        using var client = Client(uri: new Uri(_server.Uri, "/not-neo4j/"));

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync(InspectionQueries.CountNodes("Paper")));

        Assert.Equal(ErrorCodes.GraphStoreProtocol, e.Code);
        Assert.Contains("HTTP 404", e.Message, StringComparison.Ordinal);
        Assert.Contains("Query API", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_first_connection_fails_at_once_naming_the_address()
    {
        var port = FakeNeo4jServer.FreePort();
        using var client = Client(uri: new Uri($"http://127.0.0.1:{port}"), budgetSeconds: 60);
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync("RETURN 1"));

        Assert.Equal(ErrorCodes.GraphStoreUnavailable, e.Code);
        Assert.Contains($"Neo4j at http://127.0.0.1:{port}, database neo4j is unavailable: connection refused at the first request", e.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 10);
    }

    [Fact]
    public async Task A_server_that_accepts_but_never_answers_fails_after_the_first_answer_timeout_not_the_request_timeout()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var settings = new Neo4jSettings(new Uri($"http://127.0.0.1:{port}"), "neo4j", "neo4j", "pw", TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(60))
        {
            FirstAnswerTimeout = TimeSpan.FromSeconds(1),
        };
        using var client = new Neo4jQueryClient(settings);
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync("RETURN 1"));

        Assert.Equal(ErrorCodes.GraphStoreUnavailable, e.Code);
        Assert.Contains("accepted the connection but sent no answer within 1 s at the first request", e.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.5, 30);
    }

    [Fact]
    public async Task An_unknown_host_fails_at_once()
    {
        // .invalid never resolves (RFC 2606).
        using var client = Client(uri: new Uri("http://papergraph-test.invalid:7474"), budgetSeconds: 60);
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync("RETURN 1"));

        Assert.Equal(ErrorCodes.GraphStoreUnavailable, e.Code);
        Assert.Contains("http://papergraph-test.invalid:7474", e.Message, StringComparison.Ordinal);
        Assert.Contains("at the first request", e.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 10);
    }

    [Fact]
    public async Task After_a_first_answer_a_refused_connection_is_retried_until_the_budget_is_spent()
    {
        var server = await FakeNeo4jServer.StartAsync();
        using var client = Client(uri: server.Uri, budgetSeconds: 1);
        await client.RunAsync(InspectionQueries.CountNodes("Paper"));
        await server.DisposeAsync();
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<GraphStoreException>(() => client.RunAsync("RETURN 1"));

        Assert.Equal(ErrorCodes.GraphStoreUnavailable, e.Code);
        Assert.Contains("connection refused", e.Message, StringComparison.Ordinal);
        Assert.Matches(@"tried ([3-9]|\d\d+) times", e.Message);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.2, 5);
    }

    [Fact]
    public async Task A_server_that_restarts_after_a_first_answer_is_used_again()
    {
        var first = await FakeNeo4jServer.StartAsync();
        var port = first.Uri.Port;
        using var client = Client(uri: first.Uri, budgetSeconds: 20);
        await client.RunAsync(InspectionQueries.CountNodes("Paper"));
        await first.DisposeAsync();

        var running = client.RunAsync(InspectionQueries.CountNodes("Paper"));
        await Task.Delay(300);
        Assert.False(running.IsCompleted);
        await using var restarted = await FakeNeo4jServer.StartAsync(port: port);
        var result = await running;

        Assert.Equal(0L, result.Value(0, "count"));
        Assert.Single(restarted.Requests);
    }
}

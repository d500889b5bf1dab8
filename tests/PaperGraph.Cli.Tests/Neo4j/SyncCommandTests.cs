using PaperGraph.FakeNeo4j;
using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests.Neo4j;

/// <summary><c>papergraph sync</c> end to end against the in-process server: output, exit codes, and the password kept secret.</summary>
public sealed class SyncCommandTests : IAsyncLifetime
{
    private const string Password = "s3cret-Pa55word";
    private FakeNeo4jServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeNeo4jServer.StartAsync("neo4j", Password);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<CliRun> SyncAsync(string workspace, string password = Password, params string[] extra) =>
        CliRun.RunWithInputAsync(password + "\n", CancellationToken.None,
            ["sync", "-w", workspace, "--neo4j", _server.Uri.ToString(), "--user", "neo4j", "--password-stdin", .. extra]);

    [Fact]
    public async Task Sync_prints_what_it_wrote_and_a_second_run_says_nothing_was_sent()
    {
        using var fixture = new SyncFixture();

        var first = await SyncAsync(fixture.Directory, extra: ["--batch-size", "3", "--verbose"]);
        var second = await SyncAsync(fixture.Directory);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("every row:   sent, because: first sync to this database", first.Out, StringComparison.Ordinal);
        Assert.Matches(@"papers:\s+4 in the workspace; 4 written \(4 new, 0 changed\), 0 removed", first.Out);
        Assert.Matches(@"links:\s+5 in the workspace; 5 written", first.Out);
        Assert.Matches(@"sent:\s+[\d,]+ rows in [\d.]+ s \([\d,]+ rows/s\), batches of 3", first.Out);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("sent:        nothing; Neo4j already holds this workspace's graph", second.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("every row", second.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, first.Out + first.Error + second.Out + second.Error, StringComparison.Ordinal);
        Assert.Equal(5, _server.Graph.Concepts.Count);
    }

    [Fact]
    public async Task A_wrong_password_exits_4_with_one_line_that_never_shows_the_password()
    {
        using var fixture = new SyncFixture();

        var run = await SyncAsync(fixture.Directory, "wrong-" + Password, "--verbose");

        Assert.Equal(4, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Contains("error PG4002: Neo4j at", run.Error, StringComparison.Ordinal);
        Assert.Contains("rejected the credentials of user 'neo4j' (Neo.ClientError.Security.Unauthorized: Invalid credential.)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.Out + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_database_exits_4_naming_it()
    {
        using var fixture = new SyncFixture();

        var run = await SyncAsync(fixture.Directory, extra: ["--database", "papers2025"]);

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("error PG4003:", run.Error, StringComparison.Ordinal);
        Assert.Contains("no database 'papers2025'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_is_not_there_exits_4_at_once_naming_the_address()
    {
        // Default settings: 60 s of retries, which only apply once the server has answered.
        using var fixture = new SyncFixture();
        var port = FakeNeo4jServer.FreePort();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = await CliRun.RunWithInputAsync(Password + "\n", CancellationToken.None,
            "sync", "-w", fixture.Directory, "--neo4j", $"http://127.0.0.1:{port}", "--password-stdin");

        Assert.Equal(4, run.ExitCode);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 10);
        run.AssertNoStackTrace();
        Assert.Equal(
            $"error PG4001: Neo4j at http://127.0.0.1:{port}, database neo4j is unavailable: connection refused at the first request, so it was not retried; is the server running, and is the address right (the HTTP port, 7474 by default)?",
            run.Error.Trim());
    }

    [Theory]
    [InlineData("bolt://localhost:7687")]
    [InlineData("localhost:7474")]
    public async Task A_non_http_address_is_a_usage_error(string address)
    {
        using var fixture = new SyncFixture();

        var run = await CliRun.RunWithInputAsync(Password + "\n", CancellationToken.None, "sync", "-w", fixture.Directory, "--neo4j", address, "--password-stdin");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not an HTTP address of Neo4j", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_password_on_standard_input_is_a_usage_error()
    {
        using var fixture = new SyncFixture();

        var run = await SyncAsync(fixture.Directory, password: "");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--password-stdin: standard input was empty", run.Error, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_workspace_without_a_graph_exits_3_saying_to_build_first()
    {
        using var temp = new TempDirectory();

        var run = await SyncAsync(CliRun.EmptyWorkspace(temp.File("empty")));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("run 'papergraph build", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_explains_the_password_and_the_incremental_behaviour()
    {
        var run = await CliRun.RunAsync("sync", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("PAPERGRAPH_NEO4J_PASSWORD", run.Out, StringComparison.Ordinal);
        Assert.Contains("--password-stdin", run.Out, StringComparison.Ordinal);
        Assert.Contains("second sync of", run.Out, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PaperGraph.FakeNeo4j;

namespace PaperGraph.Neo4j.Tests;

/// <summary>The in-process server answers with the shapes recorded from Neo4j 5.26 (../shared/neo4j/QUERY-API.md), checked over raw HTTP.</summary>
public sealed class FakeServerShapeTests : IAsyncLifetime
{
    private FakeNeo4jServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeNeo4jServer.StartAsync("neo4j", "pw");
        _http = new HttpClient { BaseAddress = _server.Uri };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:pw")));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(string body, string database = "neo4j")
    {
        var response = await _http.PostAsync($"/db/{database}/query/v2", new StringContent(body, Encoding.UTF8, "application/json"));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, json, response);
    }

    [Fact]
    public async Task Discovery_names_the_query_endpoint_and_the_version()
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("/"));

        Assert.EndsWith("/db/{databaseName}/query/v2", document.RootElement.GetProperty("query").GetString(), StringComparison.Ordinal);
        Assert.Equal("5.26.0", document.RootElement.GetProperty("neo4j_version").GetString());
    }

    [Fact]
    public async Task Success_is_202_with_fields_values_bookmarks_and_counters_when_asked()
    {
        var (status, body, _) = await PostAsync("""{"statement": "MATCH (n:Paper) RETURN count(n) AS count", "includeCounters": true}""");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("count", body.GetProperty("data").GetProperty("fields")[0].GetString());
        Assert.Equal(0, body.GetProperty("data").GetProperty("values")[0][0].GetInt64());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("bookmarks").ValueKind);
        Assert.False(body.GetProperty("counters").GetProperty("containsUpdates").GetBoolean());
    }

    [Theory]
    [InlineData("{not json", 400, "Neo.ClientError.Request.Invalid")]
    [InlineData("""{"statement": "RETURN 1 +"}""", 400, "Neo.ClientError.Statement.SyntaxError")]
    [InlineData("""{"statement": "MATCH (c:Concept {key: $key}) RETURN c.name AS name, c.aliases AS aliases, labels(c) AS labels"}""", 400, "Neo.ClientError.Statement.ParameterMissing")]
    public async Task Errors_come_in_the_recorded_envelope(string body, int status, string code)
    {
        var (actual, json, _) = await PostAsync(body);

        Assert.Equal(status, (int)actual);
        Assert.Equal(code, json.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("errors")[0].GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Wrong_credentials_are_401_with_the_authenticate_header_and_unknown_databases_404()
    {
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:nope")));
        var (status, body, response) = await PostAsync("""{"statement": "RETURN 1"}""");
        _http.DefaultRequestHeaders.Authorization = null;
        var (anonymous, anonymousBody, _) = await PostAsync("""{"statement": "RETURN 1"}""");
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:pw")));
        var (missing, missingBody, _) = await PostAsync("""{"statement": "RETURN 1"}""", "nowhere");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Invalid credential.", body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("Basic realm=\"Neo4j\", Bearer realm=\"Neo4j\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal("No authentication header supplied.", anonymousBody.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("Neo.ClientError.Database.DatabaseNotFound", missingBody.GetProperty("errors")[0].GetProperty("code").GetString());
    }
}

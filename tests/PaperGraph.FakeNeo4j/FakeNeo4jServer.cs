using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PaperGraph.Neo4j;

namespace PaperGraph.FakeNeo4j;

/// <summary>What the fake server does instead of answering a request.</summary>
public enum FaultKind
{
    /// <summary>HTTP 503 with an HTML body, as a proxy or a restarting server.</summary>
    ServiceUnavailable,

    /// <summary>HTTP 503 with <c>Neo.TransientError.Transaction.DeadlockDetected</c>; nothing is applied.</summary>
    TransientError,

    /// <summary>HTTP 400 with <c>Neo.ClientError.Statement.SemanticError</c>; nothing is applied.</summary>
    ClientError,

    /// <summary>The connection is closed without an answer; nothing is applied.</summary>
    DropConnection,

    /// <summary>The statement is applied, then the connection is closed without an answer (the client cannot know it committed).</summary>
    DropAfterCommit,
}

/// <summary>A fault for the next request whose statement contains <paramref name="StatementContains"/> (any request when null), <paramref name="Times"/> times.</summary>
public sealed record Fault(FaultKind Kind, string? StatementContains = null, int Times = 1);

/// <summary>One request the fake server received.</summary>
public sealed record ReceivedRequest(string Database, string? Statement, int Rows, int Status);

/// <summary>An in-process HTTP server that answers Neo4j's Query API (<c>POST /db/{db}/query/v2</c>) as a Neo4j 5.26 server does.</summary>
/// <remarks>
/// Shapes follow the recorded exchanges: discovery on <c>GET /</c>; success is 202 with
/// <c>{"data": {"fields", "values"}, "bookmarks"}</c> and <c>counters</c> when asked; errors are
/// <c>{"errors": [{"code", "message"}]}</c> with 400 (syntax, constraint, missing parameter, malformed JSON),
/// 401 with <c>WWW-Authenticate</c> (wrong or missing credentials), 404 (unknown database). JSON numbers with a
/// fraction or exponent become floats, others integers, as the server reads plain JSON. Statements are run by
/// <see cref="FakeGraph"/>.
/// </remarks>
public sealed class FakeNeo4jServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly object _lock = new();

    private FakeNeo4jServer(WebApplication app, string? user, string? password)
    {
        _app = app;
        User = user;
        Password = password;
    }

    public string? User { get; }

    public string? Password { get; }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Uri { get; private set; } = null!;

    /// <summary>The databases by name; requests to others get 404.</summary>
    public Dictionary<string, FakeGraph> Databases { get; } = new(StringComparer.Ordinal) { ["neo4j"] = new FakeGraph() };

    public FakeGraph Graph => Databases["neo4j"];

    /// <summary>Every request received, in order.</summary>
    public List<ReceivedRequest> Requests { get; } = [];

    /// <summary>Starts a server on <paramref name="port"/> of the loopback interface (0: any free port).</summary>
    public static async Task<FakeNeo4jServer> StartAsync(string? user = "neo4j", string? password = "test-password", int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var server = new FakeNeo4jServer(app, user, password);
        app.MapGet("/", server.DiscoveryAsync);
        app.MapPost("/db/{database}/query/v2", server.QueryAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Uri = new Uri(address);
        return server;
    }

    /// <summary>A loopback port nobody listens on (refused connections), free when this returns.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Queues a fault for matching requests.</summary>
    public void Inject(Fault fault)
    {
        for (var i = 0; i < fault.Times; i++)
        {
            _faults.Enqueue(fault with { Times = 1 });
        }
    }

    /// <summary>Faults queued and not yet met.</summary>
    public int PendingFaults => _faults.Count;

    private async Task DiscoveryAsync(HttpContext context)
    {
        var root = $"{Uri.Scheme}://{Uri.Authority}";
        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteString("bolt_routing", "neo4j://127.0.0.1:7687");
            w.WriteString("query", $"{root}/db/{{databaseName}}/query/v2");
            w.WriteString("transaction", $"{root}/db/{{databaseName}}/tx");
            w.WriteString("bolt_direct", "bolt://127.0.0.1:7687");
            w.WriteString("neo4j_version", "5.26.0");
            w.WriteString("neo4j_edition", "community");
        }).ConfigureAwait(false);
    }

    private async Task QueryAsync(HttpContext context, string database)
    {
        int status;
        string? statement = null;
        var rows = 0;
        try
        {
            (status, statement, rows) = await AnswerAsync(context, database).ConfigureAwait(false);
        }
        catch (ConnectionDropped)
        {
            status = 0;
            context.Abort();
        }

        lock (_lock)
        {
            Requests.Add(new ReceivedRequest(database, statement, rows, status));
        }
    }

    private async Task<(int Status, string? Statement, int Rows)> AnswerAsync(HttpContext context, string database)
    {
        if (User is not null)
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (header.Length == 0)
            {
                return (await ErrorAsync(context, 401, "Neo.ClientError.Security.Unauthorized", "No authentication header supplied.").ConfigureAwait(false), null, 0);
            }

            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
            if (header != expected)
            {
                return (await ErrorAsync(context, 401, "Neo.ClientError.Security.Unauthorized", "Invalid credential.").ConfigureAwait(false), null, 0);
            }
        }

        if (!Databases.TryGetValue(database, out var graph))
        {
            return (await ErrorAsync(context, 404, "Neo.ClientError.Database.DatabaseNotFound", $"Graph not found: {database}").ConfigureAwait(false), null, 0);
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return (await ErrorAsync(context, 400, "Neo.ClientError.Request.Invalid", $"Unable to parse the request body: {e.Message}").ConfigureAwait(false), null, 0);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("statement", out var statementElement) || statementElement.ValueKind != JsonValueKind.String)
            {
                return (await ErrorAsync(context, 400, "Neo.ClientError.Request.Invalid", "The request must have a string 'statement'.").ConfigureAwait(false), null, 0);
            }

            var statement = statementElement.GetString()!;
            var hasParameters = root.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object;
            var rows = hasParameters && p.TryGetProperty("rows", out var r) && r.ValueKind == JsonValueKind.Array ? r.GetArrayLength() : 0;
            Dictionary<string, object?> parameters;
            if (graph.DiscardRows && statement.StartsWith("UNWIND $rows", StringComparison.Ordinal) && rows > 0)
            {
                // Measuring the client: the rows were parsed (JsonDocument validates them); each must be a map.
                foreach (var row in p.GetProperty("rows").EnumerateArray())
                {
                    if (row.ValueKind != JsonValueKind.Object)
                    {
                        return (await ErrorAsync(context, 400, "Neo.ClientError.Statement.TypeError", "Expected a map for each row.").ConfigureAwait(false), statement, rows);
                    }
                }

                parameters = new Dictionary<string, object?>(StringComparer.Ordinal) { ["rows"] = new List<object?>() };
            }
            else
            {
                parameters = hasParameters ? (Dictionary<string, object?>)ReadValue(p)! : new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            var includeCounters = root.TryGetProperty("includeCounters", out var ic) && ic.ValueKind == JsonValueKind.True;

            var fault = TakeFault(statement);
            switch (fault?.Kind)
            {
                case FaultKind.ServiceUnavailable:
                    context.Response.StatusCode = 503;
                    context.Response.ContentType = "text/html";
                    await context.Response.WriteAsync("<html><body>503 Service Unavailable</body></html>").ConfigureAwait(false);
                    return (503, statement, rows);
                case FaultKind.TransientError:
                    return (await ErrorAsync(context, 503, "Neo.TransientError.Transaction.DeadlockDetected",
                        "ForsetiClient[transactionId=42] can't acquire ExclusiveLock{owner=ForsetiClient[transactionId=41]}").ConfigureAwait(false), statement, rows);
                case FaultKind.ClientError:
                    return (await ErrorAsync(context, 400, "Neo.ClientError.Statement.SemanticError", "Injected client error").ConfigureAwait(false), statement, rows);
                case FaultKind.DropConnection:
                    throw new ConnectionDropped();
            }

            FakeResult result;
            try
            {
                lock (graph)
                {
                    result = graph.Run(statement, parameters);
                }
            }
            catch (FakeStatementException e)
            {
                return (await ErrorAsync(context, 400, e.Code, e.Message).ConfigureAwait(false), statement, rows);
            }

            if (fault?.Kind == FaultKind.DropAfterCommit)
            {
                throw new ConnectionDropped();
            }

            await WriteJsonAsync(context, 202, w =>
            {
                w.WritePropertyName("data");
                w.WriteStartObject();
                w.WritePropertyName("fields");
                w.WriteStartArray();
                foreach (var field in result.Fields)
                {
                    w.WriteStringValue(field);
                }

                w.WriteEndArray();
                w.WritePropertyName("values");
                w.WriteStartArray();
                foreach (var row in result.Values)
                {
                    CypherJson.WriteValue(w, row);
                }

                w.WriteEndArray();
                w.WriteEndObject();
                if (includeCounters)
                {
                    w.WritePropertyName("counters");
                    w.WriteStartObject();
                    w.WriteBoolean("containsUpdates", result.CounterValues.Values.Any(v => v > 0));
                    foreach (var name in CounterNames)
                    {
                        w.WriteNumber(name, result.CounterValues.GetValueOrDefault(name));
                    }

                    w.WriteBoolean("containsSystemUpdates", false);
                    w.WriteNumber("systemUpdates", 0);
                    w.WriteEndObject();
                }

                w.WritePropertyName("bookmarks");
                w.WriteStartArray();
                w.WriteStringValue("FB:kcwQfake");
                w.WriteEndArray();
            }).ConfigureAwait(false);
            return (202, statement, rows);
        }
    }

    private static readonly string[] CounterNames =
    [
        "nodesCreated", "nodesDeleted", "propertiesSet", "relationshipsCreated", "relationshipsDeleted", "labelsAdded", "labelsRemoved",
        "indexesAdded", "indexesRemoved", "constraintsAdded", "constraintsRemoved",
    ];

    private Fault? TakeFault(string statement)
    {
        lock (_lock)
        {
            if (_faults.TryPeek(out var next) && (next.StatementContains is null || statement.Contains(next.StatementContains, StringComparison.Ordinal)))
            {
                _faults.TryDequeue(out _);
                return next;
            }
        }

        return null;
    }

    private static async Task<int> ErrorAsync(HttpContext context, int status, string code, string message)
    {
        if (status == 401)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Neo4j\", Bearer realm=\"Neo4j\"";
        }

        await WriteJsonAsync(context, status, w =>
        {
            w.WritePropertyName("errors");
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("code", code);
            w.WriteString("message", message);
            w.WriteEndObject();
            w.WriteEndArray();
        }).ConfigureAwait(false);
        return status;
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)).ConfigureAwait(false);
    }

    /// <summary>A JSON value as the server reads plain JSON: integers without fraction or exponent, floats with.</summary>
    public static object? ReadValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.GetRawText().AsSpan().IndexOfAny(".eE") >= 0 ? (object)element.GetDouble() : element.GetInt64(),
        JsonValueKind.Array => element.EnumerateArray().Select(ReadValue).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ReadValue(p.Value), StringComparer.Ordinal),
        _ => throw new JsonException($"Unexpected {element.ValueKind}"),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class ConnectionDropped : Exception;
}

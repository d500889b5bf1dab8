using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PaperGraph.Core;
using PaperGraph.Workspace;

namespace PaperGraph.Neo4j;

/// <summary>An <see cref="IGraphStore"/> over Neo4j's HTTP Query API (<c>POST /db/{database}/query/v2</c>, Neo4j 5.19 and later).</summary>
/// <remarks>
/// Each statement is one request and so one implicit transaction: it commits whole or not at all. Success is
/// HTTP 202 with <c>{"data": {"fields": [...], "values": [[...]]}, "counters": {...}}</c>; failures carry
/// <c>{"errors": [{"code", "message"}]}</c>. <c>Neo.TransientError.*</c>, 5xx answers, timeouts and refused or
/// broken connections are retried with jittered exponential backoff until <see cref="Neo4jSettings.RetryBudget"/> is
/// spent; every other error fails at once, quoting the server's code and message. Before the server has answered
/// once, a refused connection or an unknown host fails at once too: nothing listens at that address, and waiting
/// the whole budget would only delay the message (a restart during a sync is what retries are for). The request
/// body is serialised once and re-sent as is on a retry.
/// </remarks>
public sealed class Neo4jQueryClient : IGraphStore, IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly Uri _queryUri;
    private readonly Neo4jSettings _settings;
    private readonly ILogger _logger;
    private readonly RetryPolicy _retry;

    public Neo4jQueryClient(Neo4jSettings settings, ILogger<Neo4jQueryClient>? logger = null, RetryPolicy? retry = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _retry = retry ?? new RetryPolicy(settings.RetryBudget);
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (settings.User is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.User}:{settings.Password}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        var root = settings.Uri.AbsoluteUri.TrimEnd('/');
        _queryUri = new Uri($"{root}/db/{Uri.EscapeDataString(settings.Database)}/query/v2");
        Target = $"{root}, database {settings.Database}";
    }

    public string Target { get; }

    /// <summary>Bytes of statements and parameters sent so far (first attempts and retries).</summary>
    public long BytesSent => Interlocked.Read(ref _bytesSent);

    private long _bytesSent;

    /// <summary>1 once the server has answered any request (with any status): from then on, refused connections are retried.</summary>
    private int _contacted;

    /// <summary>The first request's answer timeout: <see cref="Neo4jSettings.FirstAnswerTimeout"/>, at most the request timeout.</summary>
    private TimeSpan FirstAnswerTimeout => _settings.FirstAnswerTimeout < _settings.RequestTimeout ? _settings.FirstAnswerTimeout : _settings.RequestTimeout;

    public async Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        var body = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("statement", statement);
            if (parameters is { Count: > 0 })
            {
                writer.WritePropertyName("parameters");
                CypherJson.WriteValue(writer, parameters);
            }

            writer.WriteBoolean("includeCounters", true);
            writer.WriteEndObject();
        }

        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            Exception? failure;
            try
            {
                return await SendAsync(body.WrittenMemory, cancellationToken).ConfigureAwait(false);
            }
            catch (TransientException e)
            {
                (reason, failure) = (e.Message, e.InnerException ?? e);
            }
            catch (HttpRequestException e) when (Volatile.Read(ref _contacted) == 0 && NothingListens(e))
            {
                throw new GraphStoreException(ErrorCodes.GraphStoreUnavailable,
                    $"Neo4j at {Target} is unavailable: {Describe(e)} at the first request, so it was not retried; is the server running, " +
                    "and is the address right (the HTTP port, 7474 by default)?", innerException: e);
            }
            catch (HttpRequestException e) when (e.InnerException is not System.Security.Authentication.AuthenticationException)
            {
                (reason, failure) = (Describe(e), e);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && Volatile.Read(ref _contacted) == 0)
            {
                throw new GraphStoreException(ErrorCodes.GraphStoreUnavailable,
                    $"Neo4j at {Target} is unavailable: the server accepted the connection but sent no answer within {FirstAnswerTimeout.TotalSeconds:0.#} s " +
                    "at the first request, so it was not retried; is this the Neo4j HTTP port (7474 by default), and is the server working?", innerException: e);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                (reason, failure) = ($"no answer within {_settings.RequestTimeout.TotalSeconds:0.#} s", e);
            }

            var delay = _retry.NextDelay(attempt, Stopwatch.GetElapsedTime(started));
            if (delay is null)
            {
                var code = failure is TransientException { Neo4jCode: { } neo } ? neo : null;
                throw new GraphStoreException(ErrorCodes.GraphStoreUnavailable,
                    $"Neo4j at {Target} is unavailable: {reason} (tried {attempt} times over {Stopwatch.GetElapsedTime(started).TotalSeconds:0.#} s; " +
                    "is the server running, and is the address right?).", code, failure);
            }

            Log.Retrying(_logger, Target, reason, attempt, (long)delay.Value.TotalMilliseconds);
            await Task.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<CypherResult> SendAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Volatile.Read(ref _contacted) == 0 ? FirstAnswerTimeout : _settings.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, _queryUri) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = Json;
        Interlocked.Add(ref _bytesSent, body.Length);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        Volatile.Write(ref _contacted, 1);
        var status = (int)response.StatusCode;
        JsonDocument? document = null;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            document = TryParse(bytes);
            if (status is 200 or 202 && document is not null && document.RootElement.ValueKind == JsonValueKind.Object
                && !(document.RootElement.TryGetProperty("errors", out var e) && e.GetArrayLength() > 0))
            {
                return ReadResult(document.RootElement);
            }

            var (code, message) = FirstError(document);
            throw Classify(status, code, message, bytes);
        }
        finally
        {
            document?.Dispose();
        }
    }

    private Exception Classify(int status, string? code, string? message, byte[] body)
    {
        var quoted = code is null ? $"HTTP {status}" : $"{code}: {message}";
        if (code is not null && code.StartsWith("Neo.TransientError.", StringComparison.Ordinal))
        {
            return new TransientException(quoted, code);
        }

        if (status == 401 || code == "Neo.ClientError.Security.Unauthorized")
        {
            return new GraphStoreException(ErrorCodes.GraphStoreUnauthorized,
                $"Neo4j at {Target} rejected the credentials of user '{_settings.User ?? "(none)"}' ({quoted}); check --user and the password " +
                "(PAPERGRAPH_NEO4J_PASSWORD or --password-stdin).", code);
        }

        if (code == "Neo.ClientError.Database.DatabaseNotFound")
        {
            return new GraphStoreException(ErrorCodes.DatabaseNotFound,
                $"Neo4j at {_settings.Uri.AbsoluteUri.TrimEnd('/')} has no database '{_settings.Database}' ({quoted}); create it, or name another with --database.", code);
        }

        if (code is not null && (code.StartsWith("Neo.ClientError.", StringComparison.Ordinal) || code.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal)))
        {
            return new GraphStoreException(ErrorCodes.GraphStoreRejected, $"Neo4j at {Target} rejected a statement ({quoted}).", code);
        }

        if (status >= 500 || status == 429)
        {
            return new TransientException($"HTTP {status} {Snippet(body)}".TrimEnd(), code);
        }

        return new GraphStoreException(ErrorCodes.GraphStoreProtocol,
            $"{_queryUri} answered HTTP {status} {Snippet(body)}; expected Neo4j 5.19 or later with its Query API enabled (server.http.enabled).".Replace("  ", " ", StringComparison.Ordinal), code);
    }

    private static string Snippet(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "" : $"(\"{text}\")";
    }

    private static JsonDocument? TryParse(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (string? Code, string? Message) FirstError(JsonDocument? document)
    {
        if (document is not null && document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var first = errors[0];
            return (first.TryGetProperty("code", out var c) ? c.GetString() : null, first.TryGetProperty("message", out var m) ? m.GetString() : null);
        }

        return (null, null);
    }

    private static CypherResult ReadResult(JsonElement root)
    {
        var fields = new List<string>();
        var rows = new List<IReadOnlyList<object?>>();
        if (root.TryGetProperty("data", out var data))
        {
            foreach (var field in data.GetProperty("fields").EnumerateArray())
            {
                fields.Add(field.GetString()!);
            }

            foreach (var row in data.GetProperty("values").EnumerateArray())
            {
                rows.Add(row.EnumerateArray().Select(CypherJson.ReadValue).ToList());
            }
        }

        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        if (root.TryGetProperty("counters", out var c))
        {
            foreach (var counter in c.EnumerateObject())
            {
                counters[counter.Name] = counter.Value.ValueKind switch
                {
                    JsonValueKind.True => 1,
                    JsonValueKind.False => 0,
                    JsonValueKind.Number => counter.Value.GetInt64(),
                    _ => 0,
                };
            }
        }

        return new CypherResult(fields, rows, counters);
    }

    private static string Describe(HttpRequestException e) => e.InnerException switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "connection refused",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => "unknown host",
        SocketException s => $"network error ({s.SocketErrorCode})",
        IOException => "the connection was closed before the answer arrived",
        _ => e.HttpRequestError switch
        {
            HttpRequestError.ConnectionError => "cannot connect",
            HttpRequestError.NameResolutionError => "unknown host",
            _ => e.Message,
        },
    };

    /// <summary>Whether the connection failed because no server is at the address: refused, or a host name that does not resolve.</summary>
    private static bool NothingListens(HttpRequestException e) =>
        e.HttpRequestError == HttpRequestError.NameResolutionError
        || e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData };

    public void Dispose() => _http.Dispose();

    /// <summary>A failure worth retrying.</summary>
    private sealed class TransientException(string message, string? neo4jCode) : Exception(message)
    {
        public string? Neo4jCode { get; } = neo4jCode;
    }
}

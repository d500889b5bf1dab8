namespace PaperGraph.Storage.Neo4j;

/// <summary>Where and how <see cref="Neo4jQueryClient"/> connects.</summary>
/// <param name="Uri">The server's HTTP address, e.g. <c>http://localhost:7474</c>.</param>
/// <param name="Database">The database name (default <c>neo4j</c>).</param>
/// <param name="User">The user for basic authentication; null sends no credentials.</param>
/// <param name="Password">The password; never logged or printed.</param>
/// <param name="RequestTimeout">Longest wait for one request before it counts as a transient failure.</param>
/// <param name="RetryBudget">Longest time spent retrying transient failures of one request before giving up.</param>
public sealed record Neo4jSettings(Uri Uri, string Database, string? User, string? Password, TimeSpan RequestTimeout, TimeSpan RetryBudget)
{
    public Uri Uri { get; } = Validate(Uri);

    public string Database { get; } = string.IsNullOrWhiteSpace(Database) ? throw new ArgumentException("The database name is empty.", nameof(Database)) : Database;

    public TimeSpan RequestTimeout { get; } = RequestTimeout > TimeSpan.Zero ? RequestTimeout : throw new ArgumentOutOfRangeException(nameof(RequestTimeout), "must be positive");

    public TimeSpan RetryBudget { get; } = RetryBudget >= TimeSpan.Zero ? RetryBudget : throw new ArgumentOutOfRangeException(nameof(RetryBudget), "must not be negative");

    /// <summary>Settings with the defaults: database <c>neo4j</c>, 120 s per request, 60 s of retries.</summary>
    public static Neo4jSettings For(Uri uri, string? user, string? password, string database = "neo4j") =>
        new(uri, database, user, password, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(60));

    // The password must never reach logs or messages, and records print every member.
    public override string ToString() => $"{Uri} (database {Database}, user {User ?? "none"})";

    private static Uri Validate(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{uri}' is not an http:// or https:// address.", nameof(uri));
        }

        return uri;
    }
}

namespace PaperGraph.Neo4j;

/// <summary>Where and how <see cref="Neo4jQueryClient"/> connects.</summary>
/// <param name="Uri">The server's HTTP address, e.g. <c>http://localhost:7474</c>.</param>
/// <param name="Database">The database name (default <c>neo4j</c>).</param>
/// <param name="User">The user for basic authentication; null sends no credentials.</param>
/// <param name="Password">The password; never logged or printed.</param>
/// <param name="RequestTimeout">Longest wait for one request before it counts as a transient failure.</param>
/// <param name="RetryBudget">Longest time spent retrying transient failures of one request before giving up.</param>
public sealed record Neo4jSettings(Uri Uri, string Database, string? User, string? Password, TimeSpan RequestTimeout, TimeSpan RetryBudget)
{
    public Uri Uri { get; init => field = Validate(value); } = Validate(Uri);

    public string Database { get; init => field = ValidateDatabase(value); } = ValidateDatabase(Database);

    public TimeSpan RequestTimeout { get; init => field = ValidateTimeout(value); } = ValidateTimeout(RequestTimeout);

    public TimeSpan RetryBudget { get; init => field = ValidateBudget(value); } = ValidateBudget(RetryBudget);

    /// <summary>
    /// Longest wait for the answer to the very first request (at most <see cref="RequestTimeout"/>). A first request is
    /// small (the schema, the sync marker); a server that accepts the connection and says nothing for this long is not
    /// the Neo4j HTTP port, or is not working, and waiting the full request timeout only hides that. Default 30 s: a
    /// first sync against a graph loaded without the schema creates the constraints, which checks every node.
    /// </summary>
    public TimeSpan FirstAnswerTimeout { get; init => field = ValidateTimeout(value); } = TimeSpan.FromSeconds(30);

    /// <summary>Settings with the defaults: database <c>neo4j</c>, 120 s per request, 60 s of retries.</summary>
    public static Neo4jSettings For(Uri uri, string? user, string? password, string database = "neo4j") =>
        new(uri, database, user, password, TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(60));

    // The password must never reach logs or messages, and records print every member.
    public override string ToString() => $"{Uri} (database {Database}, user {User ?? "none"})";

    private static string ValidateDatabase(string database) =>
        string.IsNullOrWhiteSpace(database) ? throw new ArgumentException("The database name is empty.", nameof(database)) : database;

    private static TimeSpan ValidateTimeout(TimeSpan timeout) =>
        timeout > TimeSpan.Zero ? timeout : throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "must be positive");

    private static TimeSpan ValidateBudget(TimeSpan budget) =>
        budget >= TimeSpan.Zero ? budget : throw new ArgumentOutOfRangeException(nameof(budget), budget, "must not be negative");

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

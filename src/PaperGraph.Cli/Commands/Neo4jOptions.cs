using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace PaperGraph.Cli.Commands;

/// <summary>Where and how <c>papergraph sync</c> writes (configuration section <c>Neo4j</c>). The password is never configured here.</summary>
public sealed class Neo4jOptions
{
    public const string SectionName = "Neo4j";

    /// <summary>The server's HTTP address. Default: <c>PAPERGRAPH_NEO4J_URI</c>, else <c>http://localhost:7474</c>.</summary>
    public string? Uri { get; set; }

    /// <summary>The database (default <c>neo4j</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string Database { get; set; } = "neo4j";

    /// <summary>The user. Default: <c>PAPERGRAPH_NEO4J_USER</c>, else <c>neo4j</c>.</summary>
    public string? User { get; set; }

    /// <summary>Rows per request, each one transaction (default 10,000; the server's own load rates were measured with it).</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 10_000;

    /// <summary>Longest time spent retrying one request while the server is unavailable (default 60 s).</summary>
    [Range(0, 86_400)]
    public double RetrySeconds { get; set; } = 60;

    /// <summary>Longest wait for one answer (default 300 s: a batch of 10,000 links takes about 0.5 s on a 2-core server).</summary>
    [Range(1, 86_400)]
    public double RequestTimeoutSeconds { get; set; } = 300;

    /// <summary>Send every concept and its mentions, not only the concepts of the graph (default false).</summary>
    public bool AllConcepts { get; set; }
}

[OptionsValidator]
internal sealed partial class Neo4jOptionsValidator : IValidateOptions<Neo4jOptions>;

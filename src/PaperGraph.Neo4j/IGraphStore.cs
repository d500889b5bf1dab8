namespace PaperGraph.Neo4j;

/// <summary>Runs Cypher against a graph database: the seam between the sync and the wire protocol.</summary>
/// <remarks>
/// Values travel only as parameters, never spliced into the statement. Parameter values may be null, strings,
/// booleans, integers, floating-point numbers, lists of those, <see cref="PropertyRow"/>s and string-keyed
/// dictionaries. A statement may be sent more than once when the store answers with a transient failure, so
/// statements given to <see cref="RunAsync"/> must be idempotent (MERGE, not CREATE).
/// </remarks>
public interface IGraphStore
{
    /// <summary>A one-line description of where the statements go, without credentials (e.g. <c>http://localhost:7474, database neo4j</c>).</summary>
    string Target { get; }

    /// <summary>Runs <paramref name="statement"/> in its own transaction and returns its rows and update counters.</summary>
    /// <exception cref="GraphStoreException">The store is unreachable after retrying, or rejected the statement or the credentials.</exception>
    Task<CypherResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default);
}

/// <summary>What a statement returned: column names, rows of plain values, and update counters.</summary>
/// <param name="Fields">Column names.</param>
/// <param name="Rows">Rows; values are null, string, bool, long, double, <c>List&lt;object?&gt;</c> or <c>Dictionary&lt;string, object?&gt;</c> (nodes as their properties).</param>
/// <param name="Counters">Update counters by name (e.g. <c>nodesCreated</c>, <c>propertiesSet</c>); booleans as 0/1.</param>
public sealed record CypherResult(IReadOnlyList<string> Fields, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyDictionary<string, long> Counters)
{
    /// <summary>The sum of the counters that report writes (nodes, relationships, properties, labels, indexes, constraints).</summary>
    public long Writes => Counters.Where(c => c.Key != "containsUpdates" && c.Key != "containsSystemUpdates" && c.Key != "systemUpdates").Sum(c => c.Value);

    /// <summary>The value of <paramref name="field"/> in row <paramref name="row"/>.</summary>
    public object? Value(int row, string field)
    {
        var column = -1;
        for (var i = 0; i < Fields.Count && column < 0; i++)
        {
            column = Fields[i] == field ? i : -1;
        }

        if (column < 0)
        {
            throw new ArgumentException($"The result has no field '{field}' (it has {string.Join(", ", Fields)}).", nameof(field));
        }

        return Rows[row][column];
    }
}

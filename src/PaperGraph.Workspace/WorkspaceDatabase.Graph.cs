using PaperGraph.Core;

namespace PaperGraph.Workspace;

/// <summary>The measure <c>papergraph top</c> ranks by.</summary>
public enum NodeMeasure
{
    PageRank,
    Betweenness,
    Degree,
    Eigenvector,

    /// <summary>Topic centrality: PageRank × keyphraseness², the default of <c>papergraph top</c>.</summary>
    Topic,
}

public sealed partial class WorkspaceDatabase
{
    /// <summary>Replaces the stored graph (nodes, edges and their evidence), in one transaction.</summary>
    /// <param name="missing">The measures the build left empty (null in every node), by column name, with the reason.</param>
    /// <param name="months">Each node's papers per month (<c>YYYY-MM</c>), for the trends; months without papers left out.</param>
    /// <param name="bursts">Each node's bursts (months <c>YYYY-MM</c>, inclusive), for the sync.</param>
    /// <param name="corpus">The corpus's dated papers per month (<c>YYYY-MM</c>), and how many papers have no month.</param>
    public void ReplaceGraph(IEnumerable<GraphNodeRecord> nodes, IEnumerable<GraphEdgeRecord> edges, IReadOnlyDictionary<string, string>? missing = null,
        IEnumerable<ConceptMonth>? months = null, IEnumerable<ConceptBurst>? bursts = null, (IReadOnlyDictionary<string, int> Months, int Undated)? corpus = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(edges);
        using var transaction = _connection.BeginTransaction();
        Execute("DELETE FROM graph_nodes; DELETE FROM graph_edges; DELETE FROM graph_missing; DELETE FROM graph_months; DELETE FROM graph_bursts; DELETE FROM corpus_months;", transaction);
        using (var insert = new PreparedStatement(_connection, "INSERT INTO corpus_months (month, papers) VALUES (?1, ?2)"))
        {
            foreach (var (month, papers) in corpus?.Months ?? new Dictionary<string, int>())
            {
                insert.Bind(1, month);
                insert.Bind(2, papers);
                insert.Execute();
            }
        }

        SetMeta(UndatedKey, (corpus?.Undated ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), transaction);
        using (var insert = new PreparedStatement(_connection, "INSERT INTO graph_bursts (key, start, end, strength) VALUES (?1, ?2, ?3, ?4)"))
        {
            foreach (var (key, start, end, strength) in bursts ?? [])
            {
                insert.Bind(1, key);
                insert.Bind(2, start);
                insert.Bind(3, end);
                insert.BindReal(4, strength);
                insert.Execute();
            }
        }

        using (var insert = new PreparedStatement(_connection, "INSERT INTO graph_months (key, months) VALUES (?1, ?2)"))
        {
            foreach (var concept in (months ?? []).GroupBy(m => m.Key, StringComparer.Ordinal))
            {
                insert.Bind(1, concept.Key);
                insert.Bind(2, string.Join(' ', concept.OrderBy(m => m.Month, StringComparer.Ordinal)
                    .Select(m => m.Month + ":" + m.Papers.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                insert.Execute();
            }
        }

        SetMeta(MonthsBuiltKey, months is null ? "0" : "1", transaction);
        using (var insert = new PreparedStatement(_connection, "INSERT INTO graph_missing (measure, reason) VALUES (?1, ?2)"))
        {
            foreach (var (measure, reason) in missing ?? new Dictionary<string, string>())
            {
                insert.Bind(1, measure);
                insert.Bind(2, reason);
                insert.Execute();
            }
        }

        using (var insert = new PreparedStatement(_connection,
            "INSERT INTO graph_nodes (key, degree, weighted_degree, pagerank, betweenness, eigenvector, core, community, component, keyphraseness, topic, x, y) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"))
        {
            foreach (var node in nodes)
            {
                insert.Bind(1, node.Key);
                insert.Bind(2, node.Degree);
                insert.BindReal(3, node.WeightedDegree);
                insert.BindReal(4, node.PageRank);
                insert.BindReal(5, node.Betweenness);
                insert.BindReal(6, node.Eigenvector);
                insert.Bind(7, node.Core);
                insert.Bind(8, node.Community);
                insert.Bind(9, node.Component);
                insert.BindReal(10, node.Keyphraseness);
                insert.BindReal(11, node.Topic);
                insert.BindReal(12, node.X);
                insert.BindReal(13, node.Y);
                insert.Execute();
            }
        }

        using (var insert = new PreparedStatement(_connection,
            "INSERT INTO graph_edges (source, target, papers, count, weight, evidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"))
        {
            foreach (var edge in edges)
            {
                insert.Bind(1, edge.Source);
                insert.Bind(2, edge.Target);
                insert.Bind(3, edge.Papers);
                insert.BindReal(4, edge.Count);
                insert.BindReal(5, edge.Weight);
                insert.Bind(6, string.Join(' ', edge.Evidence));
                insert.Execute();
            }
        }

        transaction.Commit();
    }

    /// <summary>The measures the last build left empty, by column name (<c>pagerank</c>, <c>eigenvector</c>), with the reason.</summary>
    public IReadOnlyDictionary<string, string> ReadMissingMeasures()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT measure, reason FROM graph_missing ORDER BY measure";
        using var reader = command.ExecuteReader();
        var missing = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            missing[reader.GetString(0)] = reader.GetString(1);
        }

        return missing;
    }

    /// <summary>The column of <paramref name="measure"/> in <c>graph_nodes</c>, and so its name in <see cref="ReadMissingMeasures"/>.</summary>
    public static string Column(NodeMeasure measure) => measure switch
    {
        NodeMeasure.PageRank => "pagerank",
        NodeMeasure.Betweenness => "betweenness",
        NodeMeasure.Degree => "degree",
        NodeMeasure.Eigenvector => "eigenvector",
        NodeMeasure.Topic => "topic",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    /// <summary>Graph nodes ranked by <paramref name="measure"/> (ties by key), optionally of one community only.</summary>
    /// <param name="phrasesOnly">Leave out one-word concepts other than abbreviations (<c>theory</c>, <c>function</c>).</param>
    public List<RankedConcept> ReadTopConcepts(NodeMeasure measure, int limit, int? community = null, bool phrasesOnly = false)
    {
        var column = "g." + Column(measure);
        using var command = _connection.CreateCommand();
        command.CommandText = $"""
            SELECT g.key, c.name, c.papers, {GraphNodeColumns}
            FROM graph_nodes g JOIN concepts c ON c.key = g.key
            WHERE ($community IS NULL OR g.community = $community)
              AND ($phrases = 0 OR instr(g.key, ' ') > 0 OR c.long_form IS NOT NULL)
            ORDER BY {column} DESC, g.weighted_degree DESC, g.key LIMIT $limit
            """;
        command.Parameters.AddWithValue("$community", community.HasValue ? community.Value : DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$phrases", phrasesOnly ? 1 : 0);
        using var reader = command.ExecuteReader();
        var rows = new List<RankedConcept>();
        while (reader.Read())
        {
            var key = reader.GetString(0);
            rows.Add(new RankedConcept(key, reader.GetString(1), reader.GetInt32(2), ReadGraphNode(reader, key, 3)));
        }

        return rows;
    }

    /// <summary>The measures of table <c>graph_nodes</c> (alias <c>g</c>) in the order <see cref="ReadGraphNode"/> reads them.</summary>
    private const string GraphNodeColumns =
        "g.degree, g.weighted_degree, g.pagerank, g.betweenness, g.eigenvector, g.core, g.community, g.component, g.keyphraseness, g.topic, g.x, g.y";

    /// <summary>A node's measures, selected as <see cref="GraphNodeColumns"/> from column <paramref name="first"/> on; a NULL measure is null.</summary>
    private static GraphNodeRecord ReadGraphNode(Microsoft.Data.Sqlite.SqliteDataReader reader, string key, int first)
    {
        double? Optional(int ordinal) => reader.IsDBNull(first + ordinal) ? null : reader.GetDouble(first + ordinal);
        return new GraphNodeRecord(key, reader.GetInt32(first), reader.GetDouble(first + 1), Optional(2), reader.GetDouble(first + 3), Optional(4),
            reader.GetInt32(first + 5), reader.GetInt32(first + 6), reader.GetInt32(first + 7), Optional(8), Optional(9), Optional(10), Optional(11));
    }

    /// <summary>Every stored edge, in key order, with its evidence.</summary>
    public IEnumerable<GraphEdgeRecord> ReadGraphEdges()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT source, target, papers, count, weight, evidence FROM graph_edges ORDER BY source, target";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var evidence = reader.GetString(5);
            yield return new GraphEdgeRecord(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetDouble(4),
                evidence.Length == 0 ? [] : evidence.Split(' '));
        }
    }
}

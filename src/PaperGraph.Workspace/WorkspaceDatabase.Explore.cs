using System.Text.Json;
using PaperGraph.Core;

namespace PaperGraph.Workspace;

/// <summary>A graph neighbour of a concept: the link's papers, count and weight, and the ids of its papers, best evidence first.</summary>
public sealed record Neighbour(string Key, string Name, int Papers, double Count, double Weight, IReadOnlyList<string> Evidence);

public sealed partial class WorkspaceDatabase
{
    /// <summary>
    /// The concept a user means by <paramref name="text"/>: its key, then (ignoring case, hyphens as spaces) a graph
    /// concept's key, name or surface form, then any concept's key or name; null when none matches.
    /// </summary>
    public ConceptSummary? FindConcept(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (ReadConcept(text) is { } exact)
        {
            return exact;
        }

        var wanted = Normalise(text);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT c.key, c.name, c.aliases FROM graph_nodes g JOIN concepts c ON c.key = g.key ORDER BY g.topic DESC, c.papers DESC, c.key";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (Normalise(reader.GetString(0)) == wanted || Normalise(reader.GetString(1)) == wanted
                    || (JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(2)) ?? []).Keys.Any(a => Normalise(a) == wanted))
                {
                    return ReadConcept(reader.GetString(0));
                }
            }
        }

        // Not in the graph: any concept spelled so (a full scan of the concepts, without their surface forms).
        command.CommandText = "SELECT key FROM concepts WHERE lower(key) = $wanted OR lower(replace(name, '-', ' ')) = $wanted ORDER BY papers DESC, key LIMIT 1";
        command.Parameters.AddWithValue("$wanted", wanted);
        return command.ExecuteScalar() is string key ? ReadConcept(key) : null;
    }

    /// <summary>One concept by key, or null.</summary>
    public ConceptSummary? ReadConcept(string key)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key, name, aliases, papers, occurrences, long_form, relevance FROM concepts WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new ConceptSummary(reader.GetString(0), reader.GetString(1), JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(2)) ?? [],
                reader.GetInt32(3), reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetDouble(6))
            : null;
    }

    /// <summary>A graph node's measures, or null when the concept is not in the graph.</summary>
    public GraphNodeRecord? ReadNode(string key)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {GraphNodeColumns} FROM graph_nodes g WHERE g.key = $key";
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadGraphNode(reader, key, 0) : null;
    }

    /// <summary>A graph concept's neighbours, most shared papers first (ties by weight, then key), each with its evidence.</summary>
    /// <param name="limit">At most this many, the first in that order (the names are joined to those only).</param>
    public List<Neighbour> ReadNeighbours(string key, int limit = int.MaxValue)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT e.other, c.name, e.papers, e.count, e.weight, e.evidence FROM (
                SELECT * FROM (
                    SELECT target AS other, papers, count, weight, evidence FROM graph_edges WHERE source = $key
                    UNION ALL
                    SELECT source AS other, papers, count, weight, evidence FROM graph_edges WHERE target = $key)
                ORDER BY papers DESC, weight DESC, other LIMIT $limit) e
            JOIN concepts c ON c.key = e.other
            ORDER BY e.papers DESC, e.weight DESC, e.other
            """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var neighbours = new List<Neighbour>();
        while (reader.Read())
        {
            var evidence = reader.GetString(5);
            neighbours.Add(new Neighbour(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetDouble(4),
                evidence.Length == 0 ? [] : evidence.Split(' ')));
        }

        return neighbours;
    }

    /// <summary>The title and publication date of each paper of <paramref name="ids"/> that the workspace holds, without reading abstracts.</summary>
    public Dictionary<string, (string? Title, string? Published)> ReadPaperHeadings(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var headings = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT title, published FROM papers WHERE id = $id";
        var parameter = command.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Text);
        command.Prepare();
        foreach (var id in ids)
        {
            if (headings.ContainsKey(id))
            {
                continue;
            }

            parameter.Value = id;
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                headings[id] = (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
            }
        }

        return headings;
    }

    /// <summary>Every paper id, for suggestions.</summary>
    public List<string> ReadPaperIds()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id FROM papers ORDER BY id";
        using var reader = command.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static string Normalise(string text) => text.Trim().Replace('-', ' ').ToLowerInvariant();
}

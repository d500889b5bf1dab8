using Microsoft.Data.Sqlite;

namespace PaperGraph.Storage;

/// <summary>A graph concept's papers in one month.</summary>
/// <param name="Month">The month, <c>YYYY-MM</c>.</param>
public readonly record struct ConceptMonth(string Key, string Month, int Papers);

/// <summary>A burst of a graph concept (Kleinberg's model, as <c>build</c> finds it): its first and last month, <c>YYYY-MM</c>, and its strength.</summary>
public readonly record struct ConceptBurst(string Key, string Start, string End, double Strength);

public sealed partial class Workspace
{
    // Set to 1 by a build that stored the graph's months (schema 6 on); a graph built before has none.
    private const string MonthsBuiltKey = "graph_months_built";

    /// <summary>Whether the stored graph has its months (a build since schema version 6).</summary>
    public bool HasGraphMonths()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT value FROM meta WHERE key = '{MonthsBuiltKey}'";
        return command.ExecuteScalar() as string == "1";
    }

    /// <summary>Each graph concept's papers per month, by key then month.</summary>
    public List<ConceptMonth> ReadGraphMonths()
    {
        var months = new List<ConceptMonth>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key, month, papers FROM graph_months ORDER BY key, month";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            months.Add(new ConceptMonth(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return months;
    }

    /// <summary>Each graph concept's first month and bursts (in time order), by key; concepts without a dated paper are absent.</summary>
    public Dictionary<string, (string First, List<ConceptBurst> Bursts)> ReadTimes()
    {
        var times = new Dictionary<string, (string, List<ConceptBurst>)>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key, min(month) FROM graph_months GROUP BY key";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                times[reader.GetString(0)] = (reader.GetString(1), []);
            }
        }

        command.CommandText = "SELECT key, start, end, strength FROM graph_bursts ORDER BY key, start";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (times.TryGetValue(reader.GetString(0), out var time))
                {
                    time.Item2.Add(new ConceptBurst(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3)));
                }
            }
        }

        return times;
    }

    /// <summary>The display name of each graph concept, by key.</summary>
    public Dictionary<string, string> ReadGraphNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT c.key, c.name FROM graph_nodes g JOIN concepts c ON c.key = g.key";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            names[reader.GetString(0)] = reader.GetString(1);
        }

        return names;
    }

    /// <summary>Each paper's publication date as read (<c>YYYY-MM-DD</c>, or partial, or null).</summary>
    public Dictionary<string, string?> ReadPublished()
    {
        var published = new Dictionary<string, string?>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, published FROM papers";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            published[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return published;
    }

    private void SetMeta(string key, string value, SqliteTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR REPLACE INTO meta (key, value) VALUES ($key, $value)";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.ExecuteNonQuery();
    }
}

using Microsoft.Data.Sqlite;
using PaperGraph.Core;

namespace PaperGraph.Workspace;

/// <summary>A graph concept's papers in one month.</summary>
/// <param name="Month">The month, <c>YYYY-MM</c>.</param>
public readonly record struct ConceptMonth(string Key, string Month, int Papers);

/// <summary>A burst of a graph concept (Kleinberg's model, as <c>build</c> finds it): its first and last month, <c>YYYY-MM</c>, and its strength.</summary>
public readonly record struct ConceptBurst(string Key, string Start, string End, double Strength);

public sealed partial class WorkspaceDatabase
{
    // Set to 1 by a build that stored the graph's months (schema 6 on); a graph built before has none.
    private const string MonthsBuiltKey = "graph_months_built";

    // The number of papers without a year and month at the last build.
    private const string UndatedKey = "undated_papers";

    /// <summary>Whether the stored graph has its months (a build since schema version 6).</summary>
    public bool HasGraphMonths()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT value FROM meta WHERE key = '{MonthsBuiltKey}'";
        return command.ExecuteScalar() as string == "1";
    }

    /// <summary>Each graph concept's papers per month, by key then month.</summary>
    public List<ConceptMonth> ReadGraphMonths() =>
        [.. ReadGraphMonthSeries().SelectMany(s => s.Months.Select(m => new ConceptMonth(s.Key, MonthText(m.Month), m.Papers)))];

    /// <summary>One concept's papers per month, in month order; none for a concept outside the graph.</summary>
    public List<ConceptMonth> ReadMonths(string key)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT months FROM graph_months WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() is string months ? [.. ParseMonths(months).Select(m => new ConceptMonth(key, MonthText(m.Month), m.Papers))] : [];
    }

    /// <summary>The corpus's dated papers per month as the last build counted them, and how many papers had no month.</summary>
    public (Dictionary<string, int> Months, int Undated) ReadCorpusMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT month, papers FROM corpus_months";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                months[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        command.CommandText = $"SELECT value FROM meta WHERE key = '{UndatedKey}'";
        var undated = command.ExecuteScalar() is string text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (months, undated);
    }

    /// <summary>Each graph concept's first month and bursts (in time order), by key; concepts without a dated paper are absent.</summary>
    public Dictionary<string, (string First, List<ConceptBurst> Bursts)> ReadTimes()
    {
        var times = new Dictionary<string, (string, List<ConceptBurst>)>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key, substr(months, 1, 7) FROM graph_months";
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

    /// <summary>Each graph concept's papers per month, the month as a number (year × 12 + month − 1), by key then month.</summary>
    public List<(string Key, List<(int Month, int Papers)> Months)> ReadGraphMonthSeries()
    {
        var series = new List<(string, List<(int, int)>)>();
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key, months FROM graph_months ORDER BY key";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            series.Add((reader.GetString(0), ParseMonths(reader.GetString(1))));
        }

        return series;
    }

    /// <summary>Reads <c>YYYY-MM:papers</c> pairs, space-separated, as (<see cref="Month.Index"/>, papers).</summary>
    private static List<(int Month, int Papers)> ParseMonths(string text)
    {
        var months = new List<(int, int)>();
        foreach (var range in text.AsSpan().Split(' '))
        {
            var pair = text.AsSpan(range);
            var month = Month.Parse(pair[..7].ToString()) ?? throw new FormatException($"'{pair}' is not a month and its papers");
            months.Add((month.Index, int.Parse(pair[8..], System.Globalization.CultureInfo.InvariantCulture)));
        }

        return months;
    }

    private static string MonthText(int month) => new Month(month).ToString();

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

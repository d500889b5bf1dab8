using System.Globalization;
using System.Text.Json;
using PaperGraph.Core;

namespace PaperGraph.Storage;

/// <summary>The kinds of rows the Neo4j sync writes; stored in <c>sync_rows.kind</c>, so the numbers must not change.</summary>
public enum SyncKind
{
    Paper = 0,
    Concept = 1,
    Community = 2,
    Mention = 3,
    Link = 4,
}

/// <summary>A paper's fields that go to the graph store.</summary>
public sealed record PaperSyncRow(string Id, string? Title, string? Published, string? Source, int? Authors, int? Upvotes);

/// <summary>A concept with its place in the graph (null when it is not a graph node).</summary>
public sealed record ConceptSyncRow(string Key, string Name, IReadOnlyList<string> Aliases, string? LongForm, int Papers, int Occurrences, GraphNodeRecord? Node);

/// <summary>A graph edge without its evidence, with the paper counts of both ends.</summary>
public sealed record LinkSyncRow(string Source, string Target, int Papers, double Count, double Weight, int SourcePapers, int TargetPapers);

public sealed partial class Workspace
{
    /// <summary>This workspace's id, created on first use: it names the workspace in the databases it syncs to.</summary>
    public string GetOrCreateWorkspaceId()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'workspace_id'";
        if (command.ExecuteScalar() is string id)
        {
            return id;
        }

        id = Guid.NewGuid().ToString("N");
        command.CommandText = "INSERT INTO meta (key, value) VALUES ('workspace_id', $id)";
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
        return id;
    }

    /// <summary>The sync target for <paramref name="address"/> (created with generation 0 when new): its id and the generation of rows it holds.</summary>
    public (int Target, long Generation) OpenSyncTarget(string address)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO sync_targets (address, generation) VALUES ($address, 0) ON CONFLICT (address) DO NOTHING; SELECT id, generation FROM sync_targets WHERE address = $address";
        command.Parameters.AddWithValue("$address", address);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt64(1));
    }

    /// <summary>Forgets every row recorded for <paramref name="target"/> and sets its generation.</summary>
    public void ResetSyncTarget(int target, long generation)
    {
        using var transaction = _connection.BeginTransaction();
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM sync_rows WHERE target = $target; UPDATE sync_targets SET generation = $generation WHERE id = $target";
        command.Parameters.AddWithValue("$target", target);
        command.Parameters.AddWithValue("$generation", generation);
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>The key and hash of every row of <paramref name="kind"/> confirmed written to <paramref name="target"/>.</summary>
    public Dictionary<string, long> ReadSyncedRows(int target, SyncKind kind)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key, hash FROM sync_rows WHERE target = $target AND kind = $kind";
        command.Parameters.AddWithValue("$target", target);
        command.Parameters.AddWithValue("$kind", (int)kind);
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            rows[reader.GetString(0)] = reader.GetInt64(1);
        }

        return rows;
    }

    /// <summary>Records rows as written (<paramref name="written"/>) or removed (<paramref name="removed"/>) at <paramref name="target"/>, in one transaction.</summary>
    public void RecordSynced(int target, SyncKind kind, IReadOnlyList<(string Key, long Hash)> written, IReadOnlyList<string> removed)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(removed);
        using var transaction = _connection.BeginTransaction();
        if (written.Count > 0)
        {
            using var upsert = new PreparedStatement(_connection, "INSERT OR REPLACE INTO sync_rows (target, kind, key, hash) VALUES (?1, ?2, ?3, ?4)");
            foreach (var (key, hash) in written)
            {
                upsert.Bind(1, target);
                upsert.Bind(2, (int)kind);
                upsert.Bind(3, key);
                upsert.Bind(4, hash);
                upsert.Execute();
            }
        }

        if (removed.Count > 0)
        {
            using var delete = new PreparedStatement(_connection, "DELETE FROM sync_rows WHERE target = ?1 AND kind = ?2 AND key = ?3");
            foreach (var key in removed)
            {
                delete.Bind(1, target);
                delete.Bind(2, (int)kind);
                delete.Bind(3, key);
                delete.Execute();
            }
        }

        transaction.Commit();
    }

    /// <summary>Every paper's fields for the graph store, in id order.</summary>
    public IEnumerable<PaperSyncRow> ReadPapersForSync()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, title, published, sources, authors, upvotes FROM papers ORDER BY id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var sources = reader.GetString(3);
            var newline = sources.IndexOf('\n', StringComparison.Ordinal);
            yield return new PaperSyncRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                sources.Length == 0 ? null : newline < 0 ? sources : sources[..newline],
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetInt32(5));
        }
    }

    /// <summary>The concepts of the graph (every concept with <paramref name="all"/>), in key order, aliases most frequent first.</summary>
    public IEnumerable<ConceptSyncRow> ReadConceptsForSync(bool all)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"""
            SELECT c.key, c.name, c.aliases, c.long_form, c.papers, c.occurrences,
                   g.degree, g.weighted_degree, g.pagerank, g.betweenness, g.eigenvector, g.core, g.community, g.component
            FROM concepts c {(all ? "LEFT JOIN" : "JOIN")} graph_nodes g ON g.key = c.key
            ORDER BY c.key
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = reader.GetString(0);
            var aliases = JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(2)) ?? [];
            var node = reader.IsDBNull(6) ? null : new GraphNodeRecord(key, reader.GetInt32(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9),
                reader.GetDouble(10), reader.GetInt32(11), reader.GetInt32(12), reader.GetInt32(13));
            yield return new ConceptSyncRow(key, reader.GetString(1),
                aliases.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key).ToList(),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5), node);
        }
    }

    /// <summary>The mentions of graph concepts (of every concept with <paramref name="all"/>), in paper then concept order.</summary>
    public IEnumerable<PaperConcept> ReadMentionsForSync(bool all)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = all
            ? "SELECT paper_id, concept_key, count, score, in_title FROM mentions ORDER BY paper_id, concept_key"
            : "SELECT m.paper_id, m.concept_key, m.count, m.score, m.in_title FROM mentions m JOIN graph_nodes g ON g.key = m.concept_key ORDER BY m.paper_id, m.concept_key";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new PaperConcept(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetInt32(4) == 1);
        }
    }

    /// <summary>Every graph edge with the paper counts of its ends, in key order.</summary>
    public IEnumerable<LinkSyncRow> ReadLinksForSync()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT e.source, e.target, e.papers, e.count, e.weight, a.papers, b.papers
            FROM graph_edges e JOIN concepts a ON a.key = e.source JOIN concepts b ON b.key = e.target
            ORDER BY e.source, e.target
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new LinkSyncRow(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetInt32(5), reader.GetInt32(6));
        }
    }

    /// <summary>Papers whose concepts were extracted: the corpus size the graph's statistics refer to.</summary>
    public long CountAnalysedPapers()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM paper_terms t JOIN papers p ON p.id = t.paper_id";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}

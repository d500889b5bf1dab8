using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PaperGraph.Core;

namespace PaperGraph.Workspace;

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
public sealed record PaperSyncRow(string Id, string? Title, string? Published, string? Source, int? Authors, int? Upvotes, IReadOnlyList<string>? AuthorNames = null);

/// <summary>A concept with its place in the graph (null when it is not a graph node).</summary>
public sealed record ConceptSyncRow(string Key, string Name, IReadOnlyList<string> Aliases, string? LongForm, int Papers, int Occurrences, GraphNodeRecord? Node);

/// <summary>A graph edge without its evidence, with the paper counts of both ends.</summary>
public sealed record LinkSyncRow(string Source, string Target, int Papers, double Count, double Weight, int SourcePapers, int TargetPapers);

public sealed partial class WorkspaceDatabase
{
    /// <summary>The file beside <see cref="DatabaseFileName"/> holding what the Neo4j sync remembers.</summary>
    public const string SyncFileName = "papergraph-sync.db";

    private SqliteConnection? _syncConnection;

    /// <summary>The sync state database, opened on first use.</summary>
    /// <remarks>
    /// A file of its own, in WAL mode with <c>synchronous = NORMAL</c>: a journal entry is committed after every batch
    /// the server accepts, and in WAL mode such a commit does not wait for the disk (the main database keeps its
    /// rollback journal for bulk loads). Its loss costs one full resend, never a wrong graph. Schema version 1, in
    /// <c>meta</c>.
    /// </remarks>
    private SqliteConnection SyncConnection => _syncConnection ??= OpenSyncDatabase();

    private SqliteConnection OpenSyncDatabase()
    {
        var path = Path.Combine(Directory, SyncFileName);
        var connection = new SqliteConnection(ConnectionString(path));
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = NORMAL;
                CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', '1');
                CREATE TABLE IF NOT EXISTS sync_targets (id INTEGER PRIMARY KEY, address TEXT NOT NULL UNIQUE, generation INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS sync_journal (target INTEGER NOT NULL, kind INTEGER NOT NULL, entries BLOB NOT NULL);
                CREATE INDEX IF NOT EXISTS sync_journal_kind ON sync_journal (target, kind);
                """;
            command.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw WorkspaceErrors.Classify(e, path) is { } error && error.Code != ErrorCodes.WorkspaceCorrupt ? error : new PaperGraphException(ErrorCodes.WorkspaceCorrupt,
                $"{path}: cannot open the sync state ({e.Message}); delete the file: the next sync then sends every row once.", e);
        }
    }

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
        using var command = SyncConnection.CreateCommand();
        command.CommandText = "INSERT INTO sync_targets (address, generation) VALUES ($address, 0) ON CONFLICT (address) DO NOTHING; SELECT id, generation FROM sync_targets WHERE address = $address";
        command.Parameters.AddWithValue("$address", address);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt64(1));
    }

    /// <summary>Forgets every row recorded for <paramref name="target"/> and sets its generation.</summary>
    public void ResetSyncTarget(int target, long generation)
    {
        using var transaction = SyncConnection.BeginTransaction();
        using var command = SyncConnection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM sync_journal WHERE target = $target; UPDATE sync_targets SET generation = $generation WHERE id = $target";
        command.Parameters.AddWithValue("$target", target);
        command.Parameters.AddWithValue("$generation", generation);
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>The key and hash of every row of <paramref name="kind"/> confirmed written to <paramref name="target"/> and not removed since.</summary>
    public Dictionary<string, long> ReadSyncedRows(int target, SyncKind kind) => ReadSyncedRows(target, kind, out _);

    /// <summary>As <see cref="ReadSyncedRows(int, SyncKind)"/>, with the number of journal entries replayed (live and overwritten).</summary>
    public Dictionary<string, long> ReadSyncedRows(int target, SyncKind kind, out long entries)
    {
        using var command = SyncConnection.CreateCommand();
        command.CommandText = "SELECT entries FROM sync_journal WHERE target = $target AND kind = $kind ORDER BY rowid";
        command.Parameters.AddWithValue("$target", target);
        command.Parameters.AddWithValue("$kind", (int)kind);
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        entries = 0;
        while (reader.Read())
        {
            entries += SyncJournal.Apply((byte[])reader.GetValue(0), rows);
        }

        return rows;
    }

    /// <summary>Records rows as written (<paramref name="written"/>) or removed (<paramref name="removed"/>) at <paramref name="target"/>: one journal entry, one transaction.</summary>
    public void RecordSynced(int target, SyncKind kind, IReadOnlyList<(string Key, long Hash)> written, IReadOnlyList<string> removed)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(removed);
        if (written.Count + removed.Count == 0)
        {
            return;
        }

        using var command = SyncConnection.CreateCommand();
        command.CommandText = "INSERT INTO sync_journal (target, kind, entries) VALUES ($target, $kind, $entries)";
        command.Parameters.AddWithValue("$target", target);
        command.Parameters.AddWithValue("$kind", (int)kind);
        command.Parameters.AddWithValue("$entries", SyncJournal.Encode(written, removed));
        command.ExecuteNonQuery();
    }

    /// <summary>Replaces the journal of <paramref name="kind"/> at <paramref name="target"/> with one entry holding <paramref name="rows"/> (what <see cref="ReadSyncedRows(int, SyncKind)"/> returns).</summary>
    public void CompactSyncedRows(int target, SyncKind kind, IReadOnlyList<(string Key, long Hash)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var transaction = SyncConnection.BeginTransaction();
        using var command = SyncConnection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM sync_journal WHERE target = $target AND kind = $kind";
        command.Parameters.AddWithValue("$target", target);
        command.Parameters.AddWithValue("$kind", (int)kind);
        command.ExecuteNonQuery();
        if (rows.Count > 0)
        {
            command.CommandText = "INSERT INTO sync_journal (target, kind, entries) VALUES ($target, $kind, $entries)";
            command.Parameters.AddWithValue("$entries", SyncJournal.Encode(rows, []));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Journal blobs of <paramref name="kind"/> at <paramref name="target"/> (for tests of compaction).</summary>
    internal long CountSyncJournalEntries(int target, SyncKind kind)
    {
        using var command = SyncConnection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sync_journal WHERE target = $target AND kind = $kind";
        command.Parameters.AddWithValue("$target", target);
        command.Parameters.AddWithValue("$kind", (int)kind);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Every paper's fields for the graph store, in storage order.</summary>
    public IEnumerable<PaperSyncRow> ReadPapersForSync()
    {
        using var command = _connection.CreateCommand();
        // Table order, not id order: the papers table is read sequentially rather than through its id index.
        command.CommandText = "SELECT id, title, published, sources, authors, upvotes, author_names FROM papers";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var sources = reader.GetString(3);
            var newline = sources.IndexOf('\n', StringComparison.Ordinal);
            yield return new PaperSyncRow(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                sources.Length == 0 ? null : newline < 0 ? sources : sources[..newline],
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.GetString(6) is { Length: > 0 } names ? names.Split('\n') : []);
        }
    }

    /// <summary>The concepts of the graph (every concept with <paramref name="all"/>), in key order, aliases most frequent first.</summary>
    public IEnumerable<ConceptSyncRow> ReadConceptsForSync(bool all)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"""
            SELECT c.key, c.name, c.aliases, c.long_form, c.papers, c.occurrences,
                   {GraphNodeColumns}
            FROM concepts c {(all ? "LEFT JOIN" : "JOIN")} graph_nodes g ON g.key = c.key
            ORDER BY c.key
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = reader.GetString(0);
            var aliases = JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(2)) ?? [];
            var node = reader.IsDBNull(6) ? null : ReadGraphNode(reader, key, 6);
            yield return new ConceptSyncRow(key, reader.GetString(1),
                aliases.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key).ToList(),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5), node);
        }
    }

    /// <summary>The mentions of graph concepts (of every concept with <paramref name="all"/>), in storage order.</summary>
    public IEnumerable<PaperConcept> ReadMentionsForSync(bool all)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = all
            ? "SELECT paper_id, concept_key, count, score, in_title FROM mentions"
            : "SELECT m.paper_id, m.concept_key, m.count, m.score, m.in_title FROM mentions m JOIN graph_nodes g ON g.key = m.concept_key";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new PaperConcept(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetDouble(3), reader.GetInt32(4) == 1);
        }
    }

    /// <summary>Every graph edge with the paper counts of its ends, in key order.</summary>
    public IEnumerable<LinkSyncRow> ReadLinksForSync()
    {
        // The papers of the graph's concepts, once, rather than two index lookups into the concepts table per edge.
        var papers = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var nodes = _connection.CreateCommand())
        {
            nodes.CommandText = "SELECT c.key, c.papers FROM graph_nodes g JOIN concepts c ON c.key = g.key";
            using var reader = nodes.ExecuteReader();
            while (reader.Read())
            {
                papers[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT source, target, papers, count, weight FROM graph_edges";
        using (var edges = command.ExecuteReader())
        {
            while (edges.Read())
            {
                var (source, target) = (edges.GetString(0), edges.GetString(1));
                yield return new LinkSyncRow(source, target, edges.GetInt32(2), edges.GetDouble(3), edges.GetDouble(4), papers[source], papers[target]);
            }
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

/// <summary>Encodes and decodes <c>sync_journal</c> entries (format in <see cref="WorkspaceDatabase"/>'s remarks).</summary>
internal static class SyncJournal
{
    public static byte[] Encode(IReadOnlyList<(string Key, long Hash)> written, IReadOnlyList<string> removed)
    {
        var buffer = new ArrayBufferWriter<byte>(16 + (written.Count + removed.Count) * 48);
        foreach (var (key, hash) in written)
        {
            var span = buffer.GetSpan(1 + 8 + 5 + Encoding.UTF8.GetMaxByteCount(key.Length));
            span[0] = 1;
            BinaryPrimitives.WriteInt64LittleEndian(span[1..], hash);
            buffer.Advance(9 + WriteKey(span[9..], key));
        }

        foreach (var key in removed)
        {
            var span = buffer.GetSpan(1 + 5 + Encoding.UTF8.GetMaxByteCount(key.Length));
            span[0] = 0;
            buffer.Advance(1 + WriteKey(span[1..], key));
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Replays <paramref name="entries"/> onto <paramref name="rows"/>; returns how many there were.</summary>
    public static long Apply(ReadOnlySpan<byte> entries, Dictionary<string, long> rows)
    {
        var position = 0;
        long count = 0;
        while (position < entries.Length)
        {
            var flag = entries[position++];
            long hash = 0;
            if (flag == 1)
            {
                hash = BinaryPrimitives.ReadInt64LittleEndian(entries[position..]);
                position += 8;
            }
            else if (flag != 0)
            {
                throw new InvalidDataException($"Corrupt sync journal: flag {flag} at byte {position - 1}.");
            }

            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = entries[position++];
                length |= (b & 0x7f) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            var key = Encoding.UTF8.GetString(entries.Slice(position, length));
            position += length;
            if (flag == 1)
            {
                rows[key] = hash;
            }
            else
            {
                rows.Remove(key);
            }

            count++;
        }

        return count;
    }

    private static int WriteKey(Span<byte> span, string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key, span[5..]);
        var header = 0;
        var length = (uint)bytes;
        while (length >= 0x80)
        {
            span[header++] = (byte)(length | 0x80);
            length >>= 7;
        }

        span[header++] = (byte)length;
        if (header < 5)
        {
            span.Slice(5, bytes).CopyTo(span[header..]);
        }

        return header + bytes;
    }
}

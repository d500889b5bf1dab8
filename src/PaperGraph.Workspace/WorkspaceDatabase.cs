using Microsoft.Data.Sqlite;
using PaperGraph.Core;

namespace PaperGraph.Workspace;

/// <summary>The local workspace: a folder holding <c>papergraph.db</c> (SQLite) and the files later stages write.</summary>
/// <remarks>
/// Format (schema version 1), table <c>papers</c>: <c>id</c> text primary key; <c>title</c> (nullable);
/// <c>abstract</c>; <c>authors</c>, <c>upvotes</c> integers; <c>published</c> ISO date text; <c>organization</c>;
/// <c>categories</c> space-separated; <c>title_latex</c>, <c>abstract_latex</c> as space-separated <c>start+length</c>
/// ranges; <c>sources</c> newline-separated <c>file:line</c>; <c>title_key</c> (see <see cref="PaperKeys.TitleKey"/>);
/// <c>revision</c>, incremented whenever title or abstract change, so later stages redo only what changed.
/// <c>title_key</c> has no index: writers load the id and key of every paper into memory once (an index costs a
/// third of the bulk-load time and would serve no query).
/// Table <c>skipped</c> holds the last ingest's skipped records; <c>meta</c> holds <c>schema_version</c>, and <c>extractor_version</c> (the <c>ConceptExtractor.Version</c> that made the stored terms).
/// <para>
/// Schema version 2 adds concept extraction. <c>paper_terms</c>: <c>paper_id</c>, the paper <c>revision</c> the terms
/// were extracted from, and <c>terms</c>, the extractor's per-paper output (a blob written and read by the NLP
/// library, whose first byte is its format version; papers whose record is of another format, such as the JSON text
/// early versions stored, are extracted again), so that a new run analyses only new or changed papers. <c>concepts</c>: <c>key</c> (unique, indexed by <c>concepts_key</c>),
/// <c>name</c>, <c>aliases</c> (JSON object surface form → count), <c>papers</c>, <c>occurrences</c>, <c>long_form</c>,
/// <c>relevance</c>. <c>mentions</c>: <c>paper_id</c>, <c>concept_key</c>, <c>count</c>, <c>score</c>,
/// <c>in_title</c> (0/1), indexed by <c>paper_id</c> (one row per paper and concept). Concepts and mentions are rebuilt
/// as a whole by each extraction (the table of concepts is created anew, and both indexes are built after the bulk
/// insert), because merging and scoring depend on the whole corpus. A version 1 workspace is upgraded in place.
/// </para>
/// <para>
/// Schema version 3 adds the concept graph, rebuilt as a whole by each <c>papergraph build</c>. <c>graph_nodes</c>:
/// <c>key</c> (a concept key), <c>degree</c>, <c>weighted_degree</c>, <c>pagerank</c>, <c>betweenness</c>,
/// <c>eigenvector</c>, <c>core</c>, <c>community</c>, <c>component</c>. <c>graph_edges</c>: <c>source</c> and
/// <c>target</c> concept keys, <c>papers</c>, <c>count</c>, <c>weight</c>, and <c>evidence</c>, the ids of the
/// supporting papers separated by single spaces (ids never contain spaces). Versions 1 and 2 are upgraded in place.
/// </para>
/// <para>
/// Schema version 4: <c>meta</c> gains <c>workspace_id</c>, a random id created on the first Neo4j sync, which names
/// the workspace in the databases it syncs to. What the sync remembers lives beside this file, in
/// <see cref="SyncFileName"/>: <c>sync_targets</c>, one row per database synced to (<c>address</c> is the server address
/// and database name) with the <c>generation</c> of rows it holds, also written into the database as a
/// <c>:PaperGraphSync</c> node so an emptied or replaced database is noticed; and <c>sync_journal</c>, per target and
/// row kind (see <see cref="SyncKind"/>), blobs of entries appended batch by batch as the database confirms them, read
/// in rowid order, later entries winning, compacted when overwritten entries outnumber live ones. An entry is a flag
/// byte (1 written, 0 removed), for a written row the 64-bit little-endian hash of the row as written, then the row key
/// as a 7-bit varint length and UTF-8 bytes. Versions 1–3 are upgraded in place.
/// </para>
/// <para>
/// Schema version 5: <c>graph_nodes</c> gains <c>keyphraseness</c> and <c>topic</c> (topic centrality);
/// <c>pagerank</c>, <c>eigenvector</c>, <c>keyphraseness</c> and <c>topic</c> may be NULL, when the build could not compute that measure,
/// and <c>graph_missing</c> holds one row per such measure: <c>measure</c> (the column name) and <c>reason</c>.
/// Versions 1–4 are upgraded in place: <c>graph_nodes</c> is copied into the new form, and a graph built by them has
/// no keyphraseness and no topic centrality until the next build (recorded in <c>graph_missing</c>).
/// </para>
/// <para>
/// Schema version 6: <c>papers.author_names</c>, the authors' names newline-separated (empty where the source gives
/// none); <c>graph_months</c> (<c>key</c>, <c>months</c>: <c>YYYY-MM:papers</c> pairs, space-separated, in month order),
/// each graph concept's papers per month, one row per concept so that the trends of 10,000 concepts read in a blink;
/// <c>corpus_months</c> (<c>month</c>, <c>papers</c>), the corpus's dated papers per month, and <c>meta</c>
/// <c>undated_papers</c>; and <c>graph_bursts</c> (<c>key</c>, <c>start</c>, <c>end</c>, <c>strength</c>), each
/// concept's bursts; all written by the build with the graph (<c>meta</c> <c>graph_months_built</c> = 1 once a build has); index
/// <c>graph_edges_target</c> for a concept's links. Earlier versions gain the column and tables in place.
/// Schema version 7: <c>graph_nodes</c> gains <c>x</c> and <c>y</c>, the node's place on the map (the layout
/// <c>papergraph build</c> computes, as in the GEXF, GraphML and VOSviewer files), NULL for a graph built before;
/// versions 5 and 6 are upgraded in place by adding the two columns.
/// </para>
/// </remarks>
public sealed partial class WorkspaceDatabase : IDisposable
{
    public const string DatabaseFileName = "papergraph.db";
    public const int SchemaVersion = 7;

    /// <summary>The columns of table <c>graph_nodes</c>; an iterative measure the build could not compute is NULL.</summary>
    private const string GraphNodesColumns = """
        (key TEXT PRIMARY KEY,
         degree INTEGER NOT NULL,
         weighted_degree REAL NOT NULL,
         pagerank REAL,
         betweenness REAL NOT NULL,
         eigenvector REAL,
         core INTEGER NOT NULL,
         community INTEGER NOT NULL,
         component INTEGER NOT NULL,
         keyphraseness REAL,
         topic REAL,
         x REAL,
         y REAL)
        """;

    /// <summary>The columns of table <c>concepts</c>; its key index is built after each bulk insert.</summary>
    private const string ConceptsColumns = """
        (key TEXT NOT NULL,
         name TEXT NOT NULL,
         aliases TEXT NOT NULL,
         papers INTEGER NOT NULL,
         occurrences INTEGER NOT NULL,
         long_form TEXT,
         relevance REAL NOT NULL)
        """;

    private readonly SqliteConnection _connection;

    private WorkspaceDatabase(string directory, SqliteConnection connection)
    {
        Directory = directory;
        _connection = connection;
    }

    public string Directory { get; }

    internal SqliteConnection Connection => _connection;

    /// <summary>Opens the workspace in <paramref name="directory"/>, creating it when it does not exist.</summary>
    public static WorkspaceDatabase Open(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (File.Exists(directory))
        {
            throw new PaperGraphException(ErrorCodes.InvalidArgument, $"{directory}: is a file; expected a folder for the workspace (it is created if missing).");
        }

        EnvironmentErrors.CreateFolder(directory);
        var path = Path.Combine(directory, DatabaseFileName);
        var connection = new SqliteConnection(ConnectionString(path));
        try
        {
            connection.Open();
            var workspace = new WorkspaceDatabase(directory, connection);
            workspace.EnsureSchema();
            return workspace;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw WorkspaceErrors.Classify(e, path) ?? new PaperGraphException(ErrorCodes.WorkspaceCorrupt,
                $"{path}: cannot open the workspace database ({e.Message}); expected a PaperGraph workspace, or an empty folder.", e);
        }
    }

    /// <summary>
    /// A connection to a workspace database: no pooling, and a short wait for another run's lock, so a second run on
    /// the same workspace is told at once (<see cref="WorkspaceErrors"/>) rather than after the driver's 30 s.
    /// </summary>
    internal static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = WorkspaceErrors.LockWaitSeconds }.ToString();

    /// <summary>
    /// Opens the workspace in <paramref name="directory"/>, which must exist: for the commands that read a workspace,
    /// where a mistyped <c>--workspace</c> should be an error, not a new empty workspace.
    /// </summary>
    public static WorkspaceDatabase OpenExisting(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!File.Exists(Path.Combine(directory, DatabaseFileName)))
        {
            var what = System.IO.Directory.Exists(directory) ? $"not a PaperGraph workspace (it has no {DatabaseFileName})" : "no such workspace";
            throw new PaperGraphException(ErrorCodes.PathNotFound,
                $"{directory}: {what}; check --workspace, or create it with 'papergraph ingest <files> --workspace {directory}'.");
        }

        return Open(directory);
    }

    private void EnsureSchema()
    {
        // A rollback journal, not WAL: one writer at a time, and a bulk load is not written twice (WAL, then checkpoint).
        Execute("PRAGMA journal_mode = DELETE; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;");
        Execute($$"""
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS papers (
                id TEXT PRIMARY KEY,
                title TEXT,
                abstract TEXT NOT NULL,
                authors INTEGER,
                published TEXT,
                upvotes INTEGER,
                organization TEXT,
                categories TEXT NOT NULL,
                title_latex TEXT NOT NULL,
                abstract_latex TEXT NOT NULL,
                sources TEXT NOT NULL,
                title_key TEXT NOT NULL,
                revision INTEGER NOT NULL DEFAULT 1,
                author_names TEXT NOT NULL DEFAULT '');
            CREATE TABLE IF NOT EXISTS skipped (code TEXT NOT NULL, location TEXT NOT NULL, message TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS paper_terms (paper_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, terms TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS concepts {{ConceptsColumns}};
            CREATE TABLE IF NOT EXISTS mentions (
                paper_id TEXT NOT NULL,
                concept_key TEXT NOT NULL,
                count INTEGER NOT NULL,
                score REAL NOT NULL,
                in_title INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS mentions_paper ON mentions (paper_id);
            CREATE TABLE IF NOT EXISTS graph_nodes {{GraphNodesColumns}};
            CREATE TABLE IF NOT EXISTS graph_missing (measure TEXT PRIMARY KEY, reason TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS graph_edges (
                source TEXT NOT NULL,
                target TEXT NOT NULL,
                papers INTEGER NOT NULL,
                count REAL NOT NULL,
                weight REAL NOT NULL,
                evidence TEXT NOT NULL,
                PRIMARY KEY (source, target)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS graph_edges_target ON graph_edges (target);
            CREATE TABLE IF NOT EXISTS graph_bursts (key TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL, strength REAL NOT NULL);
            CREATE TABLE IF NOT EXISTS graph_months (key TEXT PRIMARY KEY, months TEXT NOT NULL) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS corpus_months (month TEXT PRIMARY KEY, papers INTEGER NOT NULL) WITHOUT ROWID;
            """);

        // Version 6 added papers.author_names (newline-separated); a paper read before has none until read again.
        AddColumnIfMissing("papers", "author_names", "TEXT NOT NULL DEFAULT ''");

        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT value FROM meta WHERE key = 'schema_version'";
        var version = command.ExecuteScalar() as string;
        if (version is null)
        {
            Execute($"INSERT INTO meta (key, value) VALUES ('schema_version', '{SchemaVersion}')");
        }
        else if (version is "1" or "2" or "3" or "4")
        {
            // The copy below creates graph_nodes in the current form (GraphNodesColumns), x and y included.
            // Versions 2, 3 and 4 only added tables, created above; version 5 added two columns to graph_nodes and let
            // three measures be NULL, which SQLite can only do by copying the table into a new one.
            using var transaction = _connection.BeginTransaction();
            Execute($"""
                CREATE TABLE graph_nodes_v5 {GraphNodesColumns};
                INSERT INTO graph_nodes_v5 (key, degree, weighted_degree, pagerank, betweenness, eigenvector, core, community, component)
                    SELECT key, degree, weighted_degree, pagerank, betweenness, eigenvector, core, community, component FROM graph_nodes;
                DROP TABLE graph_nodes;
                ALTER TABLE graph_nodes_v5 RENAME TO graph_nodes;
                INSERT OR REPLACE INTO graph_missing (measure, reason)
                    SELECT m.measure, 'the graph was built by an earlier PaperGraph, which did not compute it; run papergraph build again'
                    FROM (SELECT 'keyphraseness' AS measure UNION ALL SELECT 'topic') m WHERE EXISTS (SELECT 1 FROM graph_nodes);
                UPDATE meta SET value = '{SchemaVersion}' WHERE key = 'schema_version';
                """, transaction);
            transaction.Commit();
        }
        else if (version is "5" or "6")
        {
            // Version 6 only added graph_months, corpus_months and graph_bursts, created above, and papers.author_names; a graph built before has no months until the next build.
            // Version 7 added the nullable x and y to graph_nodes, which ALTER TABLE can do in place; a graph built
            // before has no layout (NULL) until the next build.
            using var transaction = _connection.BeginTransaction();
            using (var columns = _connection.CreateCommand())
            {
                columns.Transaction = transaction;
                columns.CommandText = "SELECT count(*) FROM pragma_table_info('graph_nodes') WHERE name IN ('x', 'y')";
                if ((long)columns.ExecuteScalar()! == 0)
                {
                    Execute("ALTER TABLE graph_nodes ADD COLUMN x REAL; ALTER TABLE graph_nodes ADD COLUMN y REAL;", transaction);
                }
            }

            Execute($"UPDATE meta SET value = '{SchemaVersion}' WHERE key = 'schema_version'", transaction);
            transaction.Commit();
        }
        else if (version != SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new PaperGraphException(ErrorCodes.WorkspaceCorrupt,
                $"{Directory}: the workspace has schema version {version}; this PaperGraph reads version {SchemaVersion}. Use a new workspace folder.");
        }
    }

    private void AddColumnIfMissing(string table, string column, string definition)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
        if ((long)command.ExecuteScalar()! == 0)
        {
            Execute($"ALTER TABLE {table} ADD COLUMN {column} {definition}");
        }
    }

    public long CountPapers()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM papers";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Starts writing papers; dispose the writer without <see cref="PaperWriter.Commit"/> to discard them.</summary>
    public PaperWriter BeginPapers() => new(this);

    /// <summary>One paper by id, or null.</summary>
    public Paper? GetPaper(string id)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {PaperRows.Columns} FROM papers WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? PaperRows.Read(reader) : null;
    }

    /// <summary>Every paper, in id order.</summary>
    public IEnumerable<Paper> ReadPapers()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {PaperRows.Columns} FROM papers ORDER BY id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return PaperRows.Read(reader);
        }
    }

    /// <summary>Replaces the list of skipped records with those of the latest ingest.</summary>
    public void ReplaceSkipped(IEnumerable<(string Code, string Location, string Message)> skipped)
    {
        using var transaction = _connection.BeginTransaction();
        Execute("DELETE FROM skipped", transaction);
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO skipped (code, location, message) VALUES ($code, $location, $message)";
        var code = command.Parameters.Add("$code", SqliteType.Text);
        var location = command.Parameters.Add("$location", SqliteType.Text);
        var message = command.Parameters.Add("$message", SqliteType.Text);
        foreach (var skip in skipped)
        {
            (code.Value, location.Value, message.Value) = (skip.Code, skip.Location, skip.Message);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    internal void Execute(string sql, SqliteTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _syncConnection?.Dispose();
        _connection.Dispose();
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PaperGraph.Core;
using PaperGraph.Workspace;

namespace PaperGraph.Neo4j;

/// <summary>Settings of a sync.</summary>
/// <param name="BatchSize">Rows per request (each request is one transaction).</param>
/// <param name="AllConcepts">Send every concept and its mentions, not only the graph's nodes.</param>
/// <param name="Full">Send every row even when the workspace remembers it as written.</param>
public sealed record SyncSettings(int BatchSize = 10_000, bool AllConcepts = false, bool Full = false)
{
    public int BatchSize { get; } = BatchSize >= 1 ? BatchSize : throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "must be at least 1");
}

/// <summary>Progress of a sync: the kind being written or removed, rows done of the kind's total, and the rows/s so far.</summary>
public readonly record struct SyncProgress(string Step, long Done, long Total, double RowsPerSecond);

/// <summary>What a sync did to one kind of row.</summary>
public sealed record SyncKindReport(SyncKind Kind, long Rows, long Written, long New, long Removed);

/// <summary>What a sync did.</summary>
/// <param name="Kinds">Per kind of row.</param>
/// <param name="SchemaChanges">Constraints and indexes the schema statements added.</param>
/// <param name="Resync">Why every row was sent again, when it was (new database, emptied database, --full).</param>
/// <param name="Seconds">Wall time of the whole sync.</param>
/// <param name="SendSeconds">Time spent in requests that wrote or removed rows.</param>
public sealed record SyncReport(IReadOnlyList<SyncKindReport> Kinds, long SchemaChanges, string? Resync, double Seconds, double SendSeconds)
{
    /// <summary>Rows written or removed.</summary>
    public long RowsSent => Kinds.Sum(k => k.Written + k.Removed);

    public double RowsPerSecond => SendSeconds > 0 ? RowsSent / SendSeconds : 0;
}

/// <summary>Brings a graph store up to date with a workspace's papers, concepts, links and analytics, sending only what changed.</summary>
/// <remarks>
/// The workspace remembers, per target database, the hash of every row confirmed written (<see cref="WorkspaceDatabase.RecordSynced"/>),
/// recorded batch by batch after the store accepts it. A sync hashes the current rows, writes those whose hash
/// differs (an idempotent MERGE), then removes rows it had written that no longer exist, relationships before nodes.
/// A sync stopped at any point and run again therefore ends with the same graph as one clean sync: a batch that
/// reached the store but was not recorded is merged again. A <c>:PaperGraphSync</c> node in the database holds the
/// generation the workspace expects; when it is missing or different (an emptied or replaced database) every row is
/// sent again.
/// </remarks>
public sealed class GraphSync
{
    private readonly IGraphStore _store;
    private readonly WorkspaceDatabase _workspace;
    private readonly string _address;
    private readonly ILogger _logger;

    /// <param name="address">Identifies the target database across runs (server address and database name).</param>
    public GraphSync(IGraphStore store, WorkspaceDatabase workspace, string address, ILogger<GraphSync>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrEmpty(address);
        (_store, _workspace, _address) = (store, workspace, address);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public async Task<SyncReport> RunAsync(SyncSettings settings, IProgress<SyncProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        if (_workspace.Count("graph_nodes") == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoPapersFound,
                $"{_workspace.Directory}: no concept graph to sync yet; run 'papergraph build --workspace {_workspace.Directory}' first.");
        }

        long schemaChanges = 0;
        foreach (var statement in CypherFiles.SchemaStatements())
        {
            var result = await _store.RunAsync(statement, null, cancellationToken).ConfigureAwait(false);
            schemaChanges += result.Counters.Where(c => c.Key is "indexesAdded" or "constraintsAdded").Sum(c => c.Value);
        }

        var (target, resync) = await CheckGenerationAsync(settings.Full, cancellationToken).ConfigureAwait(false);

        // What the database holds, per kind, read before the pipeline starts: the sync state is then used by this
        // thread only, while the workspace is read by the preparing one.
        var journal = GraphModel.WriteOrder.ToDictionary(k => k, k => (Rows: _workspace.ReadSyncedRows(target, k, out var entries), Entries: entries));
        var (concepts, communities) = GraphModel.ConceptsAndCommunities(_workspace, settings.AllConcepts);
        var analysed = (double)_workspace.CountAnalysedPapers();
        Prepared Prepare(SyncKind kind) => kind switch
        {
            SyncKind.Paper => Prepared.Of(kind, _workspace.ReadPapersForSync(), GraphModel.PaperRow, journal[kind].Rows, cancellationToken),
            SyncKind.Community => Prepared.Of(kind, communities, Same, journal[kind].Rows, cancellationToken),
            SyncKind.Concept => Prepared.Of(kind, concepts, Same, journal[kind].Rows, cancellationToken),
            SyncKind.Mention => Prepared.Of(kind, _workspace.ReadMentionsForSync(settings.AllConcepts), GraphModel.MentionRow, journal[kind].Rows, cancellationToken),
            _ => Prepared.Of(kind, _workspace.ReadLinksForSync(), l => GraphModel.LinkRow(l, analysed), journal[kind].Rows, cancellationToken),
        };

        var send = new Sender(_store, _workspace, target, settings.BatchSize, progress, _logger);
        var prepared = new Dictionary<SyncKind, Prepared>();
        var order = GraphModel.WriteOrder;

        // One kind ahead: the next kind is read and hashed while this one is sent.
        var next = Task.Run(() => Prepare(order[0]), cancellationToken);
        try
        {
            for (var i = 0; i < order.Count; i++)
            {
                var kind = await next.ConfigureAwait(false);
                var following = i + 1;
                next = following < order.Count ? Task.Run(() => Prepare(order[following]), cancellationToken) : Task.FromResult<Prepared>(null!);
                prepared[kind.Kind] = kind;
                await send.WriteAsync(kind, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // Never leave a reader running on the workspace once this returns or throws; the first failure is the one reported.
            await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }

        foreach (var kind in GraphModel.RemoveOrder)
        {
            await send.RemoveAsync(kind, prepared[kind].Stale, cancellationToken).ConfigureAwait(false);
        }

        // The journal grows by one entry per row written or removed; once overwritten entries outnumber the live ones,
        // one entry holding the live rows replaces it.
        foreach (var p in prepared.Values)
        {
            if (journal[p.Kind].Entries + p.Changed.Count + p.Stale.Count > (2L * p.Current.Count) + 1000)
            {
                _workspace.CompactSyncedRows(target, p.Kind, p.Current);
            }
        }

        return new SyncReport([.. order.Select(k => prepared[k].Report)], schemaChanges, resync, clock.Elapsed.TotalSeconds, send.Seconds);
    }

    private static SyncRow Same(SyncRow row) => row;

    /// <summary>Compares the generation the database holds with the one the workspace expects; on a mismatch, forgets what was written and starts a new generation.</summary>
    /// <returns>The sync target, and why every row must be sent again (null when the workspace's record holds).</returns>
    private async Task<(int Target, string? Resync)> CheckGenerationAsync(bool full, CancellationToken cancellationToken)
    {
        var workspaceId = _workspace.GetOrCreateWorkspaceId();
        var (target, expected) = _workspace.OpenSyncTarget(_address);
        var marker = await _store.RunAsync(CypherFiles.Sync("read-marker"), new Dictionary<string, object?> { ["workspace"] = workspaceId }, cancellationToken).ConfigureAwait(false);
        var held = marker.Rows.Count > 0 && marker.Rows[0][0] is long g ? g : (long?)null;
        string? reason = null;
        if (expected == 0)
        {
            reason = "first sync to this database";
        }
        else if (full)
        {
            reason = "--full asked for every row";
        }
        else if (held is null)
        {
            reason = "the database holds no rows of this workspace (new or emptied since the last sync)";
        }
        else if (held != expected)
        {
            reason = $"the database holds generation {held} of this workspace's rows, the workspace expected {expected}";
        }

        if (reason is null)
        {
            return (target, null);
        }

        var generation = Math.Max(expected, held ?? 0) + 1;
        if (expected != 0)
        {
            Log.FullResync(_logger, _store.Target, reason);
        }

        _workspace.ResetSyncTarget(target, generation);
        await _store.RunAsync(CypherFiles.Sync("write-marker"), new Dictionary<string, object?> { ["workspace"] = workspaceId, ["generation"] = generation }, cancellationToken)
            .ConfigureAwait(false);
        return (target, reason);
    }

    /// <summary>Sends batches and records each one in the workspace once the store has accepted it.</summary>
    private sealed class Sender(IGraphStore store, WorkspaceDatabase workspace, int target, int batchSize, IProgress<SyncProgress>? progress, ILogger logger)
    {
        private readonly Stopwatch _sending = new();
        private long _sent;

        public double Seconds => _sending.Elapsed.TotalSeconds;

        public async Task WriteAsync(Prepared prepared, CancellationToken cancellationToken)
        {
            var statement = GraphModel.UpsertStatement(prepared.Kind);
            var name = GraphModel.Plural(prepared.Kind);
            var changed = prepared.Changed;
            for (var start = 0; start < changed.Count; start += batchSize)
            {
                var batch = changed.GetRange(start, Math.Min(batchSize, changed.Count - start));
                await SendAsync(statement, [.. batch.Select(b => b.Row.Properties)], $"writing {name}", start, changed.Count, cancellationToken).ConfigureAwait(false);
                workspace.RecordSynced(target, prepared.Kind, [.. batch.Select(b => (b.Row.Key, b.Hash))], []);
            }
        }

        public async Task RemoveAsync(SyncKind kind, List<string> keys, CancellationToken cancellationToken)
        {
            var statement = GraphModel.DeleteStatement(kind);
            for (var start = 0; start < keys.Count; start += batchSize)
            {
                var batch = keys.GetRange(start, Math.Min(batchSize, keys.Count - start));
                await SendAsync(statement, [.. batch.Select(k => GraphModel.DeleteRow(kind, k))], $"removing {GraphModel.Plural(kind)}", start, keys.Count, cancellationToken)
                    .ConfigureAwait(false);
                workspace.RecordSynced(target, kind, [], batch);
            }
        }

        private async Task SendAsync(string statement, List<PropertyRow> rows, string step, long done, long total, CancellationToken cancellationToken)
        {
            _sending.Start();
            var started = Stopwatch.GetTimestamp();
            try
            {
                await store.RunAsync(statement, new Dictionary<string, object?> { ["rows"] = rows }, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _sending.Stop();
            }

            _sent += rows.Count;
            Log.BatchSent(logger, store.Target, rows.Count, step, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            progress?.Report(new SyncProgress(step, done + rows.Count, total, _sent / Math.Max(_sending.Elapsed.TotalSeconds, 1e-9)));
        }
    }

    /// <summary>The rows of one kind, built, hashed and compared with what the database holds.</summary>
    private sealed class Prepared
    {
        public required SyncKind Kind { get; init; }

        /// <summary>Rows to write, with their hashes.</summary>
        public required List<(SyncRow Row, long Hash)> Changed { get; init; }

        /// <summary>Every current row's key and hash.</summary>
        public required List<(string Key, long Hash)> Current { get; init; }

        /// <summary>Keys written once that exist no more.</summary>
        public required List<string> Stale { get; init; }

        public long Fresh { get; init; }

        public SyncKindReport Report => new(Kind, Current.Count, Changed.Count, Fresh, Stale.Count);

        /// <summary>Reads <paramref name="source"/>, builds and hashes its rows, and compares them with <paramref name="written"/> (which it empties of the current keys).</summary>
        public static Prepared Of<T>(SyncKind kind, IEnumerable<T> source, Func<T, SyncRow> build, Dictionary<string, long> written, CancellationToken cancellationToken)
        {
            var chunks = Hash(source, build, written, cancellationToken);
            var changed = new List<(SyncRow Row, long Hash)>();
            var current = new List<(string Key, long Hash)>();
            long fresh = 0;
            foreach (var chunk in chunks)
            {
                for (var i = 0; i < chunk.Count; i++)
                {
                    var row = chunk.Rows[i];
                    current.Add((row.Key, chunk.Hashes[i]));
                    fresh += written.Remove(row.Key) ? 0 : 1;
                    if (chunk.Send[i])
                    {
                        changed.Add((row, chunk.Hashes[i]));
                    }
                }
            }

            // What is left was written once and exists no more.
            return new Prepared { Kind = kind, Changed = changed, Current = current, Stale = [.. written.Keys.Order(StringComparer.Ordinal)], Fresh = fresh };
        }

        /// <summary>Builds and hashes rows while they are read: the reading thread fills chunks, the other cores build and hash them.</summary>
        /// <remarks>A row to send keeps its JSON, so it is not serialised again for the request.</remarks>
        private static List<Chunk> Hash<T>(IEnumerable<T> source, Func<T, SyncRow> build, Dictionary<string, long> written, CancellationToken cancellationToken)
        {
            var chunks = new List<Chunk>();
            using var queue = new System.Collections.Concurrent.BlockingCollection<(Chunk Chunk, T[] Raw)>(boundedCapacity: 256);
            var workers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount - 1)).Select(_ => Task.Run(() =>
            {
                using var hasher = new RowHasher();
                foreach (var (chunk, raw) in queue.GetConsumingEnumerable())
                {
                    for (var i = 0; i < chunk.Count; i++)
                    {
                        chunk.Rows[i] = build(raw[i]);
                        var properties = chunk.Rows[i].Properties;
                        chunk.Hashes[i] = hasher.Hash(properties);
                        chunk.Send[i] = !written.TryGetValue(chunk.Rows[i].Key, out var before) || before != chunk.Hashes[i];
                        if (chunk.Send[i])
                        {
                            hasher.KeepJson(properties);
                        }
                    }
                }
            })).ToArray();

            try
            {
                var current = new Chunk();
                var raw = new T[Chunk.Size];
                foreach (var item in source)
                {
                    raw[current.Count++] = item;
                    if (current.Count == Chunk.Size)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        chunks.Add(current);
                        queue.Add((current, raw));
                        (current, raw) = (new Chunk(), new T[Chunk.Size]);
                    }
                }

                if (current.Count > 0)
                {
                    chunks.Add(current);
                    queue.Add((current, raw));
                }
            }
            finally
            {
                queue.CompleteAdding();
                Task.WaitAll(workers);
            }

            return chunks;
        }

        private sealed class Chunk
        {
            public const int Size = 4096;

            public SyncRow[] Rows { get; } = new SyncRow[Size];

            public long[] Hashes { get; } = new long[Size];

            public bool[] Send { get; } = new bool[Size];

            public int Count { get; set; }
        }
    }
}

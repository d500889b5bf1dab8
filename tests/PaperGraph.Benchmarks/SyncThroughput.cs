using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PaperGraph.Core;
using PaperGraph.FakeNeo4j;
using PaperGraph.Workspace;
using PaperGraph.Neo4j;

namespace PaperGraph.Benchmarks;

/// <summary>
/// Client-side speed of the Neo4j sync: how fast PaperGraph prepares and sends rows, measured against the in-process
/// Query API server so that the server is not the limit.
/// <c>dotnet run -c Release --project tests/PaperGraph.Benchmarks -- sync [--workspace dir] [--batch-size n] [--runs n] [--store]</c>.
/// Without --workspace it writes a synthetic one (20,000 papers, 5,000 concepts, 200,000 mentions, 300,000 links).
/// By default the server parses every request and discards the rows (the client alone); --store keeps them in memory.
/// </summary>
internal static class SyncThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var batchSize = int.Parse(Arg("--batch-size") ?? "10000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Arg("--runs") ?? "3", CultureInfo.InvariantCulture);
        var store = args.Contains("--store");
        var directory = Arg("--workspace");
        string? temp = null;
        if (directory is null)
        {
            temp = directory = Path.Combine(Path.GetTempPath(), "papergraph-sync-bench-" + Guid.NewGuid().ToString("N"));
            Console.WriteLine("Writing a synthetic workspace...");
            Synthetic.Write(directory);
        }

        try
        {
            using var workspace = WorkspaceDatabase.Open(directory);
            Console.WriteLine($"Workspace {directory}: {workspace.CountPapers():N0} papers, {workspace.Count("graph_nodes"):N0} graph concepts, " +
                $"{workspace.Count("graph_edges"):N0} links; batches of {batchSize:N0}; server {(store ? "stores" : "parses and discards")} rows");
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
                $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC (the CLI runs with server GC: set DOTNET_gcServer=1 to match it)");

            var clock = Stopwatch.StartNew();
            var (concepts, communities) = GraphModel.ConceptsAndCommunities(workspace, all: false);
            var rows = GraphModel.Papers(workspace).Concat(communities).Concat(concepts).Concat(GraphModel.Mentions(workspace, false)).Concat(GraphModel.Links(workspace)).ToList();
            var read = clock.Elapsed.TotalSeconds;
            clock.Restart();
            using var hasher = new RowHasher();
            long sum = 0;
            foreach (var row in rows)
            {
                sum += hasher.Hash(row.Properties);
            }

            var hashing = clock.Elapsed.TotalSeconds;
            clock.Restart();
            long bytes = 0;
            using (var buffer = new MemoryStream())
            {
                for (var start = 0; start < rows.Count; start += batchSize)
                {
                    buffer.SetLength(0);
                    using var writer = new Utf8JsonWriter(buffer);
                    CypherJson.WriteValue(writer, rows.GetRange(start, Math.Min(batchSize, rows.Count - start)).Select(r => r.Properties).ToList());
                    writer.Flush();
                    bytes += buffer.Length;
                }
            }

            var serialising = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rows: {rows.Count:N0}; read from the workspace {read:F2} s ({rows.Count / read:N0} rows/s); hashed {hashing:F2} s ({rows.Count / hashing:N0} rows/s); " +
                $"serialised {serialising:F2} s ({rows.Count / serialising:N0} rows/s, {bytes / 1e6:N0} MB) [checksum {sum & 0xff}]"));
            rows.Clear();

            await using var server = await FakeNeo4jServer.StartAsync();
            for (var run = 1; run <= runs; run++)
            {
                server.Graph.DiscardRows = !store;
                using var client = new Neo4jQueryClient(Neo4jSettings.For(server.Uri, server.User, server.Password));
                var sync = new GraphSync(client, workspace, "bench " + server.Uri);
                clock.Restart();
                var report = await sync.RunAsync(new SyncSettings(batchSize, AllConcepts: false, Full: true));
                var wall = clock.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: full sync of {report.RowsSent:N0} rows in {wall:F2} s = {report.RowsSent / wall:N0} rows/s end to end " +
                    $"(requests {report.SendSeconds:F2} s = {report.RowsSent / report.SendSeconds:N0} rows/s; {client.BytesSent / 1e6:N0} MB sent); " +
                    $"{report.RowsSent / wall / 20_000:F1}x the ~20,000 rows/s a 2-core Neo4j sustains"));
                server.Graph.Papers.Clear();
                server.Graph.Concepts.Clear();
                server.Graph.Mentions.Clear();
                server.Graph.Links.Clear();
            }

            {
                using var client = new Neo4jQueryClient(Neo4jSettings.For(server.Uri, server.User, server.Password));
                clock.Restart();
                var report = await new GraphSync(client, workspace, "bench " + server.Uri).RunAsync(new SyncSettings(batchSize));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"unchanged: a second sync checked {report.Kinds.Sum(k => k.Rows):N0} rows and sent {report.RowsSent:N0} in {clock.Elapsed.TotalSeconds:F2} s"));
            }

            return 0;
        }
        finally
        {
            if (temp is not null)
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    /// <summary>A synthetic workspace of the given size, with random but valid graph data.</summary>
    private static class Synthetic
    {
        public static void Write(string directory, int papers = 20_000, int concepts = 5_000, int mentions = 200_000, int links = 300_000)
        {
            var random = new Random(42);
            using var workspace = WorkspaceDatabase.Open(directory);
            using (var writer = workspace.BeginPapers())
            {
                for (var p = 0; p < papers; p++)
                {
                    writer.Add(new Paper { Id = $"2401.{p:D5}", Title = $"A study of topic {p % 977} and method {p % 131}", Abstract = "x", Published = $"2024-{1 + p % 12:D2}-{1 + p % 28:D2}", Authors = 1 + p % 9, Sources = [$"bench.jsonl:{p + 1}"] });
                }

                writer.Commit();
            }

            workspace.SavePaperTerms(Enumerable.Range(0, papers).Select(p => ($"2401.{p:D5}", 1, new byte[] { 2 })));
            var keys = Enumerable.Range(0, concepts).Select(c => $"concept number {c}").ToArray();
            var mentionRows = new HashSet<(int, int)>();
            while (mentionRows.Count < mentions)
            {
                mentionRows.Add((random.Next(papers), random.Next(concepts)));
            }

            workspace.ReplaceConcepts(
                keys.Select(k => new ConceptSummary(k, k, new Dictionary<string, int> { [k] = 3, [k.ToUpperInvariant()] = 1 }, 40, 50, null, 1.0)),
                mentionRows.Select(m => new PaperConcept($"2401.{m.Item1:D5}", keys[m.Item2], 1 + m.Item1 % 3, random.NextDouble(), m.Item1 % 2 == 0)));
            var edgeRows = new HashSet<(int, int)>();
            while (edgeRows.Count < links)
            {
                var (a, b) = (random.Next(concepts), random.Next(concepts));
                if (a != b)
                {
                    edgeRows.Add((Math.Min(a, b), Math.Max(a, b)));
                }
            }

            workspace.ReplaceGraph(
                keys.Select((k, i) => new GraphNodeRecord(k, 120, 300.5, random.NextDouble() / concepts, random.NextDouble(), random.NextDouble(), 1 + i % 7, i % 12, 0)),
                edgeRows.Select(e => new GraphEdgeRecord(keys[e.Item1], keys[e.Item2], 1 + e.Item1 % 5, 1 + e.Item1 % 5, random.NextDouble(), ["2401.00001"])));
        }
    }
}

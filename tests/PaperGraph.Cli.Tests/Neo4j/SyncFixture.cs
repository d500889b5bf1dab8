using PaperGraph.Core;
using PaperGraph.Workspace;
using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests.Neo4j;

/// <summary>A small workspace with a concept graph, written directly (no extraction), in two versions: before and after new papers arrive.</summary>
/// <remarks>
/// Version 1: four papers; concepts <c>rlhf</c>, <c>reward model</c>, <c>low-rank adaptation</c>, <c>old concept</c> and
/// one whose name is shaped like a Cypher injection and holds backticks and quotes; two communities. Version 2 adds a
/// paper and the concept <c>sample complexity</c>, drops <c>old concept</c> (with its mentions and links), moves
/// <c>low-rank adaptation</c> to the other community and changes PageRanks.
/// </remarks>
internal sealed class SyncFixture : IDisposable
{
    public const string InjectionName = "x'}) DETACH DELETE n // `drop` \"q\"";
    public const string InjectionKey = "x'}) detach delete n // `drop` \"q\"";

    private readonly TempDirectory _temp = new();

    public SyncFixture(int version = 1)
    {
        Directory = _temp.File("ws");
        using var workspace = WorkspaceDatabase.Open(Directory);
        Write(workspace, version);
    }

    public string Directory { get; }

    public WorkspaceDatabase Open() => WorkspaceDatabase.Open(Directory);

    /// <summary>Moves the workspace to <paramref name="version"/>, as a new build would.</summary>
    public void MoveTo(int version)
    {
        using var workspace = Open();
        Write(workspace, version);
    }

    private static void Write(WorkspaceDatabase workspace, int version)
    {
        var papers = new List<Paper>
        {
            new() { Id = "2401.00001", Title = "Reward models for RLHF", Abstract = "a", Published = "2024-01-03", Authors = 3, Upvotes = 12, Sources = ["papers.jsonl:1"],
                AuthorNames = ["Ada Lovelace", "Alan Turing", InjectionName] },
            new() { Id = "2401.00002", Title = "Low-rank adaptation of reward models", Abstract = "b", Published = "2024-02-10", Sources = ["papers.jsonl:2"],
                AuthorNames = ["Ada Lovelace"] },
            new() { Id = "2401.00003", Title = "An old concept", Abstract = "c", Published = "--03-01", Sources = ["page.txt:7"] },
            new() { Id = "t:0123456789abcdef", Title = InjectionName, Abstract = "d", Sources = ["page.txt:20"] },
        };
        if (version >= 2)
        {
            papers.Add(new() { Id = "2402.00005", Title = "Sample complexity of RLHF", Abstract = "e", Published = "2024-03-05", Sources = ["more.jsonl:1"],
                AuthorNames = ["Grace Hopper", "Ada Lovelace"] });
        }

        using (var writer = workspace.BeginPapers())
        {
            foreach (var paper in papers)
            {
                writer.Add(paper);
            }

            writer.Commit();
        }

        workspace.SavePaperTerms(papers.Select(p => (p.Id, 1, new byte[] { 2 })));

        var concepts = new List<ConceptSummary>
        {
            Concept("RLHF", "RLHF", version >= 2 ? 3 : 2, "reinforcement learning from human feedback"),
            Concept("reward model", "reward model", 2),
            Concept("low-rank adaptation", "low-rank adaptation", 1),
            Concept(InjectionKey, InjectionName, 2),
        };
        var mentions = new List<PaperConcept>
        {
            new("2401.00001", "RLHF", 2, 0.9, true),
            new("2401.00001", "reward model", 1, 0.7, true),
            new("2401.00002", "reward model", 1, 0.6, true),
            new("2401.00002", "low-rank adaptation", 2, 0.8, true),
            new("t:0123456789abcdef", InjectionKey, 1, 0.5, true),
            new("t:0123456789abcdef", "RLHF", 1, 0.2, false),
            new("2401.00002", InjectionKey, 1, 0.1, false),
        };
        var nodes = new List<GraphNodeRecord>
        {
            new("RLHF", 3, 4, version >= 2 ? 0.35 : 0.3, 0.5, 0.6, 2, 0, 0),
            new("reward model", 2, 3, 0.25, 0.25, 0.5, 2, 0, 0),
            new("low-rank adaptation", 1, 1, 0.1, 0, 0.2, 1, version >= 2 ? 0 : 1, 0),
            new(InjectionKey, 2, 2, 0.15, 0, 0.3, 1, 1, 0),
        };
        var edges = new List<GraphEdgeRecord>
        {
            new("RLHF", "reward model", 1, 1, 1.5, ["2401.00001"]),
            new("low-rank adaptation", "reward model", 1, 1, 2.0, ["2401.00002"]),
            new("RLHF", InjectionKey, 1, 1, 1.0, ["t:0123456789abcdef"]),
            new(InjectionKey, "reward model", 1, 1, 0.0, ["2401.00002"]),
        };
        if (version == 1)
        {
            concepts.Add(Concept("old concept", "old concept", 1));
            mentions.Add(new("2401.00003", "old concept", 1, 1.0, true));
            mentions.Add(new("2401.00003", "RLHF", 1, 0.3, false));
            nodes.Add(new("old concept", 1, 1, 0.2, 0, 0.1, 1, 1, 0));
            edges.Add(new("RLHF", "old concept", 1, 1, 1.0, ["2401.00003"]));
        }
        else
        {
            concepts.Add(Concept("sample complexity", "sample complexity", 1));
            mentions.Add(new("2402.00005", "sample complexity", 1, 0.9, true));
            mentions.Add(new("2402.00005", "RLHF", 1, 0.8, true));
            nodes.Add(new("sample complexity", 1, 1, 0.15, 0, 0.1, 1, 0, 0));
            edges.Add(new("RLHF", "sample complexity", 1, 1, 1.0, ["2402.00005"]));
        }

        workspace.ReplaceConcepts(concepts, mentions);
        workspace.ReplaceGraph(nodes, edges, months: [new("RLHF", "2024-01", 1), new("reward model", "2024-01", 1), new("reward model", "2024-02", 1)],
            bursts: [new("RLHF", "2024-01", "2024-02", 3.5)]);
    }

    private static ConceptSummary Concept(string key, string name, int papers, string? longForm = null) =>
        new(key, name, new Dictionary<string, int> { [name] = papers + 1, [name.ToUpperInvariant()] = 1 }, papers, papers + 2, longForm, papers);

    public void Dispose() => _temp.Dispose();
}

using System.Globalization;
using PaperGraph.Core;
using PaperGraph.Workspace;

namespace PaperGraph.Pipeline.Explore;

/// <summary>A concept as <c>show</c> tells it: its forms, its measures when it is in the graph, its months, and its strongest links with their evidence.</summary>
/// <param name="Node">Its measures; null when the concept is not in the graph.</param>
/// <param name="NeighbourCount">All its links, of which <paramref name="Neighbours"/> are the strongest asked for.</param>
public sealed record ConceptView(string Directory, ConceptSummary Concept, IReadOnlyList<KeyValuePair<string, int>> Forms, GraphNodeRecord? Node,
    IReadOnlyList<ConceptMonth> Months, int NeighbourCount, IReadOnlyList<Neighbour> Neighbours);

/// <summary>A paper as <c>paper</c> tells it, with its concepts best first and their names.</summary>
public sealed record PaperView(Paper Paper, IReadOnlyList<PaperConcept> Concepts, IReadOnlyDictionary<string, string> Names);

/// <summary>The graph's concepts ranked by one measure, as <c>top</c> lists them.</summary>
/// <param name="GraphConcepts">Concepts in the graph.</param>
/// <param name="PageRankRanks">Where plain PageRank ranks each concept (1 first); empty unless asked for, or when PageRank was left empty.</param>
public sealed record TopView(string Directory, IReadOnlyList<RankedConcept> Rows, long GraphConcepts, IReadOnlyDictionary<string, int> PageRankRanks);

/// <summary>The workspace's concepts by relevance, or its abbreviations, as <c>concepts</c> lists them.</summary>
public sealed record ConceptsView(IReadOnlyList<ConceptSummary> Concepts, long TotalConcepts, long Papers);

/// <summary>The read-side runs: what a built workspace says about a concept, a paper, or its most central concepts.</summary>
public static class ExploreQueries
{
    /// <summary>The concept named <paramref name="text"/> (a key, a name or a surface form), with its <paramref name="neighbours"/> strongest links (0: all) and <paramref name="evidence"/> papers each (0: all).</summary>
    public static ConceptView Concept(string directory, string text, int neighbours, int evidence)
    {
        using var workspace = WorkspaceDatabase.OpenExisting(directory);
        RequireGraph(workspace);
        if (workspace.FindConcept(text) is not { } concept)
        {
            var names = workspace.ReadGraphNames();
            var nearest = Suggestions.Nearest(text, names.Values.Concat(names.Keys));
            throw new PaperGraphException(ErrorCodes.UnknownConcept,
                $"{workspace.Directory}: no concept '{text}'{(nearest.Count > 0 ? $"; did you mean {string.Join(", ", nearest.Select(n => $"'{n}'"))}?" : ".")} ('papergraph top' lists the central ones.)");
        }

        var node = workspace.ReadNode(concept.Key);
        var all = node is null ? [] : workspace.ReadNeighbours(concept.Key);
        var strongest = (neighbours == 0 ? all : all.Take(neighbours))
            .Select(n => n with { Evidence = evidence == 0 ? n.Evidence : [.. n.Evidence.Take(evidence)] }).ToList();
        var months = node is null ? [] : workspace.ReadMonths(concept.Key);
        var forms = concept.Aliases.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).ToList();
        return new ConceptView(workspace.Directory, concept, forms, node, months, all.Count, strongest);
    }

    /// <summary>The paper with id <paramref name="id"/> (an <c>arXiv:</c> prefix allowed), with its concepts.</summary>
    public static PaperView Paper(string directory, string id)
    {
        using var workspace = WorkspaceDatabase.OpenExisting(directory);
        var paper = workspace.GetPaper(id.Trim()) ?? workspace.GetPaper(StripArxivPrefix(id.Trim()));
        if (paper is null)
        {
            var nearest = Suggestions.Nearest(id, workspace.ReadPaperIds());
            throw new PaperGraphException(ErrorCodes.UnknownPaper,
                $"{workspace.Directory}: no paper '{id}'{(nearest.Count > 0 ? $"; did you mean {string.Join(", ", nearest.Select(n => $"'{n}'"))}?" : ".")}");
        }

        var concepts = workspace.ReadPaperConcepts(paper.Id);
        var names = concepts.ToDictionary(c => c.ConceptKey, c => workspace.ReadConcept(c.ConceptKey)?.Name ?? c.ConceptKey, StringComparer.Ordinal);
        return new PaperView(paper, concepts, names);
    }

    /// <summary>The <paramref name="count"/> graph concepts ranked highest by <paramref name="by"/>.</summary>
    /// <param name="community">Only this community's concepts, when given.</param>
    /// <param name="phrases">Only concepts of two words or more and abbreviations.</param>
    /// <param name="withPageRankRanks">Whether to tell where plain PageRank ranks each concept.</param>
    public static TopView Top(string directory, NodeMeasure by, int count, int? community, bool phrases, bool withPageRankRanks)
    {
        var inv = CultureInfo.InvariantCulture;
        using var workspace = WorkspaceDatabase.OpenExisting(directory);
        RequireGraph(workspace);
        var missing = workspace.ReadMissingMeasures();
        if (missing.TryGetValue(WorkspaceDatabase.Column(by), out var reason))
        {
            // A convergence failure is cured by a larger iteration limit; a graph from an earlier PaperGraph by a new build.
            var cure = reason.Contains("did not converge", StringComparison.Ordinal)
                ? "or raise Graph:MaxIterations and build again"
                : $"or run 'papergraph build --workspace {workspace.Directory}' again";
            throw new PaperGraphException(ErrorCodes.MeasureNotComputed,
                $"{workspace.Directory}: the last build left {WorkspaceDatabase.Column(by)} empty ({reason}); rank by another measure (--by degree or betweenness), {cure}.");
        }

        var rows = workspace.ReadTopConcepts(by, count, community, phrases);
        if (rows.Count == 0 && community is not null && workspace.ReadTopConcepts(by, 1, community).Count == 0)
        {
            throw new PaperGraphException(ErrorCodes.InvalidArgument, string.Create(inv, $"community {community} has no concepts; communities are numbered 0 (the biggest) and up."));
        }

        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        if (withPageRankRanks && !missing.ContainsKey(WorkspaceDatabase.Column(NodeMeasure.PageRank)))
        {
            var byPageRank = workspace.ReadTopConcepts(NodeMeasure.PageRank, int.MaxValue);
            for (var i = 0; i < byPageRank.Count; i++)
            {
                ranks[byPageRank[i].Key] = i + 1;
            }
        }

        return new TopView(workspace.Directory, rows, workspace.Count("graph_nodes"), ranks);
    }

    /// <summary>The <paramref name="top"/> concepts by relevance, or every abbreviation with its long form (by key) when <paramref name="abbreviations"/>.</summary>
    public static ConceptsView Concepts(string directory, int top, bool abbreviations)
    {
        using var workspace = WorkspaceDatabase.OpenExisting(directory);
        if (workspace.Count("concepts") == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoPapersFound, $"{workspace.Directory}: no concepts yet; run 'papergraph extract --workspace {workspace.Directory}' first.");
        }

        var listed = abbreviations
            ? workspace.ReadConcepts().Where(c => c.LongForm is not null).OrderBy(c => c.Key, StringComparer.Ordinal).ToList()
            : workspace.ReadConcepts(top);
        return new ConceptsView(listed, workspace.Count("concepts"), workspace.Count("papers"));
    }

    private static void RequireGraph(WorkspaceDatabase workspace)
    {
        if (workspace.Count("graph_nodes") == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoPapersFound, $"{workspace.Directory}: no concept graph yet; run 'papergraph build --workspace {workspace.Directory}' first.");
        }
    }

    private static string StripArxivPrefix(string id) => id.StartsWith("arXiv:", StringComparison.OrdinalIgnoreCase) ? id[6..] : id;
}

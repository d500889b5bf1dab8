using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PaperGraph.Concepts;
using PaperGraph.Core;
using PaperGraph.Graph;
using PaperGraph.Graph.Cooccurrence;
using PaperGraph.Graph.Export;
using PaperGraph.Workspace;

namespace PaperGraph.Pipeline.Build;

/// <summary>Turns a corpus's concept index into the analysed concept graph: nodes chosen, co-occurrence counted, every measure computed.</summary>
internal static class ConceptGraphBuilder
{
    /// <summary>
    /// The papers a concept needs to be a node in this corpus; refuses a build that would leave no node, before
    /// anything of the previous graph is replaced: a corpus without concepts is a data error (exit 3), a node threshold
    /// set above every concept a settings error (exit 2).
    /// </summary>
    public static int RequireNodes(WorkspaceDatabase workspace, ConceptIndex index, GraphSettings options)
    {
        var inv = CultureInfo.InvariantCulture;
        var papers = index.DocumentCount;
        var kept = workspace.Count("graph_nodes") > 0 ? "the workspace keeps its previous graph" : "no graph was written";
        if (index.Concepts.Count == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoConcepts, string.Create(inv,
                $"{workspace.Directory}: none of the {papers:N0} papers has a concept (a noun phrase or an abbreviation) to put in a graph; {kept}. Check that the input holds English titles and abstracts."));
        }

        var most = index.Concepts.Values.Max(c => c.Documents);
        var minPapers = options.MinPapersFor(papers, most);
        if (most < minPapers)
        {
            // Only a threshold the user set can be above every concept: the default adapts (GraphSettings.MinPapersFor).
            throw new PaperGraphException(ErrorCodes.NoGraphNodes, string.Create(inv,
                $"{workspace.Directory}: no concept is in at least {minPapers:N0} papers (the most widespread of the {index.Concepts.Count:N0} concepts is in {most:N0}), so the graph would have no node; {kept}. Set --min-papers to {most:N0} or less."));
        }

        return minPapers;
    }

    /// <summary>
    /// Chooses the nodes (concepts in at least <paramref name="minPapers"/> papers, by relevance) and takes from the
    /// index what the graph needs of each paper: its nodes. The index is not needed after this.
    /// </summary>
    public static GraphNodes ChooseNodes(ConceptIndex index, GraphSettings options, int minPapers, IProgress<PipelineProgress>? progress)
    {
        var clock = Stopwatch.StartNew();
        progress.Step("graph", $"choosing concepts in at least {minPapers} papers");
        var chosen = index.Concepts.Values
            .Where(c => c.Documents >= minPapers)
            .OrderByDescending(c => c.Relevance).ThenByDescending(c => c.Documents).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(options.MaxConcepts)
            .ToList();
        var node = new Dictionary<string, int>(chosen.Count, StringComparer.Ordinal);
        for (var i = 0; i < chosen.Count; i++)
        {
            node[chosen[i].Key] = i;
        }

        var documents = index.Documents.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
        var paperIds = documents.Select(d => d.Id).ToArray();
        var occurrences = new ConceptOccurrence[paperIds.Length][];
        var list = new List<ConceptOccurrence>();
        for (var p = 0; p < paperIds.Length; p++)
        {
            list.Clear();
            foreach (var concept in documents[p].Concepts)
            {
                if (node.TryGetValue(concept.Concept.Key, out var id))
                {
                    list.Add(new ConceptOccurrence(id, concept.Count, concept.Sentences, concept.Score));
                }
            }

            occurrences[p] = [.. list];
        }

        var keyphraseness = chosen.Select(c => c.Keyphraseness).ToArray();
        return new GraphNodes(chosen.Select(c => c.ToSummary()).ToList(), keyphraseness, paperIds, occurrences, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Builds the co-occurrence graph of the chosen nodes and runs every measure on it.</summary>
    public static ConceptGraph Build(GraphNodes nodes, GraphSettings options, ILoggerFactory loggers, IProgress<PipelineProgress>? progress,
        CancellationToken cancellationToken, out IReadOnlyList<(string Step, double Seconds)> timings)
    {
        var inv = CultureInfo.InvariantCulture;
        var steps = new List<(string, double)> { ("nodes", nodes.Seconds) };
        var clock = Stopwatch.StartNew();
        var (concepts, keyphraseness, paperIds, occurrences) = (nodes.Concepts, nodes.Keyphraseness, nodes.PaperIds, nodes.Occurrences);
        var papers = paperIds.Length;
        progress.Step("graph", string.Create(inv, $"counting co-occurrences of {concepts.Count:N0} concepts in {papers:N0} papers"));
        var settings = new CooccurrenceSettings(options.Counting, options.Weight, options.MinCountFor(papers), options.TopNeighbors);
        var cooccurrence = CooccurrenceBuilder.Build(occurrences, concepts.Count, settings, cancellationToken, progress);
        if (cooccurrence.Edges.Count == 0 && cooccurrence.CandidatePairs > 0)
        {
            Log.NoEdges(loggers.CreateLogger<CooccurrenceGraph>(), cooccurrence.CandidatePairs, settings.MinCount);
        }

        steps.Add(("co-occurrence", clock.Elapsed.TotalSeconds));

        var analysis = GraphAnalysis.Run(cooccurrence, options.ToAnalysisSettings(), keyphraseness, progress, cancellationToken);
        if (analysis.Missing.Count > 0)
        {
            var logger = loggers.CreateLogger<GraphAnalysisResult>();
            foreach (var missing in analysis.Missing)
            {
                Log.MeasureMissing(logger, missing.Measure, missing.Reason, options.MaxIterations, options.Tolerance);
            }
        }

        steps.AddRange(analysis.Timings);
        timings = steps;
        return new ConceptGraph(concepts, cooccurrence, analysis) { PaperIds = paperIds };
    }
}

/// <summary>The graph's nodes and, per paper, the nodes it mentions: all the graph and its monthly counts need of the concept index.</summary>
/// <param name="Concepts">The nodes, most relevant first.</param>
/// <param name="Keyphraseness">Each node's keyphraseness.</param>
/// <param name="PaperIds">Every paper of the corpus, in ordinal order of id.</param>
/// <param name="Occurrences">Per paper (as <paramref name="PaperIds"/>), the nodes it mentions, its best concepts first.</param>
/// <param name="Seconds">Time taken to choose them.</param>
internal sealed record GraphNodes(IReadOnlyList<ConceptSummary> Concepts, double[] Keyphraseness, string[] PaperIds, ConceptOccurrence[][] Occurrences, double Seconds);

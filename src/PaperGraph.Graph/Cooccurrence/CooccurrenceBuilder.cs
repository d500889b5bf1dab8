using PaperGraph.Core;
using QuikGraph;

namespace PaperGraph.Graph.Cooccurrence;

/// <summary>Builds the concept co-occurrence graph of a corpus.</summary>
/// <remarks>
/// <para>Node ids are given by the caller (0..n-1); each paper is the list of its concepts. The papers of each node are
/// first gathered into sorted posting lists; then, for each node i, a pass over the papers of i adds every later node j
/// of those papers into a dense counter. That is a sparse matrix product done row by row, in parallel over rows, with no
/// hashing: O(Σ over papers of k²) for k concepts a paper. Weights are then computed, edges under the minimum count
/// dropped, and (optionally) each node keeps only its heaviest edges.</para>
/// <para>Which papers support an edge is not stored per edge: it is the intersection of the two posting lists, computed
/// when asked (<see cref="CooccurrenceGraph.Evidence"/>).</para>
/// </remarks>
public static class CooccurrenceBuilder
{
    /// <param name="papers">Each paper's concepts; a node appears at most once in a paper.</param>
    /// <param name="nodeCount">Number of nodes; every concept id is below it.</param>
    /// <param name="progress">Told how many concepts' rows of pairs are counted.</param>
    public static CooccurrenceGraph Build(IReadOnlyList<ConceptOccurrence[]> papers, int nodeCount, CooccurrenceSettings settings, CancellationToken cancellationToken = default,
        IProgress<PipelineProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(papers);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);

        // Each paper's concepts sorted by node, and each node's papers (posting lists, ascending by paper).
        var sorted = new ConceptOccurrence[papers.Count][];
        var offsets = new int[nodeCount + 1];
        for (var p = 0; p < papers.Count; p++)
        {
            var occurrences = (ConceptOccurrence[])papers[p].Clone();
            Array.Sort(occurrences, (x, y) => x.Concept.CompareTo(y.Concept));
            for (var i = 0; i < occurrences.Length; i++)
            {
                var concept = occurrences[i].Concept;
                if ((uint)concept >= (uint)nodeCount)
                {
                    throw new ArgumentException($"paper {p} names node {concept}, outside 0..{nodeCount - 1}", nameof(papers));
                }

                if (i > 0 && occurrences[i - 1].Concept == concept)
                {
                    throw new ArgumentException($"paper {p} names node {concept} twice", nameof(papers));
                }

                offsets[concept + 1]++;
            }

            sorted[p] = occurrences;
        }

        for (var v = 0; v < nodeCount; v++)
        {
            offsets[v + 1] += offsets[v];
        }

        var postingPapers = new int[offsets[nodeCount]];
        var postingCounts = new int[postingPapers.Length];
        var postingSentences = new ulong[postingPapers.Length];
        var postingScores = new double[postingPapers.Length];
        var postingIndex = new int[postingPapers.Length]; // position of the node within the sorted paper
        var fill = offsets[..^1];
        for (var p = 0; p < sorted.Length; p++)
        {
            for (var i = 0; i < sorted[p].Length; i++)
            {
                var o = sorted[p][i];
                var at = fill[o.Concept]++;
                postingPapers[at] = p;
                postingCounts[at] = o.Count;
                postingSentences[at] = o.Sentences;
                postingScores[at] = o.Score;
                postingIndex[at] = i;
            }
        }

        var nodePapers = new int[nodeCount];
        var nodeSize = new double[nodeCount];
        for (var v = 0; v < nodeCount; v++)
        {
            nodePapers[v] = offsets[v + 1] - offsets[v];
            if (settings.Counting == Counting.Full)
            {
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    nodeSize[v] += postingCounts[e];
                }
            }
            else
            {
                nodeSize[v] = nodePapers[v];
            }
        }

        // Row by row: the pairs (i, j > i) with their count and papers.
        var rows = new (int Target, int Papers, double Count)[nodeCount][];
        long candidates = 0;
        var counter = new ProgressCounter(progress, "graph", "counting co-occurrences", nodeCount, "concepts", every: 100);
        Parallel.For(0, nodeCount, new ParallelOptions { CancellationToken = cancellationToken },
            () => (Count: new double[nodeCount], Papers: new int[nodeCount], Touched: new List<int>(), Candidates: 0L),
            (i, _, buffers) =>
            {
                counter.Add();
                var (count, paperCount, touched, _) = buffers;
                for (var e = offsets[i]; e < offsets[i + 1]; e++)
                {
                    var paper = sorted[postingPapers[e]];
                    var countI = postingCounts[e];
                    var sentencesI = postingSentences[e];
                    for (var k = postingIndex[e] + 1; k < paper.Length; k++)
                    {
                        var j = paper[k].Concept;
                        double add;
                        switch (settings.Counting)
                        {
                            case Counting.Binary:
                                add = 1;
                                break;
                            case Counting.Full:
                                add = (double)countI * paper[k].Count;
                                break;
                            default:
                                if ((sentencesI & paper[k].Sentences) == 0)
                                {
                                    continue;
                                }

                                add = 1;
                                break;
                        }

                        if (paperCount[j] == 0)
                        {
                            touched.Add(j);
                        }

                        paperCount[j]++;
                        count[j] += add;
                    }
                }

                touched.Sort();
                var row = new (int, int, double)[touched.Count];
                for (var t = 0; t < touched.Count; t++)
                {
                    var j = touched[t];
                    row[t] = (j, paperCount[j], count[j]);
                    paperCount[j] = 0;
                    count[j] = 0;
                }

                rows[i] = row;
                buffers.Candidates += touched.Count;
                touched.Clear();
                return buffers;
            },
            buffers => Interlocked.Add(ref candidates, buffers.Candidates));

        // Weights, and the minimum count.
        var n = (double)papers.Count;
        var kept = new List<CooccurrenceEdge>();
        for (var i = 0; i < nodeCount; i++)
        {
            foreach (var (j, support, count) in rows[i])
            {
                if (count < settings.MinCount)
                {
                    continue;
                }

                var weight = Weight(settings.Weighting, count, support, nodeSize[i], nodeSize[j], nodePapers[i], nodePapers[j], n);
                if (weight > 0 && double.IsFinite(weight))
                {
                    kept.Add(new CooccurrenceEdge(i, j, support, count, weight));
                }
            }

            rows[i] = null!;
        }

        if (settings.TopNeighbors > 0)
        {
            kept = KeepStrongest(kept, nodeCount, settings.TopNeighbors);
        }

        // Edges are unique by construction; QuikGraph's own duplicate check scans a vertex's edges on every add,
        // quadratic in the degree of hubs.
        var graph = new UndirectedGraph<int, CooccurrenceEdge>(allowParallelEdges: true);
        graph.AddVertexRange(Enumerable.Range(0, nodeCount));
        graph.AddEdgeRange(kept);
        return new CooccurrenceGraph(graph, kept, nodePapers, papers.Count, candidates, settings, offsets, postingPapers, postingSentences, postingScores);
    }

    /// <summary>An edge's weight from its count (<paramref name="count"/>), its papers, and the two nodes' sizes and papers, in a corpus of <paramref name="n"/> papers.</summary>
    internal static double Weight(EdgeWeighting weighting, double count, int papers, double sizeA, double sizeB, int papersA, int papersB, double n)
    {
        switch (weighting)
        {
            case EdgeWeighting.Count:
                return count;
            case EdgeWeighting.Association:
                return CooccurrenceMeasures.AssociationStrength(count, sizeA, sizeB, n);
            case EdgeWeighting.Jaccard:
                return papers / (double)(papersA + papersB - papers);
            default:
                return CooccurrenceMeasures.Npmi(papers, papersA, papersB, n);
        }
    }

    /// <summary>Keeps an edge when it is among the <paramref name="k"/> heaviest of either end (ties: the smaller other node).</summary>
    private static List<CooccurrenceEdge> KeepStrongest(List<CooccurrenceEdge> edges, int nodeCount, int k)
    {
        var incident = new List<int>[nodeCount];
        for (var e = 0; e < edges.Count; e++)
        {
            (incident[edges[e].Source] ??= []).Add(e);
            (incident[edges[e].Target] ??= []).Add(e);
        }

        var keep = new bool[edges.Count];
        for (var v = 0; v < nodeCount; v++)
        {
            if (incident[v] is not { } list)
            {
                continue;
            }

            if (list.Count > k)
            {
                list.Sort((x, y) =>
                {
                    var byWeight = edges[y].Weight.CompareTo(edges[x].Weight);
                    return byWeight != 0 ? byWeight : Other(edges[x], v).CompareTo(Other(edges[y], v));
                });
            }

            for (var i = 0; i < Math.Min(k, list.Count); i++)
            {
                keep[list[i]] = true;
            }
        }

        var result = new List<CooccurrenceEdge>();
        for (var e = 0; e < edges.Count; e++)
        {
            if (keep[e])
            {
                result.Add(edges[e]);
            }
        }

        return result;
    }

    private static int Other(CooccurrenceEdge edge, int node) => edge.Source == node ? edge.Target : edge.Source;
}

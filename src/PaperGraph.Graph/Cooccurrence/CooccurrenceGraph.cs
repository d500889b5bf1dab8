using QuikGraph;

namespace PaperGraph.Graph.Cooccurrence;

/// <summary>One concept of a paper: the node it is, how often the paper mentions it, and in which sentences (bit i for sentence i, the last bit for all later ones).</summary>
/// <param name="Score">How much the paper is about the concept (its keyphrase probability there); orders an edge's evidence.</param>
public readonly record struct ConceptOccurrence(int Concept, int Count, ulong Sentences, double Score = 0);

/// <summary>An edge of the co-occurrence graph; <see cref="Source"/> is the smaller node id.</summary>
public sealed class CooccurrenceEdge(int source, int target, int papers, double count, double weight) : IEdge<int>
{
    public int Source { get; } = source;

    public int Target { get; } = target;

    /// <summary>Papers that support the edge (that mention both, or both in one sentence).</summary>
    public int Papers { get; } = papers;

    /// <summary>The co-occurrence count under the chosen counting.</summary>
    public double Count { get; } = count;

    /// <summary>The weight the algorithms use.</summary>
    public double Weight { get; } = weight;
}

/// <summary>The concept co-occurrence graph of a corpus, as a QuikGraph graph, with what is needed to find each edge's papers.</summary>
public sealed class CooccurrenceGraph
{
    private readonly int[] _postingOffsets;
    private readonly int[] _postingPapers;
    private readonly ulong[] _postingSentences;
    private readonly double[] _postingScores;

    internal CooccurrenceGraph(UndirectedGraph<int, CooccurrenceEdge> graph, List<CooccurrenceEdge> edges, int[] nodePapers, int paperCount,
        long candidatePairs, CooccurrenceSettings settings, int[] postingOffsets, int[] postingPapers, ulong[] postingSentences, double[] postingScores)
    {
        _postingScores = postingScores;
        Graph = graph;
        Edges = edges;
        NodePapers = nodePapers;
        PaperCount = paperCount;
        CandidatePairs = candidatePairs;
        Settings = settings;
        _postingOffsets = postingOffsets;
        _postingPapers = postingPapers;
        _postingSentences = postingSentences;
    }

    /// <summary>The graph: vertices are node ids <c>0..n-1</c>.</summary>
    public UndirectedGraph<int, CooccurrenceEdge> Graph { get; }

    /// <summary>Every edge, ordered by source then target.</summary>
    public IReadOnlyList<CooccurrenceEdge> Edges { get; }

    /// <summary>Papers mentioning each node.</summary>
    public IReadOnlyList<int> NodePapers { get; }

    /// <summary>Papers in the corpus.</summary>
    public int PaperCount { get; }

    /// <summary>Pairs that co-occurred at all, before pruning.</summary>
    public long CandidatePairs { get; }

    public CooccurrenceSettings Settings { get; }

    /// <summary>The graph in compact form, weighted by <see cref="CooccurrenceEdge.Weight"/>.</summary>
    public CompactGraph ToCompact() => CompactGraph.FromQuikGraph(Graph, e => e.Weight);

    /// <summary>The supporting papers of every edge (indexed like <see cref="Edges"/>), ascending, or, with <paramref name="ranked"/>, best first.</summary>
    /// <param name="ranked">
    /// Order each edge's papers by how much they are about both concepts: the product of the two concepts' scores in the
    /// paper (<see cref="ConceptOccurrence.Score"/>), highest first, ties by paper.
    /// </param>
    /// <remarks>
    /// One pass over the papers, looking up each pair of a paper's nodes among the edges: O(Σ k²) for k nodes a paper,
    /// where intersecting posting lists edge by edge would cost the hubs' long lists once per edge.
    /// </remarks>
    public List<int>[] AllEvidence(bool ranked = false)
    {
        var rankedBy = ranked ? new List<double>[Edges.Count] : null;
        var index = new Dictionary<long, int>(Edges.Count);
        var evidence = new List<int>[Edges.Count];
        for (var e = 0; e < Edges.Count; e++)
        {
            index[Pair(Edges[e].Source, Edges[e].Target)] = e;
            evidence[e] = new List<int>(Edges[e].Papers);
        }

        // Posting lists, turned around: each paper's nodes (ascending) with their sentences.
        var paperOffsets = new int[PaperCount + 1];
        foreach (var paper in _postingPapers)
        {
            paperOffsets[paper + 1]++;
        }

        for (var p = 0; p < PaperCount; p++)
        {
            paperOffsets[p + 1] += paperOffsets[p];
        }

        var nodes = new int[_postingPapers.Length];
        var sentences = new ulong[_postingPapers.Length];
        var scores = new double[_postingPapers.Length];
        var fill = paperOffsets[..^1];
        for (var v = 0; v + 1 < _postingOffsets.Length; v++)
        {
            for (var i = _postingOffsets[v]; i < _postingOffsets[v + 1]; i++)
            {
                var at = fill[_postingPapers[i]]++;
                nodes[at] = v;
                sentences[at] = _postingSentences[i];
                scores[at] = _postingScores[i];
            }
        }

        if (rankedBy is not null)
        {
            for (var e = 0; e < Edges.Count; e++)
            {
                rankedBy[e] = new List<double>(Edges[e].Papers);
            }
        }

        var sentence = Settings.Counting == Counting.Sentence;
        for (var p = 0; p < PaperCount; p++)
        {
            for (var a = paperOffsets[p]; a < paperOffsets[p + 1]; a++)
            {
                for (var b = a + 1; b < paperOffsets[p + 1]; b++)
                {
                    if ((!sentence || (sentences[a] & sentences[b]) != 0) && index.TryGetValue(Pair(nodes[a], nodes[b]), out var e))
                    {
                        evidence[e].Add(p);
                        rankedBy?[e].Add(scores[a] * scores[b]);
                    }
                }
            }
        }

        if (rankedBy is not null)
        {
            // Each edge on its own, so the order does not depend on the threads; papers were added ascending, so a
            // stable sort by score keeps ties in paper order.
            Parallel.For(0, Edges.Count, e =>
            {
                var papers = evidence[e];
                var by = rankedBy[e];
                var order = new int[papers.Count];
                for (var i = 0; i < order.Length; i++)
                {
                    order[i] = i;
                }

                Array.Sort(order, (x, y) => by[x] != by[y] ? by[y].CompareTo(by[x]) : x.CompareTo(y));
                var sorted = new List<int>(order.Length);
                foreach (var i in order)
                {
                    sorted.Add(papers[i]);
                }

                evidence[e] = sorted;
            });
        }

        return evidence;
    }

    /// <summary>A pair's key. Not <c>a &lt;&lt; 32 | b</c>: <see cref="long.GetHashCode"/> folds the halves together by XOR, and a ^ b collides for most pairs of small ids.</summary>
    private long Pair(int a, int b) => (long)a * (_postingOffsets.Length - 1) + b;

    /// <summary>The papers (indices into the builder's input) that support an edge, ascending.</summary>
    public List<int> Evidence(CooccurrenceEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        var result = new List<int>(edge.Papers);
        int a = _postingOffsets[edge.Source], aEnd = _postingOffsets[edge.Source + 1];
        int b = _postingOffsets[edge.Target], bEnd = _postingOffsets[edge.Target + 1];
        while (a < aEnd && b < bEnd)
        {
            var pa = _postingPapers[a];
            var pb = _postingPapers[b];
            if (pa < pb)
            {
                a++;
            }
            else if (pb < pa)
            {
                b++;
            }
            else
            {
                if (Settings.Counting != Counting.Sentence || (_postingSentences[a] & _postingSentences[b]) != 0)
                {
                    result.Add(pa);
                }

                a++;
                b++;
            }
        }

        return result;
    }
}

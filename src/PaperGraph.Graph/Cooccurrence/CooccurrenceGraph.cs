using QuikGraph;

namespace PaperGraph.Graph.Cooccurrence;

/// <summary>One concept of a paper: the node it is, how often the paper mentions it, and in which sentences (bit i for sentence i, the last bit for all later ones).</summary>
public readonly record struct ConceptOccurrence(int Concept, int Count, ulong Sentences);

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

    internal CooccurrenceGraph(UndirectedGraph<int, CooccurrenceEdge> graph, List<CooccurrenceEdge> edges, int[] nodePapers, int paperCount,
        long candidatePairs, CooccurrenceSettings settings, int[] postingOffsets, int[] postingPapers, ulong[] postingSentences)
    {
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

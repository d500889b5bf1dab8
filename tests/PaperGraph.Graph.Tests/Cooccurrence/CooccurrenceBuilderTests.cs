using PaperGraph.Graph.Cooccurrence;

namespace PaperGraph.Graph.Tests.Cooccurrence;

public sealed class CooccurrenceBuilderTests
{
    private const int A = 0, B = 1, C = 2, D = 3;

    /// <summary>P0 mentions A twice, B, C (A and B in sentence 0, C in sentence 1); P1 A, B; P2 B, C; P3 D alone.</summary>
    private static readonly ConceptOccurrence[][] Papers =
    [
        [new(C, 1, 0b10), new(A, 2, 0b01), new(B, 1, 0b01)],
        [new(A, 1, 0b01), new(B, 1, 0b10)],
        [new(B, 3, 0b11), new(C, 1, 0b10)],
        [new(D, 1, 0b01)],
    ];

    private static CooccurrenceEdge Edge(CooccurrenceGraph graph, int a, int b) => graph.Edges.Single(e => e.Source == a && e.Target == b);

    [Fact]
    public void Binary_counting_counts_papers_once_per_pair()
    {
        var graph = CooccurrenceBuilder.Build(Papers, 4, new CooccurrenceSettings(Weighting: EdgeWeighting.Count));
        Assert.Equal([(A, B), (A, C), (B, C)], graph.Edges.Select(e => (e.Source, e.Target)));
        Assert.Equal(2, Edge(graph, A, B).Count);
        Assert.Equal(1, Edge(graph, A, C).Count);
        Assert.Equal(2, Edge(graph, B, C).Count);
        Assert.Equal([2, 3, 2, 1], graph.NodePapers);
        Assert.Equal(4, graph.Graph.VertexCount);
        Assert.Equal(3, graph.Graph.EdgeCount);
    }

    [Fact]
    public void Full_counting_multiplies_the_mentions()
    {
        var graph = CooccurrenceBuilder.Build(Papers, 4, new CooccurrenceSettings(Counting.Full, EdgeWeighting.Count));
        Assert.Equal(2 * 1 + 1 * 1, Edge(graph, A, B).Count);
        Assert.Equal(1 * 1 + 3 * 1, Edge(graph, B, C).Count);
        Assert.Equal(2, Edge(graph, A, B).Papers);
    }

    [Fact]
    public void Sentence_counting_needs_a_shared_sentence()
    {
        var graph = CooccurrenceBuilder.Build(Papers, 4, new CooccurrenceSettings(Counting.Sentence, EdgeWeighting.Count));
        // A-B share sentence 0 in P0 only (P1 has them in different sentences); A-C never; B-C in P2's sentence 1.
        Assert.Equal([(A, B), (B, C)], graph.Edges.Select(e => (e.Source, e.Target)));
        Assert.Equal(1, Edge(graph, A, B).Count);
        Assert.Equal([0], graph.Evidence(Edge(graph, A, B)));
        Assert.Equal([2], graph.Evidence(Edge(graph, B, C)));
    }

    [Theory]
    [InlineData(EdgeWeighting.Association, 4.0 * 2 / (2 * 3))]
    [InlineData(EdgeWeighting.Jaccard, 2.0 / (2 + 3 - 2))]
    [InlineData(EdgeWeighting.Npmi, 0.41503749927884376)] // ln(0.5 / (0.5 × 0.75)) / −ln(0.5)
    [InlineData(EdgeWeighting.Count, 2.0)]
    public void Weights_follow_their_definitions(EdgeWeighting weighting, double expected)
    {
        var graph = CooccurrenceBuilder.Build(Papers, 4, new CooccurrenceSettings(Weighting: weighting));
        Assert.Equal(expected, Edge(graph, A, B).Weight, 12);
    }

    [Fact]
    public void Npmi_drops_pairs_that_meet_less_than_chance_predicts()
    {
        // B is in 3 of 4 papers, C in 2, together in 2: ln(0.5 / 0.375) > 0, kept. A and C together once: p = 0.25 = 0.5 × 0.5, dropped.
        var graph = CooccurrenceBuilder.Build(Papers, 4, new CooccurrenceSettings(Weighting: EdgeWeighting.Npmi));
        Assert.DoesNotContain(graph.Edges, e => e.Source == A && e.Target == C);
    }

    [Fact]
    public void Evidence_lists_the_supporting_papers()
    {
        var graph = CooccurrenceBuilder.Build(Papers, 4, new CooccurrenceSettings());
        Assert.Equal([0, 1], graph.Evidence(Edge(graph, A, B)));
        Assert.Equal([0, 2], graph.Evidence(Edge(graph, B, C)));
    }

    [Theory]
    [InlineData(Counting.Binary)]
    [InlineData(Counting.Sentence)]
    public void All_evidence_in_one_pass_equals_the_evidence_of_each_edge(Counting counting)
    {
        var graph = CooccurrenceBuilder.Build(Papers, 4, new CooccurrenceSettings(counting));
        var all = graph.AllEvidence();
        for (var e = 0; e < graph.Edges.Count; e++)
        {
            Assert.Equal(graph.Evidence(graph.Edges[e]), all[e]);
            Assert.Equal(graph.Edges[e].Papers, all[e].Count);
        }
    }

    [Fact]
    public void Ranked_evidence_puts_the_papers_most_about_both_concepts_first()
    {
        // Four papers mention concepts 0 and 1, with these scores; the products are 0.02, 0.36, 0.02 and 0.12.
        ConceptOccurrence[][] papers =
        [
            [new(0, 1, 1, 0.1), new(1, 1, 1, 0.2)],
            [new(0, 1, 1, 0.6), new(1, 1, 1, 0.6)],
            [new(0, 1, 1, 0.2), new(1, 1, 1, 0.1)],
            [new(0, 1, 1, 0.3), new(1, 1, 1, 0.4)],
        ];
        var graph = CooccurrenceBuilder.Build(papers, 2, new CooccurrenceSettings());

        Assert.Equal([1, 3, 0, 2], graph.AllEvidence(ranked: true)[0]);
        Assert.Equal([0, 1, 2, 3], graph.AllEvidence()[0]);
    }

    [Fact]
    public void Minimum_count_and_top_neighbours_prune()
    {
        var byCount = CooccurrenceBuilder.Build(Papers, 4, new CooccurrenceSettings(Weighting: EdgeWeighting.Count, MinCount: 2));
        Assert.Equal([(A, B), (B, C)], byCount.Edges.Select(e => (e.Source, e.Target)));
        Assert.Equal(3, byCount.CandidatePairs);

        // Each node's heaviest edge: A keeps A-B (2 > 1), B has a tie and keeps A-B (smaller other node), C keeps B-C.
        var top = CooccurrenceBuilder.Build(Papers, 4, new CooccurrenceSettings(Weighting: EdgeWeighting.Count, TopNeighbors: 1));
        Assert.Equal([(A, B), (B, C)], top.Edges.Select(e => (e.Source, e.Target)));
    }

    [Fact]
    public void A_concept_twice_in_one_paper_is_a_caller_bug()
    {
        Assert.Throws<ArgumentException>(() => CooccurrenceBuilder.Build([[new(A, 1, 1), new(A, 1, 1)]], 1, new CooccurrenceSettings()));
    }
}

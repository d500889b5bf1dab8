namespace PaperGraph.Graph.Cooccurrence;

/// <summary>What a co-occurrence is.</summary>
public enum Counting
{
    /// <summary>Each paper counts once for a pair of concepts it mentions, however often it mentions them (VOSviewer's binary counting).</summary>
    Binary,

    /// <summary>A paper counts the product of the two concepts' mentions in it (VOSviewer's full counting).</summary>
    Full,

    /// <summary>A paper counts once for a pair mentioned in at least one common sentence.</summary>
    Sentence,
}

/// <summary>How an edge's count becomes its weight.</summary>
public enum EdgeWeighting
{
    /// <summary>The count itself.</summary>
    Count,

    /// <summary>Association strength (van Eck and Waltman 2009): count divided by what the two concepts' frequencies predict, <c>N·c_ij / (n_i·n_j)</c>; 1 is chance.</summary>
    Association,

    /// <summary>Normalised pointwise mutual information of the papers mentioning both (Bouma 2009); edges at or below 0 (chance or less) are dropped.</summary>
    Npmi,

    /// <summary>Papers mentioning both over papers mentioning either.</summary>
    Jaccard,
}

/// <summary>Settings of <see cref="CooccurrenceBuilder"/>; validated on construction.</summary>
/// <param name="Counting">What counts as a co-occurrence.</param>
/// <param name="Weighting">How counts become edge weights (used by every weighted algorithm).</param>
/// <param name="MinCount">Edges counted fewer times are dropped.</param>
/// <param name="TopNeighbors">When above 0, an edge is kept only if it is among the heaviest this many of one of its two ends.</param>
public sealed record CooccurrenceSettings(Counting Counting = Counting.Binary, EdgeWeighting Weighting = EdgeWeighting.Association, int MinCount = 1, int TopNeighbors = 0)
{
    public int MinCount { get; } = MinCount >= 1 ? MinCount : throw new ArgumentOutOfRangeException(nameof(MinCount), MinCount, "at least 1");

    public int TopNeighbors { get; } = TopNeighbors >= 0 ? TopNeighbors : throw new ArgumentOutOfRangeException(nameof(TopNeighbors), TopNeighbors, "0 (no limit) or more");
}

namespace PaperGraph.Core;

/// <summary>A concept of the corpus as stored in the workspace.</summary>
/// <param name="Key">Concept key (lower-case words, acronyms in their case).</param>
/// <param name="Name">Display name: the most frequent surface form.</param>
/// <param name="Aliases">Every surface form with its number of occurrences.</param>
/// <param name="Papers">Number of papers that mention it.</param>
/// <param name="Occurrences">Number of mentions.</param>
/// <param name="LongForm">For an abbreviation, its long form.</param>
/// <param name="Relevance">Corpus-level relevance (papers weighted by specificity).</param>
public sealed record ConceptSummary(string Key, string Name, IReadOnlyDictionary<string, int> Aliases, int Papers, int Occurrences, string? LongForm, double Relevance);

/// <summary>A concept mentioned by a paper.</summary>
/// <param name="PaperId">The paper.</param>
/// <param name="ConceptKey">The concept.</param>
/// <param name="Count">Mentions in the paper.</param>
/// <param name="Score">The concept's score in the paper (higher is more central to it).</param>
/// <param name="InTitle">Whether the title mentions it.</param>
public sealed record PaperConcept(string PaperId, string ConceptKey, int Count, double Score, bool InTitle);

/// <summary>A concept's place in the co-occurrence graph, as stored in the workspace.</summary>
/// <param name="PageRank">Null when the build could not compute it (the workspace records why).</param>
/// <param name="Eigenvector">Null when the build could not compute it (the workspace records why).</param>
/// <param name="Keyphraseness">The mean probability, over the papers that mention the concept, that it is one of their keyphrases; null for a graph an earlier PaperGraph built.</param>
/// <param name="Topic">Topic centrality, PageRank × keyphraseness²; null when the build could not compute PageRank.</param>
/// <param name="X">The node's place on the map (the layout); null for a graph built without a layout or by an earlier PaperGraph.</param>
/// <param name="Y">See <paramref name="X"/>.</param>
public sealed record GraphNodeRecord(
    string Key, int Degree, double WeightedDegree, double? PageRank, double Betweenness, double? Eigenvector, int Core, int Community, int Component,
    double? Keyphraseness = null, double? Topic = null, double? X = null, double? Y = null);

/// <summary>An edge of the co-occurrence graph, with the papers that support it.</summary>
/// <param name="Source">The concept key of one end.</param>
/// <param name="Target">The concept key of the other end.</param>
/// <param name="Papers">Number of supporting papers.</param>
/// <param name="Count">The co-occurrence count under the counting used.</param>
/// <param name="Weight">The weight the algorithms used.</param>
/// <param name="Evidence">Ids of the supporting papers.</param>
public sealed record GraphEdgeRecord(string Source, string Target, int Papers, double Count, double Weight, IReadOnlyList<string> Evidence);

/// <summary>A row of <c>papergraph top</c>: a graph node with its concept's name and counts.</summary>
public sealed record RankedConcept(string Key, string Name, int Papers, GraphNodeRecord Node);

namespace PaperGraph.Concepts;

/// <summary>A concept in one document, with its score there.</summary>
/// <param name="Surface">How this paper first writes the concept.</param>
/// <param name="Sentences">The sentences that mention it, as bits (sentence i sets bit min(i, 63)), for same-sentence co-occurrence.</param>
public sealed record DocumentConcept(string Key, int Count, double Score, bool InTitle, int FirstToken, string Surface, ulong Sentences = 0);

/// <summary>
/// A concept in one document, with its score there: what <see cref="DocumentConcept"/> says, as a value that refers to
/// the corpus's <see cref="Concept"/>, so a corpus's millions of them are held in arrays rather than as objects.
/// </summary>
/// <param name="Concept">The concept.</param>
/// <param name="Count">Its mentions in the document.</param>
/// <param name="Score">The probability that it is one of the document's keyphrases (<see cref="ConceptRanker"/>).</param>
/// <param name="InTitle">Whether the title mentions it.</param>
/// <param name="FirstToken">Token index of its first mention.</param>
/// <param name="Surface">How this paper first writes the concept.</param>
/// <param name="Sentences">The sentences that mention it, as bits (sentence i sets bit min(i, 63)).</param>
public readonly record struct ScoredConcept(Concept Concept, int Count, double Score, bool InTitle, int FirstToken, string Surface, ulong Sentences)
{
    /// <summary>The same, as a record of its own.</summary>
    public DocumentConcept ToRecord() => new(Concept.Key, Count, Score, InTitle, FirstToken, Surface, Sentences);
}

/// <summary>A document's id and its concepts, best first.</summary>
public readonly record struct ScoredDocument(string Id, ScoredConcept[] Concepts);

namespace PaperGraph.Concepts;

/// <summary>A concept in one document, with its score there.</summary>
/// <param name="Surface">How this paper first writes the concept.</param>
/// <param name="Sentences">The sentences that mention it, as bits (sentence i sets bit min(i, 63)), for same-sentence co-occurrence.</param>
public sealed record DocumentConcept(string Key, int Count, double Score, bool InTitle, int FirstToken, string Surface, ulong Sentences = 0);

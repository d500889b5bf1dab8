namespace PaperGraph.Concepts.Index;

/// <summary>
/// Drops generic terms: the built-in boilerplate list (<see cref="GenericTerms"/>), keys without two letters, and terms
/// used by many documents but spread over them like words used by chance, or mostly used as the X of <c>X of Y</c>.
/// </summary>
/// <remarks>
/// The spread test is residual IDF (observed IDF minus the IDF a Poisson spread of the same number of occurrences would
/// give): a topic clusters in a few papers, boilerplate does not. Abbreviations are never judged from their spread.
/// </remarks>
internal sealed class GenericTermFilter(CorpusKeys corpus, ConceptSettings settings)
{
    private readonly CorpusKeys _corpus = corpus;
    private readonly ConceptSettings _settings = settings;

    /// <summary>Removes the generic concepts from <paramref name="concepts"/> and from <paramref name="byId"/>.</summary>
    /// <remarks>Reads the counts, long forms and residual IDF that <see cref="ConceptCounter"/> set.</remarks>
    public void Remove(Dictionary<string, Concept> concepts, Concept?[] byId, ConceptIds ids)
    {
        var generic = new List<string>();
        foreach (var concept in concepts.Values)
        {
            if (GenericTerms.Contains(concept.Key) || !HasTwoLetters(concept.Key) || concept.LongForm is null && concept.Documents >= _settings.GenericMinDocuments
                && (concept.ResidualIdf < _settings.GenericMaxResidualIdf || IsRelationalNoun(concept)))
            {
                generic.Add(concept.Key);
            }
        }

        foreach (var key in generic)
        {
            concepts.Remove(key);
            byId[ids[key]] = null;
        }
    }

    /// <summary>A one-word, lower-case term mostly used as the X of <c>X of Y</c> (see <see cref="ConceptSettings.GenericMinOfShare"/>).</summary>
    private bool IsRelationalNoun(Concept concept) =>
        !concept.Key.Contains(' ', StringComparison.Ordinal) && !concept.Key.Any(char.IsUpper)
        && _corpus.IdOf.TryGetValue(concept.Key, out var id) && _corpus.TermUses[id] > 0 && _corpus.OfUses[id] >= _settings.GenericMinOfShare * _corpus.TermUses[id];

    private static bool HasTwoLetters(string key)
    {
        var letters = 0;
        foreach (var c in key)
        {
            if (char.IsLetter(c) && ++letters == 2)
            {
                return true;
            }
        }

        return false;
    }
}

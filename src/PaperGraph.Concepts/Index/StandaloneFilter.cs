namespace PaperGraph.Concepts.Index;

/// <summary>
/// Decides which concepts count where they sit inside a longer term: those the corpus also uses on their own, at least
/// <see cref="ConceptSettings.MinStandaloneShare"/> times per use inside (<c>dynamics simulation</c>, nearly always
/// inside <c>molecular dynamics simulation</c>, is a piece, not a term).
/// </summary>
internal static class StandaloneFilter
{
    /// <summary>Per concept id, whether its nested uses count.</summary>
    public static bool[] Standalone(CorpusKeys corpus, ConceptIds ids, double minStandaloneShare)
    {
        // Terms the corpus uses on their own often enough: a nested term counts only if it is one of them.
        var standaloneUses = new int[ids.Count];
        var nestedUses = new int[ids.Count];
        var conceptOf = ids.Canonical;
        for (var k = 0; k < corpus.Keys.Count; k++)
        {
            standaloneUses[conceptOf[k]] += corpus.StandaloneUses[k];
            nestedUses[conceptOf[k]] += corpus.NestedUses[k];
        }

        var standalone = new bool[ids.Count];
        for (var c = 0; c < standalone.Length; c++)
        {
            standalone[c] = standaloneUses[c] > 0 && standaloneUses[c] >= minStandaloneShare * nestedUses[c];
        }

        return standalone;
    }
}

using System.Runtime.InteropServices;

namespace PaperGraph.Concepts.Index;

/// <summary>
/// Counts each concept over the resolved mentions (documents, occurrences, surface forms) and names it: its most
/// frequent surface form, and for an abbreviation its long form as most often written.
/// </summary>
internal static class ConceptCounter
{
    /// <summary>Every concept that has a resolved mention, by key, in the order the concepts are first met.</summary>
    /// <param name="byId">The same concepts by concept id; null for an id no mention resolved to.</param>
    public static Dictionary<string, Concept> Count(List<ResolvedDocument> perDocument, ConceptIds ids, AbbreviationMeanings abbreviations, out Concept?[] byId)
    {
        // Corpus statistics per concept, in the order the concepts are first met.
        var concepts = new Dictionary<string, Concept>(StringComparer.Ordinal);
        byId = new Concept?[ids.Count];
        var lastDocument = new int[ids.Count];
        Array.Fill(lastDocument, -1);
        for (var d = 0; d < perDocument.Count; d++)
        {
            foreach (var mention in perDocument[d].Mentions)
            {
                var id = mention.Concept;
                var concept = byId[id];
                if (concept is null)
                {
                    byId[id] = concept = new Concept(ids.Keys[id]);
                    concepts.Add(concept.Key, concept);
                }

                if (lastDocument[id] != d)
                {
                    lastDocument[id] = d;
                    concept.Documents++;
                }

                concept.Occurrences++;
                CollectionsMarshal.GetValueRefOrAddDefault(concept.Aliases, mention.Surface, out _)++;
            }
        }

        foreach (var (shortForm, longForms) in abbreviations.Meanings)
        {
            foreach (var (longForm, _) in longForms)
            {
                if (concepts.TryGetValue(abbreviations.MeaningKey[(shortForm, longForm)], out var concept))
                {
                    concept.LongForm = longForm;
                }
            }
        }

        return concepts;
    }

    /// <summary>Gives each concept its name, its long form's name and its residual IDF over <paramref name="n"/> documents.</summary>
    public static void Name(Dictionary<string, Concept> concepts, int n)
    {
        foreach (var concept in concepts.Values)
        {
            // Ties go to the form with more lower case ("reward models" over "Reward models"): the ordinally larger.
            string? name = null;
            var best = 0;
            foreach (var (alias, count) in concept.Aliases)
            {
                if (name is null || count > best || count == best && string.CompareOrdinal(alias, name) > 0)
                {
                    (name, best) = (alias, count);
                }
            }

            concept.Name = name!;
            if (concept.LongForm is { } longForm)
            {
                concept.LongFormName = MostFrequentAlias(concept, longForm);
            }

            concept.ResidualIdf = ConceptIndex.ResidualIdf(concept.Documents, concept.Occurrences, n);
        }
    }

    /// <summary>The most frequent of <paramref name="concept"/>'s surface forms whose key is <paramref name="key"/> (spaces aside); ties go to more lower case.</summary>
    private static string? MostFrequentAlias(Concept concept, string key)
    {
        var compact = ConceptKeys.Compact(key);
        string? best = null;
        var bestCount = 0;
        foreach (var (alias, count) in concept.Aliases)
        {
            if ((count > bestCount || count == bestCount && string.CompareOrdinal(alias, best) > 0)
                && ConceptKeys.Compact(ConceptKeys.Key(alias)) == compact)
            {
                (best, bestCount) = (alias, count);
            }
        }

        return best;
    }
}

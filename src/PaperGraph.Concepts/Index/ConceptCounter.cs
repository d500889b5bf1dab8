using System.Runtime.InteropServices;

namespace PaperGraph.Concepts.Index;

/// <summary>
/// Counts each concept over the resolved mentions (documents, occurrences, surface forms) and names it: its most
/// frequent surface form, and for an abbreviation its long form as most often written.
/// </summary>
internal sealed class ConceptCounter
{
    // Corpus statistics per concept, in the order the concepts are first met.
    private readonly Dictionary<string, Concept> _concepts = new(StringComparer.Ordinal);
    private readonly ConceptIds _ids;
    private readonly Concept?[] _byId;
    private readonly int[] _lastDocument;

    /// <summary>A counter of the concepts of <paramref name="ids"/>.</summary>
    public ConceptCounter(ConceptIds ids)
    {
        _ids = ids;
        _byId = new Concept?[ids.Count];
        _lastDocument = new int[ids.Count];
        Array.Fill(_lastDocument, -1);
    }

    /// <summary>Counts the mentions of a batch of resolved documents; batches come in corpus order.</summary>
    public void Add(ResolvedBatch batch)
    {
        var (ids, byId, concepts, lastDocument) = (_ids, _byId, _concepts, _lastDocument);
        for (var i = 0; i < batch.Documents.Length; i++)
        {
            var d = batch.Start + i;
            foreach (var mention in batch.Documents[i].Mentions)
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
                concept.Aliases.Add(mention.Surface);
            }
        }
    }

    /// <summary>Every concept that has a resolved mention, by key, in the order the concepts are first met, with the long forms of abbreviations.</summary>
    /// <param name="byId">The same concepts by concept id; null for an id no mention resolved to.</param>
    public Dictionary<string, Concept> Concepts(AbbreviationMeanings abbreviations, out Concept?[] byId)
    {
        var concepts = _concepts;
        byId = _byId;
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

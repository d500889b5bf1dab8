using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace PaperGraph.Concepts.Index;

/// <summary>
/// Resolves the abbreviations of a corpus: each short form's long forms, spelled one way, and the concept key of each
/// (short form, long form) meaning.
/// </summary>
/// <remarks>
/// A short form defined with one long form is one concept, keyed by the short form. With several, the most frequent
/// meaning keeps the short form as its key and the others are keyed <c>SF (long form)</c>; a short form used bare far
/// more often than defined keys every meaning that way (<see cref="ConceptSettings.MaxBareUsesPerDefinition"/>).
/// Which meaning a bare use has is decided later, per paper (<see cref="AbbreviationSenses"/>, <see cref="MentionResolver"/>).
/// </remarks>
internal static class AbbreviationResolver
{
    /// <summary>The meanings of every short form defined in the corpus.</summary>
    public static AbbreviationMeanings Resolve(CorpusKeys corpus, VariantMerger spellings, ConceptSettings settings, ILogger logger)
    {
        // Abbreviations, their long forms spelled one way. The spelling cache is this phase's own: it runs on one thread.
        var spellingCache = new Dictionary<string, string>(StringComparer.Ordinal);
        var meanings = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var definitions in corpus.Definitions)
        {
            foreach (var definition in definitions.Where(IsUsable).DistinctBy(d => (d.ShortForm, Spelling(d.LongKey))))
            {
                if (!meanings.TryGetValue(definition.ShortForm, out var longForms))
                {
                    meanings[definition.ShortForm] = longForms = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                var longKey = Spelling(definition.LongKey);
                CollectionsMarshal.GetValueRefOrAddDefault(longForms, longKey, out _)++;
            }
        }

        // Papers that use a defined short form without defining it.
        var bare = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < corpus.DocumentCount; d++)
        {
            var (kinds, keys, definitions) = (corpus.MentionKinds[d], corpus.MentionKeys[d], corpus.Definitions[d]);
            foreach (var key in keys.Where((k, m) => kinds[m] == MentionKind.Term && meanings.ContainsKey(corpus.Keys[k])).Distinct().Select(k => corpus.Keys[k]))
            {
                if (!definitions.Any(definition => definition.ShortForm == key))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(bare, key, out _)++;
                }
            }
        }

        // Concept key of each (short form, long form) meaning; the most frequent meaning is the short form's default,
        // unless far more papers use the short form bare than define it ("GeV" defined once as "germanium vacancy"):
        // then every meaning is keyed "SF (long form)", and a bare use joins one only with evidence from its paper and
        // otherwise stays a concept of its own.
        var result = new AbbreviationMeanings(meanings);
        var ambiguous = 0;
        foreach (var (shortForm, longForms) in meanings.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var ranked = longForms.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();
            var anchored = bare.GetValueOrDefault(shortForm) <= settings.MaxBareUsesPerDefinition * longForms.Values.Sum();
            for (var r = 0; r < ranked.Count; r++)
            {
                var key = r == 0 && anchored ? shortForm : $"{shortForm} ({ranked[r].Key})";
                result.MeaningKey[(shortForm, ranked[r].Key)] = key;
                result.LongToConcept.TryAdd(ranked[r].Key, key);
            }

            if (anchored)
            {
                result.DefaultMeaning[shortForm] = shortForm;
            }

            if (ranked.Count > 1)
            {
                ambiguous++;
                Log.AmbiguousAbbreviation(logger, shortForm, string.Join("; ", ranked.Select(l => $"{l.Key} ({l.Value})")), ranked[0].Key);
            }
        }

        if (ambiguous > 0)
        {
            Log.AmbiguousAbbreviations(logger, ambiguous);
        }

        return result;

        // The corpus's most frequent spelling of a key (finetuning -> fine tuning when that is more common).
        string Spelling(string key)
        {
            if (!spellingCache.TryGetValue(key, out var spelled))
            {
                spellingCache[key] = spelled = spellings.MostFrequentSpelling(key);
            }

            return spelled;
        }
    }

    /// <summary>A definition whose long form is one word, or boilerplate, is a false match ("spin transfer system (STS)" read as "system").</summary>
    public static bool IsUsable(AcronymDefinition definition) =>
        definition.LongKey.Contains(' ', StringComparison.Ordinal) && !GenericTerms.Contains(definition.LongKey);
}

/// <summary>What <see cref="AbbreviationResolver"/> found: the meanings of each short form and their concept keys.</summary>
internal sealed class AbbreviationMeanings(Dictionary<string, Dictionary<string, int>> meanings)
{
    /// <summary>Short form to each of its long forms (most frequent spelling) and the number of papers defining it so.</summary>
    public Dictionary<string, Dictionary<string, int>> Meanings { get; } = meanings;

    /// <summary>The concept key of each (short form, long form) meaning.</summary>
    public Dictionary<(string Short, string Long), string> MeaningKey { get; } = [];

    /// <summary>What a bare short form means where nothing else says: its own key, for a short form not used bare far more often than defined.</summary>
    public Dictionary<string, string> DefaultMeaning { get; } = new(StringComparer.Ordinal);

    /// <summary>A long form to the concept key of the first meaning it has (short forms in ordinal order, then their most frequent meaning first): written out, the long form joins that concept.</summary>
    public Dictionary<string, string> LongToConcept { get; } = new(StringComparer.Ordinal);
}

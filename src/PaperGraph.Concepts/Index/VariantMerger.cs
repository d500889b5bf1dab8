using System.Runtime.InteropServices;

namespace PaperGraph.Concepts.Index;

/// <summary>
/// Merges the keys that name one concept: spelling variants (keys equal once spaces are removed share the corpus's most
/// frequent spelling) and long forms (they join their abbreviation); and counts the documents of each <c>X of Y</c>
/// phrase, which is a concept only when enough documents use it.
/// </summary>
internal sealed class VariantMerger
{
    private readonly CorpusKeys _corpus;

    // Compact form (no spaces) to the id of its most frequent spelling.
    private readonly Dictionary<string, int> _compact;

    /// <summary>Finds the corpus's most frequent spelling of every compact form.</summary>
    public VariantMerger(CorpusKeys corpus)
    {
        // Spelling variants: keys equal without spaces and hyphens share the most frequent spelling. Each key's compact
        // form on every core; then, per compact form, the id of its most frequent spelling.
        _corpus = corpus;
        var keys = corpus.Keys;
        var counts = corpus.Counts;
        var compacts = new string[keys.Count];
        Parallel.For(0, compacts.Length, id => compacts[id] = ConceptKeys.Compact(keys[id]));
        _compact = new Dictionary<string, int>(compacts.Length, StringComparer.Ordinal);
        for (var id = 0; id < compacts.Length; id++)
        {
            ref var best = ref CollectionsMarshal.GetValueRefOrAddDefault(_compact, compacts[id], out var seen);
            if (!seen || counts[id] > counts[best] || counts[id] == counts[best] && string.CompareOrdinal(keys[id], keys[best]) < 0)
            {
                best = id;
            }
        }
    }

    /// <summary>The corpus's most frequent spelling of <paramref name="key"/> (spaces and joins aside), or the key itself; not cached.</summary>
    /// <remarks>Reads only, so it is safe from several threads.</remarks>
    public string MostFrequentSpelling(string key) => _compact.TryGetValue(ConceptKeys.Compact(key), out var id) ? _corpus.Keys[id] : key;

    /// <summary>
    /// The concept each key stands for (its spelling, and the abbreviation its long form belongs to), computed once on
    /// every core; and ids for every key a mention can resolve to.
    /// </summary>
    public ConceptIds Merge(AbbreviationMeanings abbreviations, IReadOnlyDictionary<string, string?>? thesaurus)
    {
        var keys = _corpus.Keys;
        var ids = new ConceptIds(keys.Count);
        var canonical = new string[keys.Count];
        Parallel.For(0, keys.Count, i => canonical[i] = Canonical(keys[i], abbreviations.LongToConcept));
        for (var i = 0; i < canonical.Length; i++)
        {
            ids.Canonical[i] = ids.Intern(canonical[i]);
        }

        foreach (var key in abbreviations.MeaningKey.Values)
        {
            ids.Intern(key);
        }

        foreach (var key in abbreviations.DefaultMeaning.Values)
        {
            ids.Intern(key);
        }

        if (thesaurus is not null)
        {
            foreach (var replacement in thesaurus.Values.OfType<string>())
            {
                ids.Intern(replacement);
            }
        }

        return ids;
    }

    /// <summary>The concept key a term's key stands for: its spelling, and the abbreviation its long form belongs to.</summary>
    /// <remarks>Reads only, so it is safe from several threads.</remarks>
    private string Canonical(string key, Dictionary<string, string> longToConcept)
    {
        if (longToConcept.TryGetValue(key, out var canonical))
        {
            return canonical;
        }

        var spaced = MostFrequentSpelling(key);
        return longToConcept.GetValueOrDefault(spaced, spaced);
    }

    /// <summary>Fixed <c>X of Y</c> phrases: the number of documents that use each concept as one.</summary>
    public int[] FixedPhraseDocuments(ConceptIds ids)
    {
        var mentionKeys = _corpus.MentionKeys;
        var conceptOf = ids.Canonical;
        var ofDocuments = new int[ids.Count];
        var lastDocument = new int[ids.Count];
        Array.Fill(lastDocument, -1);
        var mentionKinds = _corpus.MentionKinds;
        for (var d = 0; d < mentionKinds.Length; d++)
        {
            var kinds = mentionKinds[d];
            for (var m = 0; m < kinds.Length; m++)
            {
                if (kinds[m] == MentionKind.OfPhrase)
                {
                    var concept = conceptOf[mentionKeys[d][m]];
                    if (lastDocument[concept] != d)
                    {
                        lastDocument[concept] = d;
                        ofDocuments[concept]++;
                    }
                }
            }
        }

        return ofDocuments;
    }
}

/// <summary>Every concept key with an id, and the concept id each corpus key stands for.</summary>
internal sealed class ConceptIds(int corpusKeys)
{
    private readonly Dictionary<string, int> _idOf = new(StringComparer.Ordinal);

    /// <summary>Each concept key by its id.</summary>
    public List<string> Keys { get; } = [];

    /// <summary>Per corpus key id (<see cref="CorpusKeys"/>), the id of the concept it stands for.</summary>
    public int[] Canonical { get; } = new int[corpusKeys];

    /// <summary>Number of concept keys.</summary>
    public int Count => Keys.Count;

    /// <summary>The id of concept key <paramref name="key"/>, which must have one.</summary>
    public int this[string key] => _idOf[key];

    /// <summary>The id of concept key <paramref name="key"/>, if it has one.</summary>
    public bool TryGetId(string key, out int id) => _idOf.TryGetValue(key, out id);

    /// <summary>The id of concept key <paramref name="key"/>, new if needed; single-threaded.</summary>
    public int Intern(string key)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_idOf, key, out var exists);
        if (!exists)
        {
            id = Keys.Count;
            Keys.Add(key);
        }

        return id;
    }
}

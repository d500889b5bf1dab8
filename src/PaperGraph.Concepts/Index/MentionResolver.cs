using PaperGraph.Core;

namespace PaperGraph.Concepts.Index;

/// <summary>
/// A mention resolved to a concept: the concept's id, the id of the mention's own key, and what the later phases need
/// of the mention (not the mention itself, so that the documents' terms need not be held once resolved).
/// </summary>
internal readonly record struct ResolvedMention(int Concept, int Key, string Surface, int Token, int Sentence, MentionKind Kind, bool InTitle);

/// <summary>A document's id and size, and its mentions that resolved to a concept, in the order of its mentions.</summary>
internal readonly record struct ResolvedDocument(string Id, int Tokens, int Sentences, List<ResolvedMention> Mentions);

/// <summary>Documents <paramref name="Start"/> onwards of the corpus, resolved.</summary>
internal readonly record struct ResolvedBatch(int Start, ResolvedDocument[] Documents);

/// <summary>
/// Resolves every mention of every document to its concept, or to none, applying what the earlier phases decided:
/// fixed <c>X of Y</c> phrases, nested pieces, the paper's own definitions, the senses of contested abbreviations, and
/// the user's thesaurus and stop list.
/// </summary>
internal static class MentionResolver
{
    /// <summary>What a paper's own definition of a short form maps it to when that long form is no concept: nothing.</summary>
    private const int NoConcept = -1;

    /// <summary>
    /// Each document with its resolved mentions, in corpus order, a batch at a time; the documents of a batch are
    /// resolved in parallel. Each pass over the result resolves the corpus again, so that no more than a batch of
    /// resolved documents is held at once.
    /// </summary>
    /// <param name="ofDocuments">Per concept, the documents that use it as an <c>X of Y</c> phrase (<see cref="VariantMerger.FixedPhraseDocuments"/>).</param>
    /// <param name="standalone">Per concept, whether its nested uses count (<see cref="StandaloneFilter"/>).</param>
    /// <param name="progress">Told the papers resolved, as the step <paramref name="step"/>; null when the caller counts them itself.</param>
    public static IEnumerable<ResolvedBatch> Resolve(CorpusKeys corpus, VariantMerger spellings, AbbreviationMeanings abbreviations, ConceptIds ids,
        int[] ofDocuments, bool[] standalone, AbbreviationSenses contested, ConceptSettings settings, IProgress<PipelineProgress>? progress = null,
        string step = "resolving mentions")
    {
        // What a key resolves to when its paper does not define it, and what the user's thesaurus and stop list
        // make of a concept: arrays, so that documents can be resolved in parallel, reading only.
        var defaultMeaning = new int[corpus.Keys.Count];
        Array.Fill(defaultMeaning, -1);
        foreach (var (shortForm, meaning) in abbreviations.DefaultMeaning)
        {
            if (corpus.IdOf.TryGetValue(shortForm, out var k))
            {
                defaultMeaning[k] = ids[meaning];
            }
        }

        const int Keep = -1, Drop = -2;
        var replaced = new int[ids.Count];
        Array.Fill(replaced, Keep);
        if (settings.Thesaurus is { } thesaurus)
        {
            foreach (var (key, replacement) in thesaurus)
            {
                if (ids.TryGetId(key, out var id))
                {
                    replaced[id] = replacement is null ? Drop : ids[replacement];
                }
            }
        }

        var stopped = new bool[ids.Count];
        if (settings.StopList is { } stop)
        {
            for (var c = 0; c < stopped.Length; c++)
            {
                stopped[c] = stop.Contains(ids.Keys[c]);
            }
        }

        var documents = corpus.Documents;
        var mentionKeys = corpus.MentionKeys;
        var conceptOf = ids.Canonical;
        var senses = contested.ByShortForm;
        var minFixedPhraseDocuments = settings.MinFixedPhraseDocuments;
        var n = corpus.DocumentCount;
        var counter = new ProgressCounter(progress, "concepts", step, n, "papers");
        foreach (var batch in EncodedDocuments.BatchesOf(documents))
        {
            var resolved = new ResolvedDocument[batch.Documents.Count];
            Parallel.For(0, resolved.Length, i => resolved[i] = Resolve(batch.Start + i, batch.Documents[i]));
            yield return new ResolvedBatch(batch.Start, resolved);
        }

        ResolvedDocument Resolve(int d, DocumentTerms document)
        {
            counter.Add();
            var keys = mentionKeys[d];
            var local = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var definition in document.Definitions)
            {
                // A paper that defines a short form twice means its first definition. One it defines with a long
                // form that is no concept of its own ("superfluid (SF)") means that here, not the corpus's "SF": its
                // uses are left out (NoConcept).
                if (!AbbreviationResolver.IsUsable(definition))
                {
                    local.TryAdd(definition.ShortForm, NoConcept);
                    continue;
                }

                var spelled = spellings.MostFrequentSpelling(definition.LongKey);
                local.TryAdd(definition.ShortForm, ids[abbreviations.MeaningKey[(definition.ShortForm, spelled)]]);
            }

            var suppressed = new HashSet<int>();
            for (var m = 0; m < document.Mentions.Count; m++)
            {
                var mention = document.Mentions[m];
                if (mention.Kind == MentionKind.OfPhrase && ofDocuments[conceptOf[keys[m]]] >= minFixedPhraseDocuments)
                {
                    suppressed.Add(mention.PartA);
                    suppressed.Add(mention.PartB);
                }
            }

            var resolved = new List<ResolvedMention>(document.Mentions.Count);
            HashSet<int>? context = null;
            for (var m = 0; m < document.Mentions.Count; m++)
            {
                var mention = document.Mentions[m];
                var canonical = conceptOf[keys[m]];
                if (suppressed.Contains(m) || mention.Kind == MentionKind.OfPhrase && ofDocuments[canonical] < minFixedPhraseDocuments
                    || mention.Kind == MentionKind.Nested && !standalone[canonical])
                {
                    continue;
                }

                int concept;
                if (local.Count > 0 && local.TryGetValue(mention.Key, out var defined))
                {
                    if (defined == NoConcept)
                    {
                        continue;
                    }

                    concept = defined;
                }
                else if (mention.Kind == MentionKind.LongForm)
                {
                    concept = canonical;
                }
                else if (senses.TryGetValue(keys[m], out var ofShortForm))
                {
                    // A bare use of a contested short form joins a meaning only with evidence. Without, it is left
                    // out if the meanings are unrelated, and stays a concept of its own if the corpus mostly uses
                    // the short form bare ("GeV" defined once as "germanium vacancy").
                    if (context is null)
                    {
                        context = [];
                        contested.ConceptsOf(d, context);
                    }

                    concept = AbbreviationSenses.SenseOfBareUse(ofShortForm, context);
                    if (concept < 0 && defaultMeaning[keys[m]] >= 0)
                    {
                        continue;
                    }

                    concept = concept < 0 ? canonical : concept;
                }
                else if (defaultMeaning[keys[m]] is var meaning and >= 0)
                {
                    concept = meaning;
                }
                else
                {
                    concept = canonical;
                }

                // The user's thesaurus and stop list have the last word.
                if (replaced[concept] != Keep)
                {
                    if (replaced[concept] == Drop)
                    {
                        continue;
                    }

                    concept = replaced[concept];
                }

                if (stopped[concept])
                {
                    continue;
                }

                resolved.Add(new ResolvedMention(concept, keys[m], mention.Surface, mention.Token, mention.Sentence, mention.Kind, mention.InTitle));
            }

            return new ResolvedDocument(document.Id, document.Tokens, document.Sentences, resolved);
        }
    }
}

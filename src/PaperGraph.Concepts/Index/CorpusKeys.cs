using System.Runtime.InteropServices;
using PaperGraph.Core;

namespace PaperGraph.Concepts.Index;

/// <summary>
/// The first phase of <see cref="ConceptIndex.Build"/>: every key met in the corpus gets an id, and each key how often
/// it is used, and how.
/// </summary>
/// <remarks>
/// Every key met in the corpus gets an id here, and every concept key one later (<see cref="ConceptIds"/>): the later
/// passes over the 8.9M mentions of the 200k corpus then index arrays instead of looking strings up.
/// </remarks>
internal sealed class CorpusKeys
{
    private CorpusKeys(IReadOnlyList<DocumentTerms> documents) => Documents = documents;

    /// <summary>The documents gathered.</summary>
    public IReadOnlyList<DocumentTerms> Documents { get; }

    /// <summary>Number of documents.</summary>
    public int DocumentCount => Documents.Count;

    /// <summary>Each key by its id.</summary>
    public List<string> Keys { get; } = [];

    /// <summary>The id of each key.</summary>
    public Dictionary<string, int> IdOf { get; } = new(StringComparer.Ordinal);

    /// <summary>Per key: its mentions and the long forms of definitions, for choosing among spellings.</summary>
    public List<int> Counts { get; } = [];

    /// <summary>Per key: uses on its own, as a term or a long form.</summary>
    public List<int> StandaloneUses { get; } = [];

    /// <summary>Per key: uses inside a longer term.</summary>
    public List<int> NestedUses { get; } = [];

    /// <summary>Per key: uses as a term.</summary>
    public List<int> TermUses { get; } = [];

    /// <summary>Per key: uses as a term followed by <c>of</c>, counted before any X of Y phrase takes its X.</summary>
    public List<int> OfUses { get; } = [];

    /// <summary>Per document, the key id of each of its mentions, in order.</summary>
    public int[][] MentionKeys { get; private set; } = [];

    /// <summary>Per document, the kind of each of its mentions, in order.</summary>
    /// <remarks>
    /// With <see cref="MentionKeys"/> and <see cref="Definitions"/>, what the phases between this one and
    /// <see cref="MentionResolver"/> read of the documents, so that they need not decode them again.
    /// </remarks>
    public MentionKind[][] MentionKinds { get; private set; } = [];

    /// <summary>Per document, the abbreviations it defines.</summary>
    public AcronymDefinition[][] Definitions { get; private set; } = [];

    /// <summary>Gives every key of <paramref name="documents"/> its id and counts its uses.</summary>
    public static CorpusKeys Gather(IReadOnlyList<DocumentTerms> documents, IProgress<PipelineProgress>? progress = null)
    {
        // The same pass gives every key its id, records each mention's, and notes the keys used on their own (as a
        // term or a long form), for nested terms.
        var corpus = new CorpusKeys(documents);
        var n = documents.Count;
        var counts = corpus.Counts;
        var standaloneUses = corpus.StandaloneUses;
        var nestedUses = corpus.NestedUses;
        var termUses = corpus.TermUses;
        var ofUses = corpus.OfUses;
        var mentionKeys = corpus.MentionKeys = new int[n][];
        var mentionKinds = corpus.MentionKinds = new MentionKind[n][];
        var definitions = corpus.Definitions = new AcronymDefinition[n][];
        var counter = new ProgressCounter(progress, "concepts", "terms and spellings", n, "papers");
        var d = 0;
        foreach (var document in documents)
        {
            counter.Add();
            var ids = mentionKeys[d] = new int[document.Mentions.Count];
            var kinds = mentionKinds[d] = new MentionKind[ids.Length];
            definitions[d] = document.Definitions.Count == 0 ? [] : [.. document.Definitions];
            for (var m = 0; m < ids.Length; m++)
            {
                var mention = document.Mentions[m];
                var id = corpus.KeyId(mention.Key);
                ids[m] = id;
                kinds[m] = mention.Kind;
                counts[id]++;
                if (mention.Kind is MentionKind.Term or MentionKind.LongForm)
                {
                    standaloneUses[id]++;
                }
                else if (mention.Kind == MentionKind.Nested)
                {
                    nestedUses[id]++;
                }

                if (mention.Kind == MentionKind.Term)
                {
                    termUses[id]++;
                    ofUses[id] += mention.BeforeOf ? 1 : 0;
                }
            }

            foreach (var definition in document.Definitions)
            {
                counts[corpus.KeyId(definition.LongKey)]++;
            }

            d++;
        }

        return corpus;
    }

    private int KeyId(string key)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(IdOf, key, out var exists);
        if (!exists)
        {
            id = Keys.Count;
            Keys.Add(key);
            StandaloneUses.Add(0);
            NestedUses.Add(0);
            TermUses.Add(0);
            OfUses.Add(0);
            Counts.Add(0);
        }

        return id;
    }
}

using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PaperGraph.Concepts.Index;
using PaperGraph.Core;

namespace PaperGraph.Concepts;

/// <summary>The concepts of a corpus and, per document, its concepts ranked by score.</summary>
/// <remarks>
/// <para>Built from every document's terms in five steps:</para>
/// <list type="number">
/// <item>Abbreviations are resolved across the corpus. A short form defined with one long form is one concept, keyed by
/// the short form, with the long form as an alias. A bare short form in a paper that does not define it joins the
/// concept defined elsewhere. A short form with two different long forms gives two concepts; where it appears bare,
/// the more frequent meaning is chosen if the long forms name one idea (<c>recurrent neural network</c>,
/// <c>recurrent NN</c>), and otherwise only with evidence from the paper: the long form written out, or concepts typical
/// of one meaning; without evidence the bare use is left out.</item>
/// <item>A term found inside longer ones (<c>dynamics simulation</c> in <c>molecular dynamics simulation</c>) counts
/// there only if the corpus uses it on its own often enough (<see cref="ConceptSettings.MinStandaloneShare"/>).</item>
/// <item>Spelling variants are merged: keys equal once spaces are removed (<c>finetuning</c>, <c>fine tuning</c>) share
/// the spaced key. <c>X of Y</c> phrases become concepts only when enough documents use them.</item>
/// <item>Generic terms are dropped: the built-in boilerplate list, and terms used by many documents but spread over
/// them like words used by chance. The test is residual IDF (observed IDF minus the IDF a Poisson spread of the same
/// number of occurrences would give): a topic clusters in a few papers, boilerplate does not.</item>
/// <item>Each concept is scored in each document by <see cref="ConceptRanker"/>: the probability that it is one of
/// the document's keyphrases, from its frequency, position and form there and from corpus statistics scaled so that
/// they do not grow with the corpus.</item>
/// </list>
/// <para>
/// Each phase is a class of <c>PaperGraph.Concepts.Index</c>, composed in order by <see cref="Build"/>:
/// <see cref="CorpusKeys"/> gathers every key with its uses; <see cref="VariantMerger"/> finds the most frequent
/// spelling of each and, once <see cref="AbbreviationResolver"/> has given each short form its meanings, the concept each
/// key stands for, and counts fixed phrases; <see cref="StandaloneFilter"/> decides which nested terms count;
/// <see cref="AbbreviationSenses"/> finds the evidence for the senses of contested abbreviations;
/// <see cref="MentionResolver"/> resolves every mention; <see cref="ConceptCounter"/> counts and names the concepts and
/// <see cref="GenericTermFilter"/> drops the generic ones, while <see cref="WordStatistics"/> counts words;
/// <see cref="ConceptScorer"/> scores them.
/// </para>
/// </remarks>
public sealed class ConceptIndex
{
    private readonly Lazy<Dictionary<string, List<DocumentConcept>>> _byDocument;

    private ConceptIndex(Dictionary<string, Concept> concepts, ScoredDocument[] documents, int documentCount)
    {
        Concepts = concepts;
        Documents = documents;
        DocumentCount = documentCount;
        _byDocument = new(() => documents.ToDictionary(d => d.Id, d => d.Concepts.Select(c => c.ToRecord()).ToList(), StringComparer.Ordinal));
    }

    /// <summary>Concepts by key.</summary>
    public IReadOnlyDictionary<string, Concept> Concepts { get; }

    /// <summary>Each document's concepts, best first, in the order the documents were given.</summary>
    /// <remarks>Values in arrays: on the 200k corpus its 4.8M paper-concept links take 0.2 GB, against 0.7 GB as records.</remarks>
    public IReadOnlyList<ScoredDocument> Documents { get; }

    /// <summary>Each document's concepts, best first, as records by document id: made from <see cref="Documents"/> when first asked for.</summary>
    public IReadOnlyDictionary<string, List<DocumentConcept>> ByDocument => _byDocument.Value;

    /// <summary>The paper-concept links: every document's concepts together.</summary>
    public long Links => Documents.Sum(d => (long)d.Concepts.Length);

    /// <summary>Number of documents in the corpus.</summary>
    public int DocumentCount { get; }

    /// <summary>Builds the index of <paramref name="documents"/>.</summary>
    /// <param name="documents">Every document's terms.</param>
    /// <param name="settings">Settings.</param>
    /// <param name="logger">Where choices and timings are logged.</param>
    /// <param name="features">
    /// Called with each document's id and, for each of its concepts, the key and the ranker's features; from several
    /// threads at once. For fitting the ranker.
    /// </param>
    /// <param name="progress">Told each phase as it starts, and the papers done in the phases that go paper by paper.</param>
    public static ConceptIndex Build(IReadOnlyList<DocumentTerms> documents, ConceptSettings settings, ILogger? logger = null,
        Action<string, IReadOnlyList<(string Key, double[] Features)>>? features = null, IProgress<PipelineProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(settings);
        var log = logger ?? NullLogger.Instance;
        settings = settings.Validate();
        var phase = Stopwatch.StartNew();

        progress.Step("concepts", "terms and spellings");
        var corpus = CorpusKeys.Gather(documents, progress);
        var variants = new VariantMerger(corpus);
        Phase("spellings", next: "abbreviations");
        var abbreviations = AbbreviationResolver.Resolve(corpus, variants, settings, log);
        var ids = variants.Merge(abbreviations, settings.Thesaurus);
        Phase("abbreviations", next: "fixed phrases and standalone terms");
        var ofDocuments = variants.FixedPhraseDocuments(ids);
        var standalone = StandaloneFilter.Standalone(corpus, ids, settings.MinStandaloneShare);
        Phase("fixed phrases and standalone terms", next: "senses of contested abbreviations");
        var senses = AbbreviationSenses.Find(corpus, variants, abbreviations, ids);
        Phase("senses of contested abbreviations", next: "resolving mentions, counting concepts and words");
        // The corpus is resolved twice, a batch at a time, rather than held resolved: once to count concepts and words,
        // once to score. Concept statistics and word statistics read the resolved mentions and share nothing else:
        // each batch is counted for both at once.
        IEnumerable<ResolvedBatch> Resolved(IProgress<PipelineProgress>? counted) =>
            MentionResolver.Resolve(corpus, variants, abbreviations, ids, ofDocuments, standalone, senses, settings, counted, "resolving mentions, counting concepts and words");
        var conceptCounter = new ConceptCounter(ids);
        var wordCounter = new WordStatistics.Counter(corpus);
        foreach (var batch in Resolved(progress))
        {
            Parallel.Invoke(() => conceptCounter.Add(batch), () => wordCounter.Add(batch));
        }

        Phase("resolving mentions, counting concepts and words", next: "names and generic terms");
        var concepts = conceptCounter.Concepts(abbreviations, out var conceptById);
        var words = wordCounter.Statistics();
        ConceptCounter.Name(concepts, corpus.DocumentCount);
        new GenericTermFilter(corpus, settings).Remove(concepts, conceptById, ids);
        Phase("names and generic terms", next: "scores, keyphraseness and relevance");
        var scored = new ConceptScorer(corpus.DocumentCount, settings, features).Score(Resolved(null), conceptById, words, progress);
        Phase("scores, keyphraseness and relevance", next: null);
        return new ConceptIndex(concepts, scored, corpus.DocumentCount);

        // Logs the phase that ended and announces the next.
        void Phase(string name, string? next)
        {
            Log.IndexPhase(log, name, phase.Elapsed.TotalSeconds);
            phase.Restart();
            if (next is not null)
            {
                progress.Step("concepts", next);
            }
        }
    }

    /// <summary>Residual IDF: -log2(df/N) + log2(1 - e^(-cf/N)), the IDF observed minus the IDF a Poisson spread would give.</summary>
    internal static double ResidualIdf(int documents, int occurrences, int n)
    {
        if (documents == 0 || n == 0)
        {
            return 0;
        }

        var observed = -Math.Log2((double)documents / n);
        var expected = -Math.Log2(1 - Math.Exp(-(double)occurrences / n));
        return observed - expected;
    }
}

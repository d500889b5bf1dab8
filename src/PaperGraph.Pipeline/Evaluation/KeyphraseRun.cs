using Microsoft.Extensions.Logging;
using PaperGraph.Concepts;
using PaperGraph.Nlp;

namespace PaperGraph.Pipeline.Evaluation;

/// <summary>Runs concept extraction over a keyphrase benchmark, for scoring it and for fitting the ranker.</summary>
public static class KeyphraseRun
{
    /// <summary>
    /// Extracts every document's <c>title. abstract</c> in parallel and builds the concept index over them, so corpus
    /// statistics come from the benchmark itself.
    /// </summary>
    public static ConceptIndex Extract(IReadOnlyList<KeyphraseDocument> documents, ConceptSettings settings, ILogger? logger = null,
        CancellationToken cancellationToken = default) =>
        ConceptIndex.Build(Analyze(documents, cancellationToken), settings, logger);

    /// <summary>Each document's terms, from its <c>title. abstract</c>, on every core; ready for <see cref="ConceptIndex.Build"/>.</summary>
    public static DocumentTerms[] Analyze(IReadOnlyList<KeyphraseDocument> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var extractor = ConceptExtractor.Default;
        var terms = new DocumentTerms[documents.Count];
        PaperLoop.ForEach(documents.Count, () => new AnalyzedText(),
            (i, scratch) => terms[i] = extractor.Extract(documents[i].Id, documents[i].Title, documents[i].Abstract, scratch), cancellationToken);
        return terms;
    }

    /// <summary>
    /// A document's ranked concepts as it writes them: the first surface form met, and an abbreviation as its long
    /// form, as benchmark annotators write them.
    /// </summary>
    public static List<string> Predictions(ConceptIndex index, string id)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.ByDocument.TryGetValue(id, out var ranked) ? ranked.Select(c => Written(index, c)).ToList() : [];
    }

    /// <summary>
    /// The ranker's training data: each document's concepts as feature rows, labelled by whether the concept, as
    /// written, matches a gold keyphrase under the benchmark's protocol (Porter stems, exact match).
    /// </summary>
    /// <param name="terms">The documents' terms (<see cref="Analyze"/>), in the same order.</param>
    public static (List<double[]> Rows, List<bool> Labels) TrainingData(IReadOnlyList<KeyphraseDocument> documents, IReadOnlyList<DocumentTerms> terms,
        ConceptSettings settings, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var features = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<(string Key, double[] Features)>>(StringComparer.Ordinal);
        var index = ConceptIndex.Build(terms, settings, logger, (id, rows) => features[id] = rows);
        var rows = new List<double[]>();
        var labels = new List<bool>();
        foreach (var document in documents)
        {
            if (!features.TryGetValue(document.Id, out var candidates))
            {
                continue;
            }

            var gold = document.Gold.Select(KeyphraseEvaluator.Normalize).ToHashSet(StringComparer.Ordinal);
            var concepts = index.ByDocument[document.Id].ToDictionary(c => c.Key, StringComparer.Ordinal);
            foreach (var (key, row) in candidates)
            {
                rows.Add(row);
                labels.Add(gold.Contains(KeyphraseEvaluator.Normalize(Written(index, concepts[key]))));
            }
        }

        return (rows, labels);
    }

    private static string Written(ConceptIndex index, DocumentConcept concept) =>
        index.Concepts[concept.Key] is { LongForm: { } longForm } ? longForm : concept.Surface;
}

using Microsoft.Extensions.Logging;
using PaperGraph.Nlp.Concepts;

namespace PaperGraph.Nlp.Evaluation;

/// <summary>Runs concept extraction over a keyphrase benchmark, for scoring it and for fitting the ranker.</summary>
public static class KeyphraseRun
{
    /// <summary>
    /// Extracts every document's <c>title. abstract</c> in parallel and builds the concept index over them, so corpus
    /// statistics come from the benchmark itself.
    /// </summary>
    /// <param name="features">Passed on to <see cref="ConceptIndex.Build"/>.</param>
    public static ConceptIndex Extract(IReadOnlyList<KeyphraseDocument> documents, ConceptSettings settings, ILogger? logger = null,
        CancellationToken cancellationToken = default, Action<string, IReadOnlyList<(string Key, double[] Features)>>? features = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var extractor = ConceptExtractor.Default;
        var terms = new DocumentTerms[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new AnalyzedText(), (i, _, scratch) =>
        {
            terms[i] = extractor.Extract(documents[i].Id, documents[i].Title, documents[i].Abstract, scratch);
            return scratch;
        }, _ => { });
        return ConceptIndex.Build(terms, settings, logger, features);
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
    public static (List<double[]> Rows, List<bool> Labels) TrainingData(IReadOnlyList<KeyphraseDocument> documents, ConceptSettings settings,
        ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var features = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<(string Key, double[] Features)>>(StringComparer.Ordinal);
        var index = Extract(documents, settings, logger, cancellationToken, (id, rows) => features[id] = rows);
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

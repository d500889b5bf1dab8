using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PaperGraph.Concepts;
using PaperGraph.Core;

namespace PaperGraph.Pipeline.Evaluation;

/// <summary>What <see cref="KeyphraseRuns.Evaluate"/> measured: each document's predicted keyphrases and the scores at each cutoff.</summary>
/// <param name="Seconds">Seconds spent extracting (reading and scoring aside).</param>
public sealed record KeyphraseEvaluationResult(IReadOnlyList<(KeyphraseDocument Document, IReadOnlyList<string> Predicted)> Predictions,
    KeyphraseEvaluation Scores, double Seconds);

/// <summary>What <see cref="KeyphraseRuns.FitRanker"/> fitted, and the F1 at 5, 10 and 15 it gives on each benchmark.</summary>
/// <param name="Candidates">Candidate concepts the ranker learned from.</param>
/// <param name="Positives">Of those, the ones matching a gold keyphrase.</param>
/// <param name="Scores">Per benchmark file name: the scores at 5, 10 and 15 with the fitted weights.</param>
public sealed record RankerFitResult(ConceptRanker Ranker, int Documents, int Candidates, int Positives, IReadOnlyList<(string Name, KeyphraseEvaluation Scores)> Scores);

/// <summary>The keyphrase benchmark runs: scoring extraction, and fitting the ranker's weights.</summary>
public static class KeyphraseRuns
{
    /// <summary>Extracts the benchmark at <paramref name="goldFile"/> and scores the predictions at each of <paramref name="cutoffs"/>.</summary>
    public static KeyphraseEvaluationResult Evaluate(string goldFile, IReadOnlyList<int> cutoffs, ConceptSettings settings, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var documents = KeyphraseEvaluator.Read(goldFile);
        if (documents.Count == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoPapersFound, $"{goldFile}: no documents.");
        }

        var stopwatch = Stopwatch.StartNew();
        var index = KeyphraseRun.Extract(documents, settings, loggers.CreateLogger<ConceptIndex>(), cancellationToken);
        var results = documents.Select(d => (d, (IReadOnlyList<string>)KeyphraseRun.Predictions(index, d.Id))).ToList();
        var seconds = stopwatch.Elapsed.TotalSeconds;
        return new KeyphraseEvaluationResult(results, KeyphraseEvaluator.Score(results, cutoffs), seconds);
    }

    /// <summary>Fits the ranker on <paramref name="goldFile"/> and scores it there and on <paramref name="devFile"/>.</summary>
    public static RankerFitResult FitRanker(string goldFile, string? devFile, double l2, ConceptSettings settings, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger<ConceptIndex>();
        var documents = KeyphraseEvaluator.Read(goldFile);
        var terms = KeyphraseRun.Analyze(documents, cancellationToken);
        var (rows, labels) = KeyphraseRun.TrainingData(documents, terms, settings, logger);
        var positives = labels.Count(l => l);
        if (positives == 0 || positives == labels.Count)
        {
            throw new PaperGraphException(ErrorCodes.InvalidArgument,
                $"{goldFile}: {(positives == 0 ? "no" : "every")} candidate concept matches a gold keyphrase, so there is nothing to learn from.");
        }

        var ranker = ConceptRanker.Fit(rows, labels, l2);

        // The benchmark's terms are reused; only the index is built again, with the fitted weights.
        var scores = new List<(string, KeyphraseEvaluation)> { (Path.GetFileName(goldFile), Score(documents, terms)) };
        if (devFile is not null)
        {
            var devDocuments = KeyphraseEvaluator.Read(devFile);
            scores.Add((Path.GetFileName(devFile), Score(devDocuments, KeyphraseRun.Analyze(devDocuments, cancellationToken))));
        }

        return new RankerFitResult(ranker, documents.Count, rows.Count, positives, scores);

        KeyphraseEvaluation Score(List<KeyphraseDocument> set, DocumentTerms[] setTerms)
        {
            var fitted = ConceptIndex.Build(setTerms, settings with { Ranker = ranker }, logger);
            return KeyphraseEvaluator.Score(set.Select(d => (d, (IReadOnlyList<string>)KeyphraseRun.Predictions(fitted, d.Id))).ToList(), [5, 10, 15]);
        }
    }
}

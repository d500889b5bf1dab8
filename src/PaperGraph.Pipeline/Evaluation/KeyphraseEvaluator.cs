using System.Text;
using System.Text.Json;
using PaperGraph.Core;

namespace PaperGraph.Pipeline.Evaluation;

/// <summary>A document of a keyphrase benchmark with its gold keyphrases.</summary>
public sealed record KeyphraseDocument(string Id, string Title, string Abstract, IReadOnlyList<string> Gold);

/// <summary>Precision, recall and F1 at one cut-off, macro-averaged over documents.</summary>
public sealed record KeyphraseScores(int K, double Precision, double Recall, double F1);

/// <summary>Scores over all gold keyphrases and over those present in the text.</summary>
public sealed record KeyphraseEvaluation(int Documents, IReadOnlyList<KeyphraseScores> All, IReadOnlyList<KeyphraseScores> Present);

/// <summary>The standard keyphrase-extraction protocol (as used for Inspec since Hulth 2003).</summary>
/// <remarks>
/// Every phrase is lower-cased, split into tokens at anything that is not a letter or digit, each token is
/// Porter-stemmed, and phrases match when their stemmed token sequences are equal. Predictions and gold phrases are
/// de-duplicated after stemming (first occurrence kept). For each document and cut-off k: P@k = correct in the top k
/// / k, R@k = correct in the top k / number of gold phrases, F1@k their harmonic mean (0 when both are 0); the three
/// are averaged over documents. "Present" keeps only gold phrases whose stemmed tokens occur contiguously in the
/// stemmed title and abstract (documents left with none are not counted there).
/// </remarks>
public static class KeyphraseEvaluator
{
    /// <summary>Reads a benchmark file: JSON Lines with <c>id</c>, <c>title</c>, <c>abstract</c> and <c>keyphrases</c>.</summary>
    public static List<KeyphraseDocument> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new PaperGraphException(ErrorCodes.PathNotFound, $"keyphrase file not found: '{path}'.");
        }

        var documents = new List<KeyphraseDocument>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(text);
                var root = json.RootElement;
                var id = root.TryGetProperty("id", out var i) ? i.ToString() : line.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
                if (!root.TryGetProperty("abstract", out var a) || a.ValueKind != JsonValueKind.String
                    || !root.TryGetProperty("keyphrases", out var k) || k.ValueKind != JsonValueKind.Array)
                {
                    throw new PaperGraphException(ErrorCodes.MalformedJson, $"{path}:{line}: expected an object with \"abstract\" (string) and \"keyphrases\" (array of strings).");
                }

                documents.Add(new KeyphraseDocument(id, title, a.GetString()!, k.EnumerateArray().Select(p => p.GetString() ?? "").Where(p => p.Length > 0).ToList()));
            }
            catch (JsonException e)
            {
                throw new PaperGraphException(ErrorCodes.MalformedJson, $"{path}:{line}: not valid JSON ({e.Message}).", e);
            }
        }

        return documents;
    }

    /// <summary>Scores ranked predictions against gold phrases at each cut-off in <paramref name="ks"/>.</summary>
    public static KeyphraseEvaluation Score(IReadOnlyList<(KeyphraseDocument Document, IReadOnlyList<string> Predicted)> results, IReadOnlyList<int> ks)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(ks);
        var all = new double[ks.Count, 3];
        var present = new double[ks.Count, 3];
        var presentDocuments = 0;
        foreach (var (document, predicted) in results)
        {
            var gold = Unique(document.Gold);
            var predictions = Unique(predicted);
            var text = " " + Normalize(document.Title + " . " + document.Abstract) + " ";
            var presentGold = gold.Where(g => text.Contains(" " + g + " ", StringComparison.Ordinal)).ToList();
            presentDocuments += presentGold.Count > 0 ? 1 : 0;
            for (var i = 0; i < ks.Count; i++)
            {
                Add(all, i, predictions, gold, ks[i]);
                if (presentGold.Count > 0)
                {
                    Add(present, i, predictions, presentGold, ks[i]);
                }
            }
        }

        return new KeyphraseEvaluation(results.Count, Average(all, ks, results.Count), Average(present, ks, presentDocuments));
    }

    /// <summary>The protocol's form of a phrase: lower case, tokens at non-alphanumerics, each Porter-stemmed, joined by spaces.</summary>
    public static string Normalize(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var result = new StringBuilder(phrase.Length);
        var token = new StringBuilder();
        foreach (var c in phrase.ToLowerInvariant().Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                token.Append(c);
            }
            else if (token.Length > 0)
            {
                if (result.Length > 0)
                {
                    result.Append(' ');
                }

                result.Append(PorterStemmer.Stem(token.ToString()));
                token.Clear();
            }
        }

        return result.ToString();
    }

    private static List<string> Unique(IEnumerable<string> phrases)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = new List<string>();
        foreach (var phrase in phrases)
        {
            var normalized = Normalize(phrase);
            if (normalized.Length > 0 && seen.Add(normalized))
            {
                unique.Add(normalized);
            }
        }

        return unique;
    }

    private static void Add(double[,] sums, int i, List<string> predictions, List<string> gold, int k)
    {
        var goldSet = gold.ToHashSet(StringComparer.Ordinal);
        var correct = predictions.Take(k).Count(goldSet.Contains);
        var precision = (double)correct / k;
        var recall = gold.Count == 0 ? 0 : (double)correct / gold.Count;
        sums[i, 0] += precision;
        sums[i, 1] += recall;
        sums[i, 2] += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static List<KeyphraseScores> Average(double[,] sums, IReadOnlyList<int> ks, int documents) =>
        ks.Select((k, i) => documents == 0
            ? new KeyphraseScores(k, 0, 0, 0)
            : new KeyphraseScores(k, sums[i, 0] / documents, sums[i, 1] / documents, sums[i, 2] / documents)).ToList();
}

using System.Globalization;
using System.Text;
using PaperGraph.Core;

namespace PaperGraph.Concepts;

/// <summary>What the ranker knows of one concept in one document, gathered while the document is scored.</summary>
/// <param name="Weighted">Mentions, those inside a longer term counted at <see cref="ConceptSettings.NestedWeight"/>.</param>
/// <param name="InTitle">Whether the title mentions it.</param>
/// <param name="FirstToken">Token index of the first mention.</param>
/// <param name="FirstSentence">Sentence index of the first mention.</param>
/// <param name="SentencesWithIt">Sentences that mention it.</param>
/// <param name="Words">Words of its key (<c>of</c> left out).</param>
/// <param name="IsAbbreviation">Whether it is an abbreviation with a long form.</param>
/// <param name="OnlyNested">Whether every mention here is inside a longer term.</param>
/// <param name="OfPhrase">Whether it is an <c>X of Y</c> phrase.</param>
/// <param name="ParticipleFirst">Whether its first word reads as a participle (<c>proposed</c>, <c>developed</c>).</param>
/// <param name="PhraseIdf">ln((N + 1) / (df + 0.5)), from the concept's documents.</param>
/// <param name="WordScore">Sum over its words of their count in the document times their IDF.</param>
/// <param name="Contained">Whether its words are part of another concept of the document.</param>
/// <param name="ContainsOther">Whether another concept of the document is part of it.</param>
/// <param name="FirstWordRidf">Residual IDF of its first word over the corpus's terms: low for modifiers spread over every topic (<c>main</c>, <c>first</c>).</param>
/// <param name="HeadWordRidf">Residual IDF of its last word.</param>
/// <param name="MeanWordRidf">Mean residual IDF of its words.</param>
/// <param name="MaxWordIdf">IDF of its rarest word.</param>
public readonly record struct RankerInput(
    double Weighted, bool InTitle, int FirstToken, int FirstSentence, int SentencesWithIt, int Words, bool IsAbbreviation, bool OnlyNested,
    bool OfPhrase, bool ParticipleFirst, double PhraseIdf, double WordScore, bool Contained, bool ContainsOther,
    double FirstWordRidf, double HeadWordRidf, double MeanWordRidf, double MaxWordIdf);

/// <summary>The document-level figures every concept's features are scaled by.</summary>
/// <param name="Documents">Documents in the corpus (N).</param>
/// <param name="Tokens">Tokens in the document.</param>
/// <param name="Sentences">Sentences in the document.</param>
/// <param name="MaxWordScore">Largest <see cref="RankerInput.WordScore"/> in the document.</param>
/// <param name="MaxHeuristicScore">Largest <see cref="ConceptRanker.HandSetScore"/> in the document.</param>
/// <param name="MaxWeighted">Largest <see cref="RankerInput.Weighted"/> in the document.</param>
public readonly record struct RankerContext(int Documents, int Tokens, int Sentences, double MaxWordScore, double MaxHeuristicScore, double MaxWeighted);

/// <summary>
/// A logistic-regression ranker of a document's concepts: the probability that a concept is one an indexer would
/// name for the paper, from features that do not grow with the corpus.
/// </summary>
/// <remarks>
/// <para>
/// Every feature is a ratio, a flag or a value scaled by the document or by log N, so weights fitted on a
/// benchmark of a thousand abstracts rank the same way in a corpus of two hundred thousand: the IDFs are divided by
/// ln(N + 1.5), residual IDFs (already ratios) are capped at 4, the word TF-IDF and the hand-set score by their largest value in the document, positions by the
/// document's length.
/// </para>
/// <para>
/// <see cref="Default"/> holds the weights that <c>papergraph eval fit-ranker</c> fits on the Inspec training split
/// (<c>inspec-train.jsonl</c>, 1,000 abstracts); see the README.
/// </para>
/// </remarks>
public sealed class ConceptRanker
{
    /// <summary>Names of the features, in order; the first is the bias.</summary>
    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "bias", "log-count", "title", "first-sentence", "position", "one-word", "three-words", "four-words-or-more",
        "abbreviation", "phrase-idf", "word-tfidf", "word-tfidf-mean", "heuristic", "contained", "contains-other",
        "only-nested", "of-phrase", "participle-first", "spread", "count-share", "first-word-ridf", "head-word-ridf", "mean-word-ridf", "max-word-idf",
    ];

    /// <summary>Number of features, bias included.</summary>
    public static int FeatureCount => FeatureNames.Count;

    private readonly double[] _weights;

    /// <summary>Creates a ranker with these weights, one per <see cref="FeatureNames"/> entry.</summary>
    public ConceptRanker(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != FeatureCount)
        {
            throw new ArgumentException($"A ranker needs {FeatureCount} weights, not {weights.Count}.", nameof(weights));
        }

        _weights = [.. weights];
    }

    /// <summary>The weights, one per <see cref="FeatureNames"/> entry.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The shipped weights (fitted on Inspec train).</summary>
    /// <remarks>Printed by <c>papergraph eval fit-ranker --gold inspec-train.jsonl</c> with the default settings and <c>--l2 0.001</c>.</remarks>
    public static ConceptRanker Default { get; } = new(
    [
        -3.7142931932866214, // bias
        0.24418136618654754, // log-count
        -0.06371100627264296, // title
        1.247849382131972, // first-sentence
        -0.0352927256617104, // position
        -1.1518663456471196, // one-word
        0.40229656571073585, // three-words
        0.10228461780688533, // four-words-or-more
        0.1446143487068263, // abbreviation
        1.8520486390789932, // phrase-idf
        0.1080351301009697, // word-tfidf
        -0.29223599370255604, // word-tfidf-mean
        -0.07332120521473806, // heuristic
        -0.6626075338326256, // contained
        -0.04499893573043607, // contains-other
        -1.1690146975643039, // only-nested
        -1.2074579814641222, // of-phrase
        -0.25320179520489805, // participle-first
        0.20281196701107157, // spread
        0.025179181902821503, // count-share
        0.19037760612005725, // first-word-ridf
        0.1692835525132282, // head-word-ridf
        0.464684027569602, // mean-word-ridf
        0.5727760562203428, // max-word-idf
    ]);

    /// <summary>Writes the features of <paramref name="input"/> into <paramref name="features"/> (length <see cref="FeatureCount"/>).</summary>
    public static void Features(in RankerInput input, in RankerContext context, Span<double> features)
    {
        var logN = Math.Log(context.Documents + 1.5);
        features[0] = 1;
        features[1] = Math.Log(1 + input.Weighted);
        features[2] = input.InTitle ? 1 : 0;
        features[3] = 1.0 / (1 + input.FirstSentence);
        features[4] = context.Tokens > 0 ? (double)input.FirstToken / context.Tokens : 0;
        features[5] = input.Words == 1 && !input.IsAbbreviation ? 1 : 0;
        features[6] = input.Words == 3 ? 1 : 0;
        features[7] = input.Words >= 4 ? 1 : 0;
        features[8] = input.IsAbbreviation ? 1 : 0;
        features[9] = input.PhraseIdf / logN;
        features[10] = context.MaxWordScore > 0 ? input.WordScore / context.MaxWordScore : 0;
        features[11] = input.Words > 0 ? input.WordScore / (input.Words * logN * Math.Max(1, input.Weighted)) : 0;
        features[12] = context.MaxHeuristicScore > 0 ? HandSetScore(input) / context.MaxHeuristicScore : 0;
        features[13] = input.Contained ? 1 : 0;
        features[14] = input.ContainsOther ? 1 : 0;
        features[15] = input.OnlyNested ? 1 : 0;
        features[16] = input.OfPhrase ? 1 : 0;
        features[17] = input.ParticipleFirst ? 1 : 0;
        features[18] = context.Sentences > 0 ? (double)input.SentencesWithIt / context.Sentences : 0;
        features[19] = context.MaxWeighted > 0 ? input.Weighted / context.MaxWeighted : 0;
        features[20] = Math.Clamp(input.FirstWordRidf, 0, 4);
        features[21] = Math.Clamp(input.HeadWordRidf, 0, 4);
        features[22] = Math.Clamp(input.MeanWordRidf, 0, 4);
        features[23] = input.MaxWordIdf / logN;
    }

    /// <summary>
    /// The score PaperGraph used before the ranker, kept as one of its features: log frequency times the phrase's
    /// and its words' TF-IDF, raised by 1.5 in the title and by 1 + 3 / (1 + first sentence), lowered by 0.3 for one
    /// word.
    /// </summary>
    public static double HandSetScore(in RankerInput input) =>
        (1 + Math.Log(Math.Max(1, input.Weighted))) * (input.WordScore + input.PhraseIdf)
        * (input.InTitle ? 1.5 : 1.0)
        * (1 + 3.0 / (1 + input.FirstSentence))
        * (input.Words == 1 && !input.IsAbbreviation ? 0.3 : 1.0);

    /// <summary>The probability the model gives to a concept with these features.</summary>
    public double Score(ReadOnlySpan<double> features)
    {
        var z = 0.0;
        for (var i = 0; i < _weights.Length; i++)
        {
            z += _weights[i] * features[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// Fits the weights by L2-regularised logistic regression, full-batch gradient descent on standardised features;
    /// deterministic.
    /// </summary>
    /// <param name="rows">Feature vectors (length <see cref="FeatureCount"/>, bias first).</param>
    /// <param name="labels">Whether each row is a gold keyphrase.</param>
    /// <param name="l2">Regularisation strength.</param>
    /// <param name="iterations">Gradient steps.</param>
    public static ConceptRanker Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, double l2 = 1e-3, int iterations = 2000)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (rows.Count == 0 || rows.Count != labels.Count)
        {
            throw new ArgumentException("Fitting needs as many labels as rows, and at least one row.", nameof(rows));
        }

        var k = FeatureCount;
        var mean = new double[k];
        var scale = new double[k];
        for (var j = 1; j < k; j++)
        {
            var sum = 0.0;
            foreach (var row in rows)
            {
                sum += row[j];
            }

            mean[j] = sum / rows.Count;
            var variance = 0.0;
            foreach (var row in rows)
            {
                variance += (row[j] - mean[j]) * (row[j] - mean[j]);
            }

            scale[j] = Math.Sqrt(variance / rows.Count) is var sd && sd > 1e-12 ? sd : 1;
        }

        var x = new double[rows.Count * k];
        for (var r = 0; r < rows.Count; r++)
        {
            x[r * k] = 1;
            for (var j = 1; j < k; j++)
            {
                x[r * k + j] = (rows[r][j] - mean[j]) / scale[j];
            }
        }

        // Gradient descent with Nesterov momentum; the loss is convex and the features standardised, so a fixed step works.
        var w = new double[k];
        var velocity = new double[k];
        var gradient = new double[k];
        var lookahead = new double[k];
        const double step = 0.5;
        const double momentum = 0.9;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            for (var j = 0; j < k; j++)
            {
                lookahead[j] = w[j] + momentum * velocity[j];
                gradient[j] = j == 0 ? 0 : l2 * lookahead[j];
            }

            for (var r = 0; r < rows.Count; r++)
            {
                var z = 0.0;
                for (var j = 0; j < k; j++)
                {
                    z += lookahead[j] * x[r * k + j];
                }

                var error = (1 / (1 + Math.Exp(-z)) - (labels[r] ? 1 : 0)) / rows.Count;
                for (var j = 0; j < k; j++)
                {
                    gradient[j] += error * x[r * k + j];
                }
            }

            for (var j = 0; j < k; j++)
            {
                velocity[j] = momentum * velocity[j] - step * gradient[j];
                w[j] += velocity[j];
            }
        }

        // Back to weights on the raw features.
        var raw = new double[k];
        raw[0] = w[0];
        for (var j = 1; j < k; j++)
        {
            raw[j] = w[j] / scale[j];
            raw[0] -= w[j] * mean[j] / scale[j];
        }

        return new ConceptRanker(raw);
    }

    /// <summary>Writes the weights as a ranker file: <c>feature&lt;TAB&gt;weight</c> per line, after a comment.</summary>
    public void Write(string path, string comment) => AtomicFile.WriteText(path, writer =>
    {
        foreach (var line in comment.Split('\n'))
        {
            writer.Write("# ");
            writer.Write(line);
            writer.Write('\n');
        }

        for (var i = 0; i < _weights.Length; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{FeatureNames[i]}\t{_weights[i]:R}\n"));
        }
    });

    /// <summary>Reads a ranker file written by <see cref="Write"/>: every feature once, by name, in any order.</summary>
    /// <exception cref="PaperGraphException">The file is missing or a line is malformed (file and line given).</exception>
    public static ConceptRanker Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new PaperGraphException(ErrorCodes.PathNotFound, $"ranker file not found: '{path}'.");
        }

        var weights = new double?[FeatureCount];
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var parts = text.Split('\t', StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                throw new PaperGraphException(ErrorCodes.MalformedRanker, $"{path}:{number}: expected 'feature<TAB>weight'.");
            }

            var feature = FeatureIndex(parts[0]);
            if (feature < 0)
            {
                throw new PaperGraphException(ErrorCodes.MalformedRanker,
                    $"{path}:{number}: unknown feature '{parts[0]}'; the features are {string.Join(", ", FeatureNames)}.");
            }

            if (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !double.IsFinite(weight))
            {
                throw new PaperGraphException(ErrorCodes.MalformedRanker, $"{path}:{number}: '{parts[1]}' is not a number.");
            }

            if (weights[feature] is not null)
            {
                throw new PaperGraphException(ErrorCodes.MalformedRanker, $"{path}:{number}: '{parts[0]}' is given twice.");
            }

            weights[feature] = weight;
        }

        var missing = FeatureNames.Where((_, i) => weights[i] is null).ToList();
        if (missing.Count > 0)
        {
            throw new PaperGraphException(ErrorCodes.MalformedRanker, $"{path}: no weight for {string.Join(", ", missing)}.");
        }

        return new ConceptRanker(weights.Select(w => w!.Value).ToArray());
    }

    private static int FeatureIndex(string name)
    {
        for (var i = 0; i < FeatureNames.Count; i++)
        {
            if (FeatureNames[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The weights as a C# collection expression, with names, for pasting into <see cref="Default"/>.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        for (var i = 0; i < _weights.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"        {_weights[i]:R}, // {FeatureNames[i]}\n");
        }

        return text.ToString();
    }
}

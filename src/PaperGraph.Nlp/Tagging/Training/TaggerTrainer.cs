using System.Diagnostics;

namespace PaperGraph.Nlp.Tagging.Training;

/// <summary>Settings of <see cref="TaggerTrainer"/>; validated on construction.</summary>
/// <param name="Iterations">Passes over the training data; the pass scoring best on the development data is kept.</param>
/// <param name="HashBits">log2 of the number of weight rows (19: 512k rows, 36 MB in memory; 18 and 20 scored no better on EWT dev).</param>
/// <param name="Seed">Seed of the shuffle between passes; the same data and seed give the same model, byte for byte.</param>
/// <param name="DictionaryMinCount">A word enters the tag dictionary when seen at least this often...</param>
/// <param name="DictionaryMinShare">...with one tag at least this share of the time.</param>
/// <param name="LexiconMinCount">A word's set of training tags becomes a feature when it was seen at least this often.</param>
/// <param name="TwoPass">Also train a second pass that sees the first pass's tags on the right (measured on EWT dev: +0.1 points, less than half the tagging speed).</param>
/// <param name="Folds">Jackknife folds used to give the second pass realistic first-pass tags.</param>
/// <param name="Models">First-pass models trained on different shuffles and averaged into one (same tagging cost).</param>
public sealed record TaggerTrainingSettings(
    int Iterations = 15, int HashBits = 19, int Seed = 1, int DictionaryMinCount = 20, double DictionaryMinShare = 0.995,
    int LexiconMinCount = 1, bool TwoPass = false, int Folds = 5, int Models = 6)
{
    /// <summary>Checks the settings.</summary>
    public TaggerTrainingSettings Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(HashBits, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HashBits, 26);
        ArgumentOutOfRangeException.ThrowIfLessThan(DictionaryMinCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Folds, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(Models, 1);
        if (DictionaryMinShare is <= 0.5 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(DictionaryMinShare), DictionaryMinShare, "must be in (0.5, 1].");
        }

        return this;
    }
}

/// <summary>Progress of one training iteration.</summary>
/// <param name="Stage">What is being trained: "pass 1", "pass 2", or "fold k" (a first-pass model for jackknifing).</param>
public sealed record TrainingPass(string Stage, int Iteration, int Iterations, double TrainAccuracy, double? DevAccuracy, bool Best, TimeSpan Elapsed);

/// <summary>Trains the averaged-perceptron tagger on sentences with gold UPOS tags.</summary>
/// <remarks>
/// <para>
/// Collins (2002): greedy decoding with the current weights; on a wrong guess, +1 to the gold tag's weights and -1 to
/// the guess's for every feature. The model returned holds weights averaged over every update step (kept lazily: each
/// weight remembers when it last changed). Sentences are shuffled before each iteration with a fixed seed.
/// </para>
/// <para>
/// With <see cref="TaggerTrainingSettings.TwoPass"/>, a second model re-tags each sentence seeing the first pass's tags
/// of the words to its right (stacking). Its training data gets first-pass tags by jackknifing: the training set is cut
/// into folds and each fold is tagged by a first-pass model trained on the others, so the second pass learns from
/// first-pass errors as frequent as on unseen text.
/// </para>
/// </remarks>
/// <param name="settings">The training settings.</param>
/// <param name="clusters">Word clusters learned from unlabelled text (<c>papergraph tagger clusters</c>) for the cluster features, or null for none.</param>
public sealed class TaggerTrainer(TaggerTrainingSettings settings, WordClusters? clusters = null)
{
    private readonly TaggerTrainingSettings _settings = settings.Validate();
    private readonly WordClusters? _clusters = clusters;

    /// <summary>Trains on <paramref name="train"/>; with <paramref name="dev"/>, keeps the iteration that scores best on it.</summary>
    public TaggerModel Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, Action<TrainingPass>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        var stopwatch = Stopwatch.StartNew();
        var (dictionary, lexicon) = BuildDictionaries(train);

        // Each training sentence sees the lexicon of the other folds only: with the full lexicon a rare word's tag set
        // would always contain its gold tag, a hint that unseen text never gives (measured: -1.1 points on EWT dev).
        var foldLexicons = Enumerable.Range(0, _settings.Folds)
            .Select(f => BuildDictionaries(train.Where((_, i) => i % _settings.Folds != f).ToList()).Lexicon)
            .ToArray();
        var examples = Prepare(train, i => foldLexicons[i % _settings.Folds]);
        var devExamples = dev is null ? null : Prepare(dev, _ => lexicon);
        var context = new StageContext(new UIntMap(dictionary.ToDictionary(e => e.Key, e => (uint)e.Value)), _settings.HashBits, stopwatch, progress, cancellationToken);

        var (first, firstIterations) = TrainStage("pass 1", context, examples, null, devExamples, null, _settings.Iterations, _settings.Seed);
        for (var extra = 1; extra < _settings.Models; extra++)
        {
            // Models trained on other shuffles are averaged into one table: a linear model, so tagging costs the same.
            var (other, _) = TrainStage($"pass 1, model {extra + 1}/{_settings.Models}", context, examples, null, devExamples, null, _settings.Iterations, _settings.Seed + extra);
            for (var w = 0; w < first.Length; w++)
            {
                first[w] += other[w];
            }
        }
        if (!_settings.TwoPass)
        {
            return new TaggerModel(_settings.HashBits, first, null, dictionary, lexicon, _clusters);
        }

        var jackknifed = new byte[examples.Length][];
        for (var fold = 0; fold < _settings.Folds; fold++)
        {
            var others = examples.Where((_, i) => i % _settings.Folds != fold).ToArray();
            var (weights, _) = TrainStage($"fold {fold + 1}/{_settings.Folds}", context, others, null, null, null, firstIterations);
            for (var i = fold; i < examples.Length; i += _settings.Folds)
            {
                jackknifed[i] = new byte[examples[i].Words.Length];
                GreedyDecoder.Decode(examples[i].Words, weights, _settings.HashBits, context.Dictionary, [], jackknifed[i]);
            }
        }

        byte[][]? devFirst = null;
        if (devExamples is not null)
        {
            devFirst = devExamples.Select(e =>
            {
                var tags = new byte[e.Words.Length];
                GreedyDecoder.Decode(e.Words, first, _settings.HashBits, context.Dictionary, [], tags);
                return tags;
            }).ToArray();
        }

        var (second, _) = TrainStage("pass 2", context, examples, jackknifed, devExamples, devFirst, _settings.Iterations);
        return new TaggerModel(_settings.HashBits, first, second, dictionary, lexicon, _clusters);
    }

    private sealed record StageContext(UIntMap Dictionary, int Bits, Stopwatch Stopwatch, Action<TrainingPass>? Progress, CancellationToken CancellationToken);

    /// <summary>Trains one weight table; returns the best averaged weights and the iteration they come from.</summary>
    private (float[] Weights, int Iterations) TrainStage(
        string stage, StageContext context, (WordHashes[] Words, int[] Gold)[] examples, byte[][]? firstPass,
        (WordHashes[] Words, int[] Gold)[]? dev, byte[][]? devFirstPass, int iterations, int? seed = null)
    {
        var classes = PosTags.Count;
        var bits = context.Bits;
        var size = (1 << bits) * classes;
        var weights = new float[size];
        var totals = new double[size];
        var stamps = new int[size];
        var step = 0;

        float[]? best = null;
        var bestIteration = iterations;
        var bestAccuracy = -1.0;
        var order = Enumerable.Range(0, examples.Length).ToArray();
        var random = new Random(seed ?? _settings.Seed);
        var second = firstPass is not null;
        var features = new uint[second ? TaggerFeatures.SecondPassCount : TaggerFeatures.Count];
        var scores = new float[classes];

        for (var iteration = 1; iteration <= iterations; iteration++)
        {
            random.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var index in order)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var (words, gold) = examples[index];
                var first = second ? firstPass![index] : [];
                int previous = -1, previous2 = -1;
                for (var i = 0; i < words.Length; i++)
                {
                    int guess;
                    if (context.Dictionary.TryGetValue(words[i].Cased, out var known))
                    {
                        guess = (int)known;
                    }
                    else
                    {
                        step++;
                        guess = GreedyDecoder.Predict(words, i, previous, previous2, first, weights, bits, features, scores);
                        var truth = gold[i];
                        if (truth >= 0 && guess != truth)
                        {
                            foreach (var feature in features)
                            {
                                var row = Perceptron.Row(feature, bits) * classes;
                                Update(row + truth, 1f);
                                Update(row + guess, -1f);
                            }
                        }
                    }

                    if (gold[i] >= 0)
                    {
                        total++;
                        correct += guess == gold[i] ? 1 : 0;
                    }

                    previous2 = previous;
                    previous = guess;
                }
            }

            var averaged = Average(weights, totals, stamps, step);
            double? devAccuracy = null;
            var isBest = dev is null;
            if (dev is not null)
            {
                devAccuracy = Accuracy(dev, devFirstPass, averaged, context);
                isBest = devAccuracy > bestAccuracy;
                if (isBest)
                {
                    bestAccuracy = devAccuracy.Value;
                }
            }

            if (isBest)
            {
                best = averaged;
                bestIteration = iteration;
            }

            context.Progress?.Invoke(new TrainingPass(stage, iteration, iterations, (double)correct / Math.Max(1, total), devAccuracy, isBest, context.Stopwatch.Elapsed));
        }

        return (best!, bestIteration);

        void Update(int index, float delta)
        {
            totals[index] += (double)(step - stamps[index]) * weights[index];
            stamps[index] = step;
            weights[index] += delta;
        }
    }

    private static double Accuracy((WordHashes[] Words, int[] Gold)[] dev, byte[][]? firstPass, float[] weights, StageContext context)
    {
        int correct = 0, total = 0;
        var tags = new byte[dev.Length == 0 ? 0 : dev.Max(d => d.Words.Length)];
        for (var s = 0; s < dev.Length; s++)
        {
            var (words, gold) = dev[s];
            GreedyDecoder.Decode(words, weights, context.Bits, context.Dictionary, firstPass is null ? [] : firstPass[s], tags);
            for (var i = 0; i < words.Length; i++)
            {
                if (gold[i] >= 0)
                {
                    total++;
                    correct += tags[i] == gold[i] ? 1 : 0;
                }
            }
        }

        return (double)correct / Math.Max(1, total);
    }

    private static float[] Average(float[] weights, double[] totals, int[] stamps, int step)
    {
        var averaged = new float[weights.Length];
        if (step == 0)
        {
            return averaged;
        }

        for (var i = 0; i < weights.Length; i++)
        {
            averaged[i] = (float)((totals[i] + (double)(step - stamps[i]) * weights[i]) / step);
        }

        return averaged;
    }

    private (WordHashes[] Words, int[] Gold)[] Prepare(IReadOnlyList<ConlluSentence> sentences, Func<int, Dictionary<uint, uint>> lexiconFor)
    {
        var examples = new (WordHashes[], int[])[sentences.Count];
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s].Words;
            var lexicon = lexiconFor(s);
            var words = new WordHashes[sentence.Count];
            var gold = new int[sentence.Count];
            for (var i = 0; i < sentence.Count; i++)
            {
                TaggerFeatures.Hash(sentence[i].Form, i == 0, out words[i]);
                words[i].Ambiguity = lexicon.GetValueOrDefault(words[i].Lower);
                words[i].CasedAmbiguity = lexicon.GetValueOrDefault(TaggerFeatures.CasedKey(words[i].Cased));
                _clusters?.Fill(ref words[i]);
                gold[i] = sentence[i].Upos is { } tag ? (int)tag : -1;
            }

            examples[s] = (words, gold);
        }

        return examples;
    }

    /// <summary>
    /// The tag dictionary (frequent words seen with one tag nearly always, tagged without scoring, as Honnibal's
    /// tagger does) and the lexicon (each word's set of tags, by lower-cased form).
    /// </summary>
    private (Dictionary<uint, PosTag> Dictionary, Dictionary<uint, uint> Lexicon) BuildDictionaries(IReadOnlyList<ConlluSentence> sentences)
    {
        var lower = new Dictionary<uint, (int Count, uint Mask)>();
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var word in sentence.Words)
            {
                if (word.Upos is not { } tag)
                {
                    continue;
                }

                if (!counts.TryGetValue(word.Form, out var perTag))
                {
                    counts[word.Form] = perTag = new int[PosTags.Count];
                }

                perTag[(int)tag]++;
                TaggerFeatures.Hash(word.Form, sentenceStart: false, out var hashes);
                var (count, mask) = lower.GetValueOrDefault(hashes.Lower);
                lower[hashes.Lower] = (count + 1, mask | 1u << (int)tag);
                var casedKey = TaggerFeatures.CasedKey(hashes.Cased);
                (count, mask) = lower.GetValueOrDefault(casedKey);
                lower[casedKey] = (count + 1, mask | 1u << (int)tag);
            }
        }

        var dictionary = new Dictionary<uint, PosTag>();
        foreach (var (form, perTag) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var total = perTag.Sum();
            var top = Array.IndexOf(perTag, perTag.Max());
            if (total >= _settings.DictionaryMinCount && perTag[top] >= _settings.DictionaryMinShare * total)
            {
                TaggerFeatures.Hash(form, sentenceStart: false, out var hashes);
                dictionary[hashes.Cased] = (PosTag)top;
            }
        }

        var lexicon = new Dictionary<uint, uint>();
        foreach (var (hash, (count, mask)) in lower)
        {
            if (count >= _settings.LexiconMinCount)
            {
                lexicon[hash] = mask;
            }
        }

        return (dictionary, lexicon);
    }
}

using System.Diagnostics;

namespace PaperGraph.Nlp.Tagging.Training;

/// <summary>UPOS accuracy of a tagger on gold-tokenised sentences.</summary>
/// <param name="Tokens">Words with a gold tag.</param>
/// <param name="Correct">Of those, the words tagged as the gold tag.</param>
/// <param name="Sentences">Sentences tagged.</param>
/// <param name="Elapsed">Time spent tagging (not reading).</param>
/// <param name="Confusions">Count of (gold, predicted) pairs that differ, most frequent first.</param>
/// <param name="UnknownTokens">Words (with a gold tag) whose lower-cased form the model never saw in training.</param>
/// <param name="UnknownCorrect">Of those, the words tagged correctly.</param>
public sealed record TaggingEvaluation(int Tokens, int Correct, int Sentences, TimeSpan Elapsed, IReadOnlyList<(PosTag Gold, PosTag Predicted, int Count)> Confusions, int UnknownTokens = 0, int UnknownCorrect = 0)
{
    /// <summary>Share of unknown words tagged correctly.</summary>
    public double UnknownAccuracy => UnknownTokens == 0 ? 0 : (double)UnknownCorrect / UnknownTokens;

    /// <summary>Share of words tagged correctly.</summary>
    public double Accuracy => Tokens == 0 ? 0 : (double)Correct / Tokens;

    /// <summary>
    /// Share of words tagged correctly or within the pairs NOUN/PROPN and PUNCT/SYM, which noun-phrase chunking nearly
    /// always treats alike: how often the tagger's mistakes can change a concept term.
    /// </summary>
    public double ChunkingAccuracy => Tokens == 0 ? 0
        : (double)(Correct + Confusions.Where(c => SameForChunking(c.Gold, c.Predicted)).Sum(c => c.Count)) / Tokens;

    private static bool SameForChunking(PosTag a, PosTag b) =>
        a is PosTag.Noun or PosTag.ProperNoun && b is PosTag.Noun or PosTag.ProperNoun
        || a is PosTag.Punctuation or PosTag.Symbol && b is PosTag.Punctuation or PosTag.Symbol;

    /// <summary>Tagging speed.</summary>
    public double TokensPerSecond => Elapsed.TotalSeconds == 0 ? 0 : Tokens / Elapsed.TotalSeconds;
}

/// <summary>Measures a tagger on CoNLL-U sentences with the file's own tokenisation.</summary>
public static class TaggerEvaluator
{
    /// <summary>Tags every sentence and compares with its gold UPOS tags (words whose tag is <c>_</c> are not counted).</summary>
    public static TaggingEvaluation Evaluate(PosTagger tagger, IEnumerable<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(sentences);
        // Which words the model never saw is decided before timing, so the timed loop only tags.
        var lexicon = tagger.Model.Lexicon;
        var prepared = sentences.Select(s =>
        {
            var forms = s.Forms();
            var unseen = forms.Select(f =>
            {
                TaggerFeatures.Hash(f, sentenceStart: false, out var hashes);
                return !lexicon.ContainsKey(hashes.Lower);
            }).ToArray();
            return (Forms: forms, s.Words, Unseen: unseen);
        }).ToList();
        var confusion = new int[PosTags.Count, PosTags.Count];
        var tags = new PosTag[Math.Max(1, prepared.Count == 0 ? 1 : prepared.Max(p => p.Forms.Length))];

        var stopwatch = Stopwatch.StartNew();
        int tokens = 0, correct = 0, unknown = 0, unknownCorrect = 0;
        foreach (var (forms, words, unseen) in prepared)
        {
            tagger.Tag(forms, tags);
            for (var i = 0; i < words.Count; i++)
            {
                if (words[i].Upos is not { } gold)
                {
                    continue;
                }

                tokens++;
                if (unseen[i])
                {
                    unknown++;
                    unknownCorrect += tags[i] == gold ? 1 : 0;
                }

                if (tags[i] == gold)
                {
                    correct++;
                }
                else
                {
                    confusion[(int)gold, (int)tags[i]]++;
                }
            }
        }

        stopwatch.Stop();
        var confusions = new List<(PosTag, PosTag, int)>();
        for (var g = 0; g < PosTags.Count; g++)
        {
            for (var p = 0; p < PosTags.Count; p++)
            {
                if (confusion[g, p] > 0)
                {
                    confusions.Add(((PosTag)g, (PosTag)p, confusion[g, p]));
                }
            }
        }

        confusions.Sort((a, b) => b.Item3.CompareTo(a.Item3));

        return new TaggingEvaluation(tokens, correct, prepared.Count, stopwatch.Elapsed, confusions, unknown, unknownCorrect);
    }
}

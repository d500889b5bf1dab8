using System.Runtime.InteropServices;
using PaperGraph.Core;

namespace PaperGraph.Concepts.Index;

/// <summary>
/// Scores each concept in each document with <see cref="ConceptRanker"/>: the probability that it is one of the
/// document's keyphrases, from its frequency, position and form there and from corpus statistics scaled so that they do
/// not grow with the corpus; then each concept's keyphraseness and relevance from those scores.
/// </summary>
internal sealed class ConceptScorer
{
    private readonly int _n;
    private readonly double _nestedWeight;
    private readonly ConceptRanker _ranker;
    private readonly Action<string, IReadOnlyList<(string Key, double[] Features)>>? _featureSink;

    /// <summary>A scorer for a corpus of <paramref name="documents"/> documents.</summary>
    /// <param name="featureSink">Called with each document's id and its candidates' features, from several threads at once; or null.</param>
    public ConceptScorer(int documents, ConceptSettings settings, Action<string, IReadOnlyList<(string Key, double[] Features)>>? featureSink)
    {
        _n = documents;
        _nestedWeight = settings.NestedWeight;
        _ranker = settings.Ranker ?? ConceptRanker.Default;
        _featureSink = featureSink;
    }

    /// <summary>Each document's concepts, best first, in corpus order; sets each concept's <see cref="Concept.Keyphraseness"/> and <see cref="Concept.Relevance"/>.</summary>
    /// <param name="conceptById">The concepts kept, by concept id; null for one dropped, which is not scored.</param>
    /// <param name="resolved">Every document, resolved, in corpus order.</param>
    public ScoredDocument[] Score(IEnumerable<ResolvedBatch> resolved, Concept?[] conceptById, WordStatistics words,
        IProgress<PipelineProgress>? progress = null)
    {
        // Scores per document; documents are independent from here on, so they are scored in parallel, each
        // thread reusing its own tables.
        var (wordIdf, wordRidf, wordsOfKey) = (words.Idf, words.ResidualIdf, words.WordsOfKey);
        var ranking = new ScoredDocument[_n];
        var scoreSum = new double[conceptById.Length];
        var scoreCount = new int[conceptById.Length];
        var counter = new ProgressCounter(progress, "concepts", "scores, keyphraseness and relevance", _n, "papers");
        foreach (var batch in resolved)
        {
            var scored = new (int[] Concepts, double[] Scores)[batch.Documents.Length];
            Parallel.For(0, batch.Documents.Length, () => new ScoreScratch(), (i, loop, scratch) =>
            {
                ScoreDocument(batch.Documents[i], scratch, out ranking[batch.Start + i], out scored[i]);
                return scratch;
            }, _ => { });

            // Keyphraseness, and relevance from it: the papers about the concept, not the papers that use the word;
            // summed in corpus order.
            foreach (var (ids, scores) in scored)
            {
                for (var i = 0; i < ids.Length; i++)
                {
                    scoreSum[ids[i]] += scores[i];
                    scoreCount[ids[i]]++;
                }
            }
        }

        for (var id = 0; id < conceptById.Length; id++)
        {
            if (conceptById[id] is { } concept && scoreCount[id] > 0)
            {
                concept.Keyphraseness = scoreSum[id] / scoreCount[id];
                concept.Relevance = concept.Documents * concept.Keyphraseness * concept.Keyphraseness;
            }
        }

        return ranking;

        void ScoreDocument(ResolvedDocument document, ScoreScratch scratch, out ScoredDocument ranked, out (int[] Concepts, double[] Scores) scored)
        {
            counter.Add();
            var mentions = document.Mentions;
            var wordCounts = scratch.WordCounts;
            wordCounts.Clear();
            foreach (var mention in mentions)
            {
                foreach (var word in wordsOfKey[mention.Key])
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(wordCounts, word, out _)++;
                }
            }

            // Per concept: weighted count, mentions, title, first token, first sentence, and its first mention.
            var stats = scratch.Stats;
            stats.Clear();
            for (var m = 0; m < mentions.Count; m++)
            {
                var mention = mentions[m];
                var id = mention.Concept;
                var nested = mention.Kind == MentionKind.Nested;
                var sentence = 1UL << Math.Clamp(mention.Sentence, 0, 63);
                ref var s = ref CollectionsMarshal.GetValueRefOrAddDefault(stats, id, out var seen);
                if (!seen)
                {
                    s = new MentionStats { First = mention.Token, FirstSentence = mention.Sentence, Mention = m };
                }

                s.Weighted += nested ? _nestedWeight : 1.0;
                s.Count++;
                s.InTitle |= mention.InTitle;
                s.First = Math.Min(s.First, mention.Token);
                s.FirstSentence = Math.Min(s.FirstSentence, mention.Sentence);
                s.Sentences |= sentence;
                s.Standalone |= !nested;
            }

            var candidates = scratch.Candidates;
            var inputs = scratch.Inputs;
            candidates.Clear();
            inputs.Clear();
            foreach (var (id, s) in stats)
            {
                if (conceptById[id] is not { } concept)
                {
                    continue;
                }

                var conceptWords = wordsOfKey[mentions[s.Mention].Key];
                var wordScore = 0.0;
                foreach (var word in conceptWords)
                {
                    wordScore += wordCounts.GetValueOrDefault(word) * wordIdf[word];
                }

                candidates.Add((concept, s));
                inputs.Add(new RankerInput(s.Weighted, s.InTitle, s.First, s.FirstSentence, System.Numerics.BitOperations.PopCount(s.Sentences), conceptWords.Length,
                    concept.LongForm is not null, !s.Standalone, concept.Key.Contains(" of ", StringComparison.Ordinal), ParticipleFirst(concept.Key),
                    Math.Log((_n + 1.0) / (concept.Documents + 0.5)), wordScore, false, false,
                    conceptWords.Length > 0 ? wordRidf[conceptWords[0]] : 0,
                    conceptWords.Length > 0 ? wordRidf[conceptWords[^1]] : 0,
                    Mean(conceptWords, wordRidf), Max(conceptWords, wordIdf)));
            }

            var scores = Rank(document, scratch);
            var ranks = new ScoredConcept[candidates.Count];
            var ids = new int[candidates.Count];
            for (var i = 0; i < candidates.Count; i++)
            {
                var (concept, s) = candidates[i];
                ranks[i] = new ScoredConcept(concept, s.Count, scores[i], s.InTitle, s.First, concept.Aliases.Stored(mentions[s.Mention].Surface), s.Sentences);
                ids[i] = mentions[s.Mention].Concept;
            }

            scored = (ids, scores);
            Array.Sort(ranks, Better);
            ranked = new ScoredDocument(document.Id, ranks);
        }
    }

    private static double Mean(int[] words, double[] values)
    {
        var sum = 0.0;
        foreach (var word in words)
        {
            sum += values[word];
        }

        return words.Length > 0 ? sum / words.Length : 0;
    }

    private static double Max(int[] words, double[] values)
    {
        var max = 0.0;
        foreach (var word in words)
        {
            max = Math.Max(max, values[word]);
        }

        return max;
    }

    /// <summary>
    /// The ranker's score of each of the document's candidates (<see cref="ScoreScratch.Candidates"/>, with their
    /// <see cref="ScoreScratch.Inputs"/>), in their order; their features go to the sink if there is one.
    /// </summary>
    private double[] Rank(ResolvedDocument document, ScoreScratch scratch)
    {
        var candidates = scratch.Candidates;
        var inputs = scratch.Inputs;
        var n = candidates.Count;
        scratch.Reserve(n);

        // Which concepts of the document are part of another, or contain one: every run of words of every key is
        // looked up among the document's keys.
        var keys = scratch.Keys;
        keys.Clear();
        for (var i = 0; i < n; i++)
        {
            keys[candidates[i].Concept.Key] = i;
        }

        var contained = scratch.Contained.AsSpan(0, n);
        var containsOther = scratch.ContainsOther.AsSpan(0, n);
        contained.Clear();
        containsOther.Clear();
        var lookup = keys.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<Range> words = stackalloc Range[16];
        for (var i = 0; i < n; i++)
        {
            var key = candidates[i].Concept.Key.AsSpan();
            var count = key.Split(words, ' ');
            if (count < 2 || count > words.Length)
            {
                continue;
            }

            for (var a = 0; a < count; a++)
            {
                for (var b = a; b < count; b++)
                {
                    if (b - a + 1 != count && lookup.TryGetValue(key[words[a].Start..words[b].End], out var j) && j != i)
                    {
                        contained[j] = true;
                        containsOther[i] = true;
                    }
                }
            }
        }

        double maxWord = 0, maxScore = 0, maxWeighted = 0;
        foreach (var input in inputs)
        {
            maxWord = Math.Max(maxWord, input.WordScore);
            maxScore = Math.Max(maxScore, ConceptRanker.HandSetScore(input));
            maxWeighted = Math.Max(maxWeighted, input.Weighted);
        }

        var context = new RankerContext(_n, document.Tokens, document.Sentences, maxWord, maxScore, maxWeighted);
        var rows = _featureSink is not null ? new List<(string, double[])>(n) : null;
        var scores = new double[n];
        Span<double> features = stackalloc double[ConceptRanker.FeatureCount];
        for (var i = 0; i < n; i++)
        {
            ConceptRanker.Features(inputs[i] with { Contained = contained[i], ContainsOther = containsOther[i] }, context, features);
            rows?.Add((candidates[i].Concept.Key, features.ToArray()));
            scores[i] = _ranker.Score(features);
        }

        if (rows is not null)
        {
            _featureSink!(document.Id, rows);
        }

        return scores;
    }

    /// <summary>What one document says of one concept, gathered over its mentions.</summary>
    private struct MentionStats
    {
        public double Weighted;
        public int Count;
        public bool InTitle;
        public int First;
        public int FirstSentence;
        public ulong Sentences;
        public bool Standalone;

        /// <summary>Index of its first mention in the document's mention list.</summary>
        public int Mention;
    }

    /// <summary>One scoring thread's reusable tables.</summary>
    private sealed class ScoreScratch
    {
        public Dictionary<int, int> WordCounts { get; } = [];

        public Dictionary<int, MentionStats> Stats { get; } = [];

        public List<(Concept Concept, MentionStats Stats)> Candidates { get; } = [];

        public List<RankerInput> Inputs { get; } = [];

        public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);

        public bool[] Contained { get; private set; } = [];

        public bool[] ContainsOther { get; private set; } = [];

        public void Reserve(int n)
        {
            if (Contained.Length < n)
            {
                Contained = new bool[Math.Max(n, 2 * Contained.Length)];
                ContainsOther = new bool[Contained.Length];
            }
        }
    }

    /// <summary>Whether a key's first word reads as a participle used as a modifier (<c>proposed</c>, <c>developed</c>).</summary>
    private static bool ParticipleFirst(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        return space > 4 && key.AsSpan(0, space).EndsWith("ed", StringComparison.Ordinal);
    }
    /// <summary>Best first: higher score, then earlier first mention, then key.</summary>
    private static int Better(ScoredConcept a, ScoredConcept b) =>
        b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.FirstToken != b.FirstToken ? a.FirstToken.CompareTo(b.FirstToken) : string.CompareOrdinal(a.Concept.Key, b.Concept.Key);
}

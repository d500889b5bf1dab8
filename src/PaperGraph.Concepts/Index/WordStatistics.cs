using System.Runtime.InteropServices;

namespace PaperGraph.Concepts.Index;

/// <summary>
/// Word statistics for the TF-IDF part of the score: each word's IDF, ln((N + 1) / (df + 0.5)), and residual IDF, by
/// word id; and each key's word ids.
/// </summary>
internal sealed class WordStatistics
{
    private WordStatistics(double[] idf, double[] residualIdf, int[][] wordsOfKey)
    {
        Idf = idf;
        ResidualIdf = residualIdf;
        WordsOfKey = wordsOfKey;
    }

    /// <summary>Each word's IDF, by word id.</summary>
    public double[] Idf { get; }

    /// <summary>Each word's residual IDF, by word id.</summary>
    public double[] ResidualIdf { get; }

    /// <summary>Per corpus key id, the ids of its words (<c>of</c> left out); null for a key no resolved mention has.</summary>
    public int[][] WordsOfKey { get; }

    /// <summary>Counts the documents per word over the words of each resolved mention's own key, a batch of documents at a time.</summary>
    public sealed class Counter(CorpusKeys corpus)
    {
        // Documents per word, over the words of each mention's own key ("of" left out). Words get ids; each key's
        // words are split once.
        private readonly Dictionary<string, int> _wordIdOf = new(StringComparer.Ordinal);
        private readonly int[][] _wordsOfKey = new int[corpus.Keys.Count][];
        private readonly List<int> _wordDocuments = [];
        private readonly List<int> _wordOccurrences = [];
        private readonly List<int> _lastDocument = [];

        /// <summary>Counts the words of a batch of resolved documents; batches come in corpus order.</summary>
        public void Add(ResolvedBatch batch)
        {
            var keys = corpus.Keys;
            var (wordIdOf, wordsOfKey, wordDocuments, wordOccurrences, lastDocument) = (_wordIdOf, _wordsOfKey, _wordDocuments, _wordOccurrences, _lastDocument);
            for (var i = 0; i < batch.Documents.Length; i++)
            {
                var d = batch.Start + i;
                foreach (var mention in batch.Documents[i].Mentions)
                {
                    var key = mention.Key;
                    var words = wordsOfKey[key];
                    if (words is null)
                    {
                        var split = keys[key].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        words = wordsOfKey[key] = new int[split.Count(w => w != "of")];
                        var w = 0;
                        foreach (var word in split)
                        {
                            if (word == "of")
                            {
                                continue;
                            }

                            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(wordIdOf, word, out var exists);
                            if (!exists)
                            {
                                id = wordDocuments.Count;
                                wordDocuments.Add(0);
                                wordOccurrences.Add(0);
                                lastDocument.Add(-1);
                            }

                            words[w++] = id;
                        }
                    }

                    foreach (var word in words)
                    {
                        wordOccurrences[word]++;
                        if (lastDocument[word] != d)
                        {
                            lastDocument[word] = d;
                            wordDocuments[word]++;
                        }
                    }
                }
            }
        }

        /// <summary>The statistics of the words counted.</summary>
        public WordStatistics Statistics()
        {
            var (n, wordsOfKey, wordDocuments, wordOccurrences) = (corpus.DocumentCount, _wordsOfKey, _wordDocuments, _wordOccurrences);

            var idf = new double[wordDocuments.Count];
            var ridf = new double[wordDocuments.Count];
            for (var w = 0; w < idf.Length; w++)
            {
                idf[w] = Math.Log((n + 1.0) / (wordDocuments[w] + 0.5));
                ridf[w] = ConceptIndex.ResidualIdf(wordDocuments[w], wordOccurrences[w], n);
            }

            return new WordStatistics(idf, ridf, wordsOfKey);
        }
    }
}

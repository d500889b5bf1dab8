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

    /// <summary>Counts the documents per word over the words of each resolved mention's own key.</summary>
    public static WordStatistics Count(List<ResolvedDocument> perDocument, CorpusKeys corpus)
    {
        // Documents per word, over the words of each mention's own key ("of" left out). Words get ids; each key's
        // words are split once.
        var n = corpus.DocumentCount;
        var keys = corpus.Keys;
        var wordIdOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordsOfKey = new int[keys.Count][];
        var wordDocuments = new List<int>();
        var wordOccurrences = new List<int>();
        var lastDocument = new List<int>();
        for (var d = 0; d < perDocument.Count; d++)
        {
            foreach (var mention in perDocument[d].Mentions)
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

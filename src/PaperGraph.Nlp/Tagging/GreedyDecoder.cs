namespace PaperGraph.Nlp.Tagging;

/// <summary>Greedy left-to-right decoding of one sentence with one weight table, shared by the tagger and training.</summary>
internal static class GreedyDecoder
{
    /// <summary>Tags <paramref name="words"/> into <paramref name="output"/>.</summary>
    /// <param name="first">The first pass's tags when this is the second pass; empty for the first pass.</param>
    public static void Decode(ReadOnlySpan<WordHashes> words, float[] weights, int bits, UIntMap dictionary, ReadOnlySpan<byte> first, Span<byte> output)
    {
        var second = !first.IsEmpty;
        Span<uint> features = stackalloc uint[TaggerFeatures.SecondPassCount];
        features = features[..(second ? TaggerFeatures.SecondPassCount : TaggerFeatures.Count)];
        Span<float> scores = stackalloc float[PosTags.Count];
        int previous = -1, previous2 = -1;
        for (var i = 0; i < words.Length; i++)
        {
            int tag;
            if (dictionary.TryGetValue(words[i].Cased, out var known))
            {
                tag = (int)known;
            }
            else
            {
                if (second)
                {
                    TaggerFeatures.ExtractSecondPass(words, i, previous, previous2, first, features);
                }
                else
                {
                    TaggerFeatures.Extract(words, i, previous, previous2, features);
                }

                Perceptron.Score(weights, bits, features, scores);
                tag = Perceptron.ArgMax(scores);
            }

            output[i] = (byte)tag;
            previous2 = previous;
            previous = tag;
        }
    }
}

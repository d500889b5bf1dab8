namespace PaperGraph.Nlp.Tagging;

/// <summary>Greedy left-to-right decoding of one sentence with one weight table, shared by the tagger and training.</summary>
internal static class GreedyDecoder
{
    /// <summary>Tags <paramref name="words"/> into <paramref name="output"/>.</summary>
    /// <param name="first">The first pass's tags when this is the second pass; empty for the first pass.</param>
    public static void Decode(ReadOnlySpan<WordHashes> words, float[] weights, int bits, UIntMap dictionary, ReadOnlySpan<byte> first, Span<byte> output)
    {
        Span<uint> features = stackalloc uint[TaggerFeatures.SecondPassCount];
        features = features[..(first.IsEmpty ? TaggerFeatures.Count : TaggerFeatures.SecondPassCount)];
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
                tag = Predict(words, i, previous, previous2, first, weights, bits, features, scores);
            }

            output[i] = (byte)tag;
            previous2 = previous;
            previous = tag;
        }
    }

    /// <summary>Scores position <paramref name="i"/> and returns the best tag; <paramref name="features"/> holds its features afterwards.</summary>
    /// <param name="features">Room for the features: <see cref="TaggerFeatures.Count"/> for the first pass, <see cref="TaggerFeatures.SecondPassCount"/> for the second.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static int Predict(ReadOnlySpan<WordHashes> words, int i, int previous, int previous2, ReadOnlySpan<byte> first, float[] weights, int bits, Span<uint> features, Span<float> scores)
    {
        if (first.IsEmpty)
        {
            TaggerFeatures.Extract(words, i, previous, previous2, features);
        }
        else
        {
            TaggerFeatures.ExtractSecondPass(words, i, previous, previous2, first, features);
        }

        Perceptron.Score(weights, bits, features, scores);
        return Perceptron.ArgMax(scores);
    }
}

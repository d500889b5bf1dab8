using PaperGraph.Pipeline.Evaluation;

namespace PaperGraph.Pipeline.Tests.Evaluation;

public class KeyphraseEvaluatorTests
{
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("generalization", "gener")]
    [InlineData("adjustment", "adjust")]
    [InlineData("effective", "effect")]
    [InlineData("networks", "network")]
    [InlineData("learning", "learn")]
    public void Porter_stems_as_in_the_paper(string word, string stem)
    {
        Assert.Equal(stem, PorterStemmer.Stem(word));
    }

    [Fact]
    public void Normalize_lowercases_splits_and_stems()
    {
        Assert.Equal("multi step matrix game", KeyphraseEvaluator.Normalize("Multi-step Matrix Games"));
    }

    [Fact]
    public void Score_follows_the_protocol_on_a_hand_checked_example()
    {
        var one = new KeyphraseDocument("1", "Deep learning on graphs", "We train neural networks. Graph theory helps.", ["neural networks", "Deep Learning", "graph theory"]);
        var two = new KeyphraseDocument("2", "Noise", "Qubits are fragile.", ["quantum computing", "qubits"]);
        var results = new List<(KeyphraseDocument, IReadOnlyList<string>)>
        {
            (one, ["neural network", "deep learning", "neural networks", "graphs", "graph theory"]),
            (two, ["qubits", "noise"]),
        };

        var evaluation = KeyphraseEvaluator.Score(results, [2, 5]);

        // k = 2. Document 1: both top predictions are gold (P 1, R 2/3, F1 0.8). Document 2: one of two (P 0.5, R 0.5, F1 0.5).
        Assert.Equal(0.75, evaluation.All[0].Precision, 9);
        Assert.Equal((2.0 / 3 + 0.5) / 2, evaluation.All[0].Recall, 9);
        Assert.Equal((0.8 + 0.5) / 2, evaluation.All[0].F1, 9);

        // Present only: "quantum computing" is not in document 2, so its recall is 1 and F1 2/3.
        Assert.Equal((2.0 / 3 + 1.0) / 2, evaluation.Present[0].Recall, 9);
        Assert.Equal((0.8 + 2.0 / 3) / 2, evaluation.Present[0].F1, 9);

        // k = 5. Document 1: the duplicate "neural networks" is removed, 3 of 5 slots are right (P 0.6, R 1, F1 0.75).
        // Document 2: P 1/5, R 1/2, F1 2/7.
        Assert.Equal((0.6 + 0.2) / 2, evaluation.All[1].Precision, 9);
        Assert.Equal((0.75 + 2.0 / 7) / 2, evaluation.All[1].F1, 9);
    }
}

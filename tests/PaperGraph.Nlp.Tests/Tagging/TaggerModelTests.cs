using System.Text;
using PaperGraph.Core;
using PaperGraph.Nlp.Tagging;
using PaperGraph.Nlp.Tagging.Training;
using PaperGraph.Tests;

namespace PaperGraph.Nlp.Tests.Tagging;

public class TaggerModelTests
{
    private static readonly TaggerTrainingSettings Small = new(Iterations: 5, HashBits: 14, DictionaryMinCount: 5);

    [Fact]
    public void Trained_model_learns_a_small_grammar_and_generalises_to_new_sentences()
    {
        var model = new TaggerTrainer(Small).Train(SyntheticTreebank.Sentences(seed: 1, count: 300), null);
        var unseen = SyntheticTreebank.Sentences(seed: 2, count: 60);
        var result = TaggerEvaluator.Evaluate(new PosTagger(model), unseen);
        Assert.True(result.Accuracy > 0.97, $"accuracy {result.Accuracy:P2} on new sentences of the grammar");
    }

    [Fact]
    public void Chunking_accuracy_forgives_only_noun_propn_and_punct_sym_mix_ups()
    {
        var result = new TaggingEvaluation(Tokens: 200, Correct: 180, Sentences: 10, TimeSpan.FromSeconds(1),
        [
            (PosTag.ProperNoun, PosTag.Noun, 6),
            (PosTag.Noun, PosTag.ProperNoun, 4),
            (PosTag.Symbol, PosTag.Punctuation, 2),
            (PosTag.Verb, PosTag.Noun, 5),
            (PosTag.Adjective, PosTag.ProperNoun, 3),
        ]);

        Assert.Equal(0.90, result.Accuracy, 12);
        Assert.Equal((180 + 6 + 4 + 2) / 200.0, result.ChunkingAccuracy, 12);
    }

    [Fact]
    public void Saved_and_loaded_model_tags_exactly_like_the_trained_one()
    {
        var model = new TaggerTrainer(Small).Train(SyntheticTreebank.Sentences(seed: 1, count: 300), null);
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        var loaded = TaggerModel.Load(buffer, "memory");

        Assert.Equal(model.HashBits, loaded.HashBits);
        Assert.Equal(model.DictionarySize, loaded.DictionarySize);
        var original = new PosTagger(model);
        var reloaded = new PosTagger(loaded);
        foreach (var sentence in SyntheticTreebank.Sentences(seed: 3, count: 40))
        {
            var forms = sentence.Forms();
            var expected = new PosTag[forms.Length];
            var actual = new PosTag[forms.Length];
            original.Tag(forms, expected);
            reloaded.Tag(forms, actual);
            Assert.Equal(expected, actual);
        }

        // Quantisation keeps every weight within one step (2^-20 of the largest weight).
        var largest = model.Weights.Max(Math.Abs);
        for (var i = 0; i < model.Weights.Length; i++)
        {
            Assert.InRange(loaded.Weights[i] - model.Weights[i], -largest / (1 << 19), largest / (1 << 19));
        }
    }

    [Fact]
    public void Training_is_deterministic_to_the_byte()
    {
        static byte[] Train()
        {
            var model = new TaggerTrainer(Small with { TwoPass = true, Folds = 3 }).Train(SyntheticTreebank.Sentences(seed: 1, count: 200), SyntheticTreebank.Sentences(seed: 9, count: 30));
            using var buffer = new MemoryStream();
            model.Save(buffer);
            return buffer.ToArray();
        }

        Assert.Equal(Train(), Train());
    }

    [Fact]
    public void Two_pass_model_round_trips_through_a_file()
    {
        using var temp = new TempDirectory();
        var model = new TaggerTrainer(Small with { TwoPass = true, Folds = 3 }).Train(SyntheticTreebank.Sentences(seed: 1, count: 200), null);
        var path = temp.File("model.pgtagger");
        model.Save(path);
        var loaded = TaggerModel.Load(path);
        Assert.NotNull(loaded.SecondPass);
        var result = TaggerEvaluator.Evaluate(new PosTagger(loaded), SyntheticTreebank.Sentences(seed: 2, count: 60));
        Assert.True(result.Accuracy > 0.97, $"accuracy {result.Accuracy:P2}");
    }

    [Fact]
    public void Loading_a_file_that_is_not_a_model_names_the_problem()
    {
        var error = Assert.Throws<PaperGraphException>(() => TaggerModel.Load(new MemoryStream(Encoding.ASCII.GetBytes("hello, world")), "notes.txt"));
        Assert.Equal(ErrorCodes.InvalidTaggerModel, error.Code);
        Assert.Contains("not a PaperGraph tagger model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_a_truncated_model_fails_with_a_message()
    {
        var bytes = SavedSmallModel();
        var error = Assert.Throws<PaperGraphException>(() => TaggerModel.Load(new MemoryStream(bytes[..(bytes.Length / 2)]), "half.pgtagger"));
        Assert.Equal(ErrorCodes.InvalidTaggerModel, error.Code);
    }

    [Fact]
    public void Loading_a_model_of_another_feature_version_asks_for_retraining()
    {
        var bytes = SavedSmallModel();
        BitConverter.GetBytes(TaggerFeatures.Version + 1).CopyTo(bytes, 12);
        var error = Assert.Throws<PaperGraphException>(() => TaggerModel.Load(new MemoryStream(bytes), "old.pgtagger"));
        Assert.Contains("papergraph tagger train", error.Message, StringComparison.Ordinal);
    }

    private static byte[] SavedSmallModel()
    {
        var model = new TaggerTrainer(Small).Train(SyntheticTreebank.Sentences(seed: 1, count: 50), null);
        using var buffer = new MemoryStream();
        model.Save(buffer);
        return buffer.ToArray();
    }
}

/// <summary>Sentences of a small made-up grammar with their tags, for training tests that need no treebank.</summary>
internal static class SyntheticTreebank
{
    private static readonly string[] Determiners = ["the", "a", "this", "every"];
    private static readonly string[] Adjectives = ["novel", "large", "robust", "efficient", "sparse", "deep"];
    private static readonly string[] Nouns = ["model", "method", "network", "dataset", "benchmark", "agent", "policy", "graph"];
    private static readonly string[] Verbs = ["improves", "outperforms", "trains", "learns", "reduces", "solves"];
    private static readonly string[] Prepositions = ["on", "for", "with", "in"];
    private static readonly string[] Pronouns = ["we", "it", "they"];
    private static readonly string[] Auxiliaries = ["can", "will", "should"];
    private static readonly string[] BareVerbs = ["train", "learn", "reduce", "solve"];

    public static List<ConlluSentence> Sentences(int seed, int count)
    {
        var random = new Random(seed);
        var sentences = new List<ConlluSentence>(count);
        for (var s = 0; s < count; s++)
        {
            var sentence = new ConlluSentence { Id = $"s{s}" };
            void Add(string[] words, PosTag tag) => sentence.Words.Add(new ConlluWord(words[random.Next(words.Length)], tag, 0));

            if (random.Next(3) == 0)
            {
                Add(Pronouns, PosTag.Pronoun);
                Add(Auxiliaries, PosTag.Auxiliary);
                Add(BareVerbs, PosTag.Verb);
            }
            else
            {
                Add(Determiners, PosTag.Determiner);
                if (random.Next(2) == 0)
                {
                    Add(Adjectives, PosTag.Adjective);
                }

                Add(Nouns, PosTag.Noun);
                Add(Verbs, PosTag.Verb);
            }

            Add(Determiners, PosTag.Determiner);
            Add(Nouns, PosTag.Noun);
            if (random.Next(2) == 0)
            {
                Add(Prepositions, PosTag.Adposition);
                Add(Determiners, PosTag.Determiner);
                Add(Nouns, PosTag.Noun);
            }

            sentence.Words.Add(new ConlluWord(".", PosTag.Punctuation, 0));
            sentences.Add(sentence);
        }

        return sentences;
    }
}

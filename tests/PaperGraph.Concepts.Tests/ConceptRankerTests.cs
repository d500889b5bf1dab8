using PaperGraph.Core;
using PaperGraph.Concepts;
using PaperGraph.Tests;

namespace PaperGraph.Concepts.Tests;

public class ConceptRankerTests
{
    private static readonly int Title = Feature("title");
    private static readonly int OneWord = Feature("one-word");

    private static int Feature(string name) => ConceptRanker.FeatureNames.ToList().IndexOf(name);

    /// <summary>Rows where being gold depends on the title flag (mostly) and on being one word (against), plus noise.</summary>
    private static (List<double[]> Rows, List<bool> Labels) Synthetic(int seed)
    {
        var random = new Random(seed);
        var rows = new List<double[]>();
        var labels = new List<bool>();
        for (var i = 0; i < 2_000; i++)
        {
            var row = new double[ConceptRanker.FeatureCount];
            row[0] = 1;
            for (var j = 1; j < row.Length; j++)
            {
                row[j] = random.NextDouble();
            }

            row[Title] = random.Next(2);
            row[OneWord] = random.Next(2);
            var logit = -1 + 3 * row[Title] - 3 * row[OneWord] + (random.NextDouble() - 0.5);
            rows.Add(row);
            labels.Add(logit > 0);
        }

        return (rows, labels);
    }

    [Fact]
    public void Fitting_learns_which_features_mark_a_keyphrase()
    {
        var (rows, labels) = Synthetic(7);
        var ranker = ConceptRanker.Fit(rows, labels);

        Assert.True(ranker.Weights[Title] > 1, $"title weight {ranker.Weights[Title]}");
        Assert.True(ranker.Weights[OneWord] < -1, $"one-word weight {ranker.Weights[OneWord]}");
        var (test, truth) = Synthetic(8);
        var right = test.Select((row, i) => ranker.Score(row) > 0.5 == truth[i]).Count(r => r);
        Assert.True(right > 0.95 * test.Count, $"{right} of {test.Count} right on fresh rows");
    }

    [Fact]
    public void Fitting_is_deterministic()
    {
        var (rows, labels) = Synthetic(3);
        Assert.Equal(ConceptRanker.Fit(rows, labels).Weights, ConceptRanker.Fit(rows, labels).Weights);
    }

    [Fact]
    public void Fitting_needs_a_label_per_row()
    {
        var (rows, labels) = Synthetic(3);
        Assert.Throws<ArgumentException>(() => ConceptRanker.Fit(rows, labels.Take(10).ToList()));
        Assert.Throws<ArgumentException>(() => new ConceptRanker([1.0, 2.0]));
    }

    [Fact]
    public void A_ranker_file_reads_back_the_same_weights()
    {
        using var dir = new TempDirectory();
        var (rows, labels) = Synthetic(5);
        var ranker = ConceptRanker.Fit(rows, labels);
        var path = dir.File("ranker.tsv");
        ranker.Write(path, "fitted in a test");

        Assert.Equal(ranker.Weights, ConceptRanker.Read(path).Weights);
        Assert.StartsWith("# fitted in a test", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void The_features_of_a_ranker_file_may_come_in_any_order()
    {
        using var dir = new TempDirectory();
        var lines = ConceptRanker.FeatureNames.Select((name, i) => $"{name}\t{i * 0.5}").Reverse();
        var path = dir.File("ranker.tsv");
        File.WriteAllLines(path, ["# reversed", "", .. lines]);

        Assert.Equal(ConceptRanker.FeatureNames.Select((_, i) => i * 0.5), ConceptRanker.Read(path).Weights);
    }

    [Theory]
    [InlineData("size\t1.0", ":1: unknown feature 'size'")]
    [InlineData("bias\tlots", ":1: 'lots' is not a number")]
    [InlineData("bias 1.0", ":1: expected 'feature<TAB>weight'")]
    [InlineData("bias\t1\nbias\t2", ":2: 'bias' is given twice")]
    [InlineData("bias\t1", ": no weight for log-count")]
    public void A_malformed_ranker_file_is_reported_with_its_line(string content, string expected)
    {
        using var dir = new TempDirectory();
        var path = dir.File("ranker.tsv");
        File.WriteAllText(path, content);

        var error = Assert.Throws<PaperGraphException>(() => ConceptRanker.Read(path));
        Assert.Equal(ErrorCodes.MalformedRanker, error.Code);
        Assert.Contains(path + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_ranker_file_is_a_path_error()
    {
        var error = Assert.Throws<PaperGraphException>(() => ConceptRanker.Read("/no/such/ranker.tsv"));
        Assert.Equal(ErrorCodes.PathNotFound, error.Code);
    }

    [Fact]
    public void Scores_are_probabilities_ordered_by_the_weighted_sum()
    {
        var low = new double[ConceptRanker.FeatureCount];
        var high = new double[ConceptRanker.FeatureCount];
        low[0] = high[0] = 1;
        high[Feature("phrase-idf")] = 1;
        high[Feature("first-sentence")] = 1;
        var (a, b) = (ConceptRanker.Default.Score(low), ConceptRanker.Default.Score(high));

        Assert.InRange(a, 0, 1);
        Assert.InRange(b, 0, 1);
        Assert.True(b > a);
    }

    [Fact]
    public void A_ranker_file_replaces_the_shipped_weights()
    {
        var documents = new[]
        {
            Extract.Terms("We study sample complexity of policy gradient methods in reinforcement learning.", id: "a"),
            Extract.Terms("Graph neural networks predict molecular properties from atoms.", id: "b"),
        };

        // A ranker that only likes one-word concepts puts them first, against the shipped one.
        var weights = new double[ConceptRanker.FeatureCount];
        weights[OneWord] = 5;
        var shipped = ConceptIndex.Build(documents, new ConceptSettings());
        var oneWordFirst = ConceptIndex.Build(documents, new ConceptSettings(Ranker: new ConceptRanker(weights)));

        Assert.Contains(" ", shipped.ByDocument["b"][0].Key, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", oneWordFirst.ByDocument["b"][0].Key, StringComparison.Ordinal);
    }

    [Fact]
    public void A_specific_term_of_the_first_sentence_outranks_a_word_mentioned_once_at_the_end()
    {
        var index = ConceptIndex.Build(
        [
            Extract.Terms("Sample complexity bounds for policy gradient methods are derived. They hold for linear function approximation. "
                + "The proof is short. We also discuss the horizon.", id: "a"),
            Extract.Terms("Graph neural networks predict molecular properties from atoms and bonds.", id: "b"),
        ], new ConceptSettings());
        var ranked = index.ByDocument["a"].Select(c => c.Key).ToList();

        Assert.Equal("sample complexity bound", ranked[0]);
        Assert.True(ranked.IndexOf("linear function approximation") < ranked.IndexOf("horizon"), string.Join(" | ", ranked));
    }

    [Fact]
    public void Every_concept_of_a_document_gets_one_feature_row()
    {
        var rows = new Dictionary<string, IReadOnlyList<(string Key, double[] Features)>>();
        var index = ConceptIndex.Build(
            [Extract.Terms("Low-rank adaptation (LoRA) adapts large language models with few parameters.", title: "Efficient fine-tuning", id: "a")],
            new ConceptSettings(), features: (id, r) => { lock (rows) { rows[id] = r; } });

        var keys = rows["a"].Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(index.ByDocument["a"].Select(c => c.Key).Order(StringComparer.Ordinal), keys);
        Assert.All(rows["a"], r => Assert.Equal(ConceptRanker.FeatureCount, r.Features.Length));
        var lora = rows["a"].Single(r => r.Key == "LoRA").Features;
        Assert.Equal(1, lora[Feature("abbreviation")]);
        Assert.Equal(0, lora[OneWord]);
        var fineTuning = rows["a"].Single(r => r.Key == "efficient fine tuning").Features;
        Assert.Equal(1, fineTuning[Title]);
        Assert.Equal(1, fineTuning[Feature("first-sentence")]);
    }
}

using System.Text;
using PaperGraph.Core;
using PaperGraph.Nlp.Tagging;
using PaperGraph.Nlp.Tagging.Training;
using PaperGraph.Tests;

namespace PaperGraph.Nlp.Tests.Tagging;

public class WordClustersTests
{
    private const string Table = "# PaperGraph word clusters 1\n# a comment\n# levels\t2\t4\nmodel\t0\t1\nmethod\t0\t1\nimproves\t1\t2\nlearns\t1\t3\ngpt-0\t0\t0\n";

    private static WordClusters Parse(string text) => WordClusters.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test.tsv");

    [Fact]
    public void A_word_in_the_table_has_its_class_at_each_level_whatever_its_case_and_digits()
    {
        var table = Parse(Table);
        Assert.Equal([2, 4], table.Levels);
        Assert.Equal([1, 3], table.Find("learns")!);
        Assert.Equal([0, 1], table.Find("Model")!);
        Assert.Equal([0, 0], table.Find("GPT-4")!);
    }

    [Fact]
    public void A_word_not_in_the_table_has_no_class_and_gets_the_features_of_no_class()
    {
        var table = Parse(Table);
        Assert.Null(table.Find("transformer"));

        TaggerFeatures.Hash("transformer", sentenceStart: false, out var unknown);
        table.Fill(ref unknown);
        Assert.Equal(0u, unknown.Cluster0);
        Assert.Equal(0u, unknown.Cluster3);

        TaggerFeatures.Hash("Learns", sentenceStart: false, out var known);
        table.Fill(ref known);
        TaggerFeatures.Hash("improves", sentenceStart: false, out var sibling);
        table.Fill(ref sibling);
        Assert.NotEqual(0u, known.Cluster0);
        Assert.Equal(known.Cluster0, sibling.Cluster0);
        Assert.NotEqual(known.Cluster3, sibling.Cluster3);
    }

    [Fact]
    public void Shipped_table_knows_common_scientific_words_and_goes_with_the_shipped_model()
    {
        var shipped = WordClusters.LoadShippedIfPresent();
        Assert.NotNull(shipped);
        Assert.NotNull(shipped.Find("reveal"));
        Assert.NotNull(shipped.Find("Hamiltonian"));
        Assert.Null(shipped.Find("qwxzvbnmq"));
        Assert.Same(PosTagger.Default.Model.Clusters?.GetType(), typeof(WordClusters));
        Assert.Equal(shipped.Checksum, PosTagger.Default.Model.Clusters!.Checksum);
    }

    [Theory]
    [InlineData("model\t0\t1\n", "line 1: expected the header")]
    [InlineData("# PaperGraph word clusters 1\nmodel\t0\t1\n", "line 2: a word comes before the '# levels' line")]
    [InlineData("# PaperGraph word clusters 1\n# levels\t2\t4\nmodel\t0\n", "line 3: expected a word and 2 classes")]
    [InlineData("# PaperGraph word clusters 1\n# levels\t2\t4\nmodel\t0\t4\n", "line 3: class '4' is not a number below 4")]
    [InlineData("# PaperGraph word clusters 1\n# levels\t2\t4\nModel\t0\t1\n", "line 3: 'Model' is not in lower-cased form")]
    [InlineData("# PaperGraph word clusters 1\n# levels\t2\t4\nmodel\t0\t1\nmodel\t0\t1\n", "line 4: 'model' is listed twice")]
    [InlineData("# PaperGraph word clusters 1\n# levels\t4\t2\nmodel\t0\t1\n", "levels must be class counts")]
    [InlineData("# PaperGraph word clusters 1\n# levels\t2\t4\n", "no words")]
    public void A_malformed_table_is_refused_with_its_line(string text, string expected)
    {
        var error = Assert.Throws<PaperGraphException>(() => Parse(text));
        Assert.Equal(ErrorCodes.InvalidWordClusters, error.Code);
        Assert.Contains("test.tsv", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_table_is_refused()
    {
        var error = Assert.Throws<PaperGraphException>(() => WordClusters.Load("/no/such/clusters.tsv"));
        Assert.Equal(ErrorCodes.InvalidWordClusters, error.Code);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_trained_with_clusters_loads_only_with_the_same_table()
    {
        var table = Parse(Table);
        var model = new TaggerTrainer(new TaggerTrainingSettings(Iterations: 3, HashBits: 12, Models: 1), table)
            .Train(SyntheticTreebank.Sentences(seed: 1, count: 100), null);
        using var buffer = new MemoryStream();
        model.Save(buffer);
        var bytes = buffer.ToArray();

        var loaded = TaggerModel.Load(new MemoryStream(bytes), "m.pgtagger", Parse(Table));
        Assert.Equal(table.Checksum, loaded.Clusters!.Checksum);

        var other = Parse(Table.Replace("learns\t1\t3", "learns\t1\t2", StringComparison.Ordinal));
        var wrong = Assert.Throws<PaperGraphException>(() => TaggerModel.Load(new MemoryStream(bytes), "m.pgtagger", other));
        Assert.Equal(ErrorCodes.InvalidWordClusters, wrong.Code);
        Assert.Contains("checksum", wrong.Message, StringComparison.Ordinal);

        // Without a table, the shipped one is tried; it is not this one, so loading fails instead of tagging without clusters.
        var none = Assert.Throws<PaperGraphException>(() => TaggerModel.Load(new MemoryStream(bytes), "m.pgtagger"));
        Assert.Equal(ErrorCodes.InvalidWordClusters, none.Code);
    }

    [Fact]
    public void A_model_trained_without_clusters_refuses_a_table()
    {
        var model = new TaggerTrainer(new TaggerTrainingSettings(Iterations: 2, HashBits: 12, Models: 1)).Train(SyntheticTreebank.Sentences(seed: 1, count: 50), null);
        using var buffer = new MemoryStream();
        model.Save(buffer);
        var error = Assert.Throws<PaperGraphException>(() => TaggerModel.Load(new MemoryStream(buffer.ToArray()), "plain.pgtagger", Parse(Table)));
        Assert.Equal(ErrorCodes.InvalidWordClusters, error.Code);
    }

    [Fact]
    public void Table_round_trips_through_a_file()
    {
        using var temp = new TempDirectory();
        var table = new WordClusters([2, 4], new Dictionary<string, int[]> { ["model"] = [0, 1], ["learns"] = [1, 3], ["gpt-0"] = [0, 0] });
        var path = temp.File("clusters.tsv");
        table.Save(path, ["made by a test"]);
        var loaded = WordClusters.Load(path);
        Assert.Equal(table.Checksum, loaded.Checksum);
        Assert.Equal(table.Count, loaded.Count);
        Assert.Equal([1, 3], loaded.Find("learns")!);
        Assert.Throws<InvalidOperationException>(() => loaded.Save(temp.File("again.tsv"), []));
    }

    [Fact]
    public void Clustering_puts_words_of_the_same_use_together_and_is_deterministic()
    {
        static WordClusters Learn()
        {
            var clusterer = new WordClusterer();
            var random = new Random(5);
            string[] nouns = ["model", "method", "network", "policy", "graph", "dataset"];
            string[] verbs = ["improves", "learns", "reduces", "solves", "trains", "outperforms"];
            string[] adjectives = ["novel", "robust", "sparse", "deep"];
            for (var s = 0; s < 3000; s++)
            {
                clusterer.AddText($"The {adjectives[random.Next(4)]} {nouns[random.Next(6)]} {verbs[random.Next(6)]} a {nouns[random.Next(6)]}.");
            }

            return clusterer.Cluster(new WordClusterSettings([2, 4], MinCount: 1, Iterations: 10)).Table;
        }

        var table = Learn();
        Assert.Equal(table.Find("model")![1], table.Find("graph")![1]);
        Assert.Equal(table.Find("learns")![1], table.Find("solves")![1]);
        Assert.NotEqual(table.Find("model")![1], table.Find("learns")![1]);
        Assert.Equal(table.Checksum, Learn().Checksum);
    }
}

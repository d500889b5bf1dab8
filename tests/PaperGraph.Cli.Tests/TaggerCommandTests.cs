using System.Text;
using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests;

public class TaggerCommandTests
{
    /// <summary>A CoNLL-U file of <paramref name="count"/> short sentences written for this test, in two documents.</summary>
    internal static string Treebank(int count)
    {
        var text = new StringBuilder();
        string[] nouns = ["model", "method", "graph", "agent"];
        string[] verbs = ["improves", "learns", "solves"];
        for (var s = 0; s < count; s++)
        {
            if (s == 0 || s == count / 2)
            {
                text.Append("# newdoc id = doc").Append(s).Append('\n');
            }

            text.Append("# sent_id = s").Append(s).Append('\n');
            text.Append("1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n");
            text.Append("2\t").Append(nouns[s % 4]).Append("\t_\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n");
            text.Append("3\t").Append(verbs[s % 3]).Append("\t_\tVERB\tVBZ\t_\t0\troot\t_\t_\n");
            text.Append("4\tit\tit\tPRON\tPRP\t_\t3\tobj\t_\tSpaceAfter=No\n");
            text.Append("5\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n");
        }

        return text.ToString();
    }

    [Fact]
    public async Task Train_writes_a_model_that_eval_then_measures()
    {
        using var temp = new TempDirectory();
        var train = temp.Write("train.conllu", Treebank(40));
        var dev = temp.Write("dev.conllu", Treebank(10));
        var model = temp.File("out/model.pgtagger");

        var trained = await CliRun.RunAsync("tagger", "train", "--train", train, "--dev", dev, "--out", model, "--iterations", "3", "--hash-bits", "12");
        Assert.Equal(0, trained.ExitCode);
        Assert.True(File.Exists(model));
        Assert.Contains("Saved model on dev.conllu: UPOS accuracy 100.00% (50 / 50 words)", trained.Out, StringComparison.Ordinal);

        var evaluated = await CliRun.RunAsync("tagger", "eval", "--conllu", dev, "--model", model);
        Assert.Equal(0, evaluated.ExitCode);
        Assert.Contains("dev.conllu: UPOS accuracy 100.00% (50 / 50 words, 10 sentences)", evaluated.Out, StringComparison.Ordinal);
        Assert.Contains("counting NOUN/PROPN and PUNCT/SYM mix-ups as right (concept chunking nearly always treats each pair alike): 100.00%", evaluated.Out, StringComparison.Ordinal);
        Assert.Contains("Sentence boundaries (2 documents rebuilt as text)", evaluated.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_uses_the_shipped_model_by_default_and_filters_documents()
    {
        using var temp = new TempDirectory();
        var dev = temp.Write("dev.conllu", Treebank(10));
        var result = await CliRun.RunAsync("tagger", "eval", "--conllu", dev, "--documents", "doc5");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(documents matching 'doc5')", result.Out, StringComparison.Ordinal);
        Assert.Contains("25 words, 5 sentences", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_of_a_malformed_file_exits_3_naming_file_and_line()
    {
        using var temp = new TempDirectory();
        var bad = temp.Write("bad.conllu", "# sent_id = 1\n1\tWe\twe\tPRON\n");
        var result = await CliRun.RunAsync("tagger", "eval", "--conllu", bad);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{bad}:2: expected 10 tab-separated columns, found 4", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_with_a_model_that_is_not_one_exits_3()
    {
        using var temp = new TempDirectory();
        var dev = temp.Write("dev.conllu", Treebank(2));
        var notModel = temp.Write("model.pgtagger", "not a model");
        var result = await CliRun.RunAsync("tagger", "eval", "--conllu", dev, "--model", notModel);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("error PG3004: cannot read tagger model", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_trained_with_clusters_needs_its_table_and_a_bad_table_exits_3()
    {
        using var temp = new TempDirectory();
        var train = temp.Write("train.conllu", Treebank(40));
        var table = temp.Write("clusters.tsv", "# PaperGraph word clusters 1\n# levels\t2\t4\nmodel\t0\t1\nmethod\t0\t1\nlearns\t1\t2\n");
        var model = temp.File("model.pgtagger");
        var trained = await CliRun.RunAsync("tagger", "train", "--train", train, "--out", model, "--iterations", "2", "--hash-bits", "12", "--clusters", table);
        Assert.Equal(0, trained.ExitCode);
        Assert.Contains("Word clusters: 3 words, levels 2,4", trained.Out, StringComparison.Ordinal);

        var evaluated = await CliRun.RunAsync("tagger", "eval", "--conllu", train, "--model", model, "--clusters", table);
        Assert.Equal(0, evaluated.ExitCode);

        var without = await CliRun.RunAsync("tagger", "eval", "--conllu", train, "--model", model);
        Assert.Equal(3, without.ExitCode);
        Assert.Contains("error PG3011", without.Error, StringComparison.Ordinal);

        var malformed = temp.Write("bad.tsv", "# PaperGraph word clusters 1\n# levels\t2\t4\nmodel\t0\n");
        var bad = await CliRun.RunAsync("tagger", "eval", "--conllu", train, "--model", model, "--clusters", malformed);
        Assert.Equal(3, bad.ExitCode);
        Assert.Contains("line 3: expected a word and 2 classes", bad.Error, StringComparison.Ordinal);

        var missing = await CliRun.RunAsync("tagger", "eval", "--conllu", train, "--model", model, "--clusters", temp.File("none.tsv"));
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("word cluster table not found", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_files_and_options_are_usage_errors()
    {
        var missing = await CliRun.RunAsync("tagger", "eval", "--conllu", "/no/such.conllu");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("not found", missing.Error, StringComparison.Ordinal);

        var noOut = await CliRun.RunAsync("tagger", "train", "--train", "x.conllu");
        Assert.Equal(2, noOut.ExitCode);
        Assert.Contains("--out", noOut.Error, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using PaperGraph.Tests;
using PaperGraph.Workspace;

namespace PaperGraph.Cli.Tests;

public class ExtractCommandTests
{
    /// <summary>Three short papers written for this test, as JSON Lines.</summary>
    private const string Papers = """
        {"id": "2401.00001", "title": "Reinforcement Learning from Human Feedback for Dialogue", "abstract": "We study reinforcement learning from human feedback (RLHF) for dialogue agents. Reward models are trained on preference data."}
        {"id": "2401.00002", "title": "Low-Rank Adaptation at Scale", "abstract": "Low-rank adaptation (LoRA) reduces the memory of fine-tuning. We combine LoRA with RLHF and study reward models."}
        {"id": "2401.00003", "title": "Reward Models Revisited", "abstract": "Reward models drive RLHF. We compare finetuning recipes for reward models."}
        """;

    [Fact]
    public async Task Extract_then_concepts_lists_merged_concepts_and_abbreviations()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", Papers);
        var workspace = temp.File("ws");
        Assert.Equal(0, (await CliRun.RunAsync("ingest", input, "-w", workspace, "-q")).ExitCode);

        var extracted = await CliRun.RunAsync("extract", "-w", workspace);
        Assert.Equal(0, extracted.ExitCode);
        Assert.Contains("papers:        3 analysed (new or changed)", extracted.Out, StringComparison.Ordinal);
        Assert.Contains("2 abbreviations with their long form", extracted.Out, StringComparison.Ordinal);

        var concepts = await CliRun.RunAsync("concepts", "-w", workspace, "--top", "10");
        Assert.Equal(0, concepts.ExitCode);
        Assert.Contains("RLHF (reinforcement learning from human feedback)", concepts.Out, StringComparison.Ordinal);
        // 4 mentions: since the tagger has word clusters (issue 18) it reads the title "Reward Models Revisited" as a
        // name (Revisited/PROPN), so that title is one concept of its own, a known regression on title-case text.
        Assert.Matches(@"reward models\s+3\s+4", concepts.Out);

        var abbreviations = await CliRun.RunAsync("concepts", "-w", workspace, "--abbreviations");
        // The long form as written: "Low-Rank Adaptation" (title) and "Low-rank adaptation" (abstract) once each; ties go to more lower case.
        Assert.Contains("LoRA           Low-rank adaptation  (1 papers)", abbreviations.Out, StringComparison.Ordinal);
        Assert.Contains("RLHF           reinforcement learning from human feedback  (3 papers)", abbreviations.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LLMs", "LLM", true)]
    [InlineData("RLHF", "RLHF", true)]
    [InlineData("SAM", "SAM (sharpness aware minimization)", true)]
    [InlineData("Key-Value", "KV", false)]
    [InlineData("Kolmogorov complexity", "KC", false)]
    [InlineData("SAMs", "SAMPLE", false)]
    public void An_abbreviation_concept_is_listed_short_form_first_only_when_its_name_is_the_short_form(string name, string key, bool shortForm) =>
        Assert.Equal(shortForm, Commands.ExtractCommand.IsShortForm(name, key));

    [Fact]
    public async Task A_second_extract_analyses_only_new_papers_unless_all()
    {
        using var temp = new TempDirectory();
        var lines = Papers.Split('\n');
        var workspace = await IngestAsync(temp, lines[0] + "\n" + lines[1]);
        Assert.Contains("2 analysed", (await CliRun.RunAsync("extract", "-w", workspace)).Out, StringComparison.Ordinal);

        await CliRun.RunAsync("ingest", temp.Write("b.jsonl", lines[2]), "-w", workspace, "-q");
        var second = await CliRun.RunAsync("extract", "-w", workspace);
        Assert.Contains("1 analysed (new or changed), 3 in the corpus", second.Out, StringComparison.Ordinal);
        Assert.Contains("3 in the corpus", second.Out, StringComparison.Ordinal);

        var all = await CliRun.RunAsync("extract", "-w", workspace, "--all");
        Assert.Contains("3 analysed (all)", all.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE meta SET value = '1' WHERE key = 'extractor_version'", "extractor version 1")]
    [InlineData("DELETE FROM meta WHERE key = 'extractor_version'", "an earlier PaperGraph")]
    public async Task Terms_from_another_extractor_version_are_analysed_again(string change, string stored)
    {
        using var temp = new TempDirectory();
        var workspace = await IngestAsync(temp, Papers);
        Assert.Equal(0, (await CliRun.RunAsync("extract", "-w", workspace)).ExitCode);
        using (var opened = WorkspaceDatabase.OpenExisting(workspace))
        {
            Assert.Equal(Concepts.ConceptExtractor.Version, opened.ExtractorVersion);
        }

        Assert.Contains("0 analysed (new or changed)", (await CliRun.RunAsync("extract", "-w", workspace)).Out, StringComparison.Ordinal);
        Assert.Equal(1, ExecuteSql(workspace, change));

        var again = await CliRun.RunAsync("extract", "-w", workspace);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("3 analysed (all: the extractor changed since they were analysed)", again.Out, StringComparison.Ordinal);
        Assert.Contains($"terms come from {stored}; this PaperGraph extracts with version {Concepts.ConceptExtractor.Version}", again.Error, StringComparison.Ordinal);
        Assert.Contains("0 analysed (new or changed)", (await CliRun.RunAsync("extract", "-w", workspace)).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Damaged_stored_terms_are_a_workspace_error_that_names_the_paper_and_the_fix()
    {
        using var temp = new TempDirectory();
        var lines = Papers.Split('\n');
        var workspace = await IngestAsync(temp, lines[0] + "\n" + lines[1]);
        Assert.Equal(0, (await CliRun.RunAsync("extract", "-w", workspace)).ExitCode);
        // Of the current format (its first byte), then cut short.
        Assert.Equal(1, ExecuteSql(workspace, $"UPDATE paper_terms SET terms = x'{Concepts.DocumentTermsBinary.Version:x2}ff' WHERE paper_id = '2401.00001'"));

        // A new paper makes extract read the stored terms of the others back.
        await CliRun.RunAsync("ingest", temp.Write("b.jsonl", lines[2]), "-w", workspace, "-q");
        var damaged = await CliRun.RunAsync("extract", "-w", workspace);

        Assert.Equal(3, damaged.ExitCode);
        Assert.Contains("the stored terms of paper 2401.00001 are damaged", damaged.Error, StringComparison.Ordinal);
        Assert.Contains("papergraph extract --all", damaged.Error, StringComparison.Ordinal);
        damaged.AssertNoStackTrace();
        Assert.Equal(0, (await CliRun.RunAsync("extract", "-w", workspace, "--all")).ExitCode);
    }

    /// <summary>Ingests <paramref name="papers"/> (JSON Lines) into a new workspace "ws" in <paramref name="temp"/>; returns its path.</summary>
    private static async Task<string> IngestAsync(TempDirectory temp, string papers)
    {
        var workspace = temp.File("ws");
        Assert.Equal(0, (await CliRun.RunAsync("ingest", temp.Write("a.jsonl", papers), "-w", workspace, "-q")).ExitCode);
        return workspace;
    }

    private static int ExecuteSql(string workspace, string sql) => CliRun.ExecuteSql(workspace, sql);

    [Fact]
    public async Task Extract_on_an_empty_workspace_exits_3_and_says_what_to_run()
    {
        using var temp = new TempDirectory();
        var result = await CliRun.RunAsync("extract", "-w", CliRun.EmptyWorkspace(temp.File("empty")));
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("run 'papergraph ingest", result.Error, StringComparison.Ordinal);

        var concepts = await CliRun.RunAsync("concepts", "-w", temp.File("empty"));
        Assert.Equal(3, concepts.ExitCode);
        Assert.Contains("run 'papergraph extract", concepts.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_keyphrases_scores_and_writes_ranked_predictions()
    {
        using var temp = new TempDirectory();
        var gold = temp.Write("gold.jsonl", """
            {"id": "a", "title": "Reward models for dialogue", "abstract": "We train reward models on preference data for dialogue agents.", "keyphrases": ["reward models", "preference data", "dialogue agents"]}
            {"id": "b", "title": "Sparse attention", "abstract": "Sparse attention reduces the cost of long contexts.", "keyphrases": ["sparse attention", "quantum chemistry"]}
            """);
        var predictions = temp.File("predictions.jsonl");
        var result = await CliRun.RunAsync("eval", "keyphrases", "--gold", gold, "--k", "3", "--predictions-out", predictions);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("gold.jsonl: 2 documents", result.Out, StringComparison.Ordinal);

        var lines = File.ReadAllLines(predictions);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("a", first.RootElement.GetProperty("id").GetString());
        var ranked = first.RootElement.GetProperty("keyphrases").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(ranked, r => string.Equals(r, "reward models", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(ranked, r => string.Equals(r, "preference data", StringComparison.OrdinalIgnoreCase));

        // Document a: its three gold phrases are all extracted; b: one of two. F1@3 is therefore well above zero.
        Assert.Matches(@"\n  3\s+\d+\.\d\s+\d+\.\d\s+[1-9]\d\.\d", result.Out);
    }

    [Fact]
    public async Task Eval_keyphrases_reports_a_malformed_line()
    {
        using var temp = new TempDirectory();
        var gold = temp.Write("gold.jsonl", "{\"id\": \"a\", \"abstract\": \"text\"}\n");
        var result = await CliRun.RunAsync("eval", "keyphrases", "--gold", gold);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("gold.jsonl:1: expected an object with \"abstract\"", result.Error, StringComparison.Ordinal);
    }

    private const string RankerGold = """
        {"id": "a", "title": "Reward models for dialogue", "abstract": "We train reward models on preference data for dialogue agents. The approach is simple.", "keyphrases": ["reward models", "preference data", "dialogue agents"]}
        {"id": "b", "title": "Sparse attention", "abstract": "Sparse attention reduces the cost of long contexts in transformers. The idea is old.", "keyphrases": ["sparse attention", "long contexts"]}
        {"id": "c", "title": "Graph kernels", "abstract": "Graph kernels compare molecules through their random walks. The results are good.", "keyphrases": ["graph kernels", "random walks"]}
        """;

    [Fact]
    public async Task Fit_ranker_writes_weights_that_eval_and_extract_then_use()
    {
        using var temp = new TempDirectory();
        var gold = temp.Write("gold.jsonl", RankerGold);
        var ranker = temp.File("ranker.tsv");

        var fit = await CliRun.RunAsync("eval", "fit-ranker", "--gold", gold, "--out", ranker);
        Assert.Equal(0, fit.ExitCode);
        Assert.Contains("Fitted on 3 documents", fit.Out, StringComparison.Ordinal);
        Assert.Matches(@"gold\.jsonl: F1@5 \d+\.\d  F1@10 \d+\.\d", fit.Out);
        var weights = PaperGraph.Concepts.ConceptRanker.Read(ranker);
        Assert.NotEqual(PaperGraph.Concepts.ConceptRanker.Default.Weights, weights.Weights);

        var eval = await CliRun.RunAsync("eval", "keyphrases", "--gold", gold, "--ranker", ranker);
        Assert.Equal(0, eval.ExitCode);

        // The ranker file of the configuration reaches extract too; a broken one stops the run with its file and line.
        var workspace = temp.File("ws");
        await CliRun.RunAsync("ingest", temp.Write("papers.jsonl", Papers), "-w", workspace, "-q");
        var broken = temp.Write("broken.tsv", "bias\t1\nlog-count\tmany\n");
        var config = temp.Write("papergraph.json", JsonSerializer.Serialize(new { Concepts = new { RankerFile = broken } }));
        var extract = await CliRun.RunAsync("extract", "-w", workspace, "--config", config);
        Assert.Equal(3, extract.ExitCode);
        Assert.Contains("broken.tsv:2: 'many' is not a number", extract.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", extract.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fit_ranker_refuses_a_benchmark_with_nothing_to_learn()
    {
        using var temp = new TempDirectory();
        var gold = temp.Write("gold.jsonl", """
            {"id": "a", "title": "Reward models", "abstract": "We train reward models on preference data.", "keyphrases": ["quantum chemistry"]}
            """);
        var fit = await CliRun.RunAsync("eval", "fit-ranker", "--gold", gold);
        Assert.Equal(2, fit.ExitCode);
        Assert.Contains("no candidate concept matches a gold keyphrase", fit.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thesaurus_replaces_and_drops_terms_and_the_stop_list_removes_them()
    {
        using var temp = new TempDirectory();
        var workspace = temp.File("ws");
        await CliRun.RunAsync("ingest", temp.Write("papers.jsonl", Papers), "-w", workspace, "-q");
        var thesaurus = temp.Write("thesaurus.txt", "label\treplace by\nPreference Data\tfeedback data\nrecipes\t\n");
        var stop = temp.Write("stop.txt", "# terms we do not want\nDialogue Agents\n");

        var result = await CliRun.RunAsync("extract", "-w", workspace, "--thesaurus", thesaurus, "--stop-list", stop);
        Assert.Equal(0, result.ExitCode);

        var concepts = (await CliRun.RunAsync("concepts", "-w", workspace, "--top", "100")).Out;
        Assert.Contains("preference data", concepts, StringComparison.Ordinal);
        Assert.Matches(@"  preference data\s+1\s+1  preference data \(1\)", concepts);
        Assert.DoesNotContain("recipes", concepts, StringComparison.Ordinal);
        Assert.DoesNotContain("dialogue agents", concepts, StringComparison.Ordinal);

        using var stored = PaperGraph.Workspace.WorkspaceDatabase.Open(workspace);
        var keys = stored.ReadConcepts().Select(c => c.Key).ToList();
        Assert.Contains("feedback data", keys);
        Assert.DoesNotContain("preference data", keys);
    }

    [Fact]
    public async Task A_thesaurus_line_without_a_tab_is_reported_with_file_and_line()
    {
        using var temp = new TempDirectory();
        var workspace = temp.File("ws");
        await CliRun.RunAsync("ingest", temp.Write("papers.jsonl", Papers), "-w", workspace, "-q");
        var thesaurus = temp.Write("thesaurus.txt", "label\treplace by\nno tab here\n");
        var result = await CliRun.RunAsync("extract", "-w", workspace, "--thesaurus", thesaurus);
        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{thesaurus}:2: expected 'label<TAB>replace by'", result.Error, StringComparison.Ordinal);
    }
}

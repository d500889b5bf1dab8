using System.Reflection;
using PaperGraph.Cli.Commands;
using PaperGraph.Ingest;
using PaperGraph.Tests;
using PaperGraph.Workspace;

namespace PaperGraph.Cli.Tests;

/// <summary>Issue 17, cases 1–5: inputs, settings and outputs that are never silently wrong.</summary>
public class InputTrustTests
{
    /// <summary>Six short papers written for these tests, on two topics.</summary>
    private const string Papers = """
        {"id": "2403.00001", "title": "Speculative Decoding for Large Language Models", "abstract": "Speculative decoding drafts tokens with a small model and verifies them with large language models, which speeds up inference."}
        {"id": "2403.00002", "title": "Draft Models in Speculative Decoding", "abstract": "We study draft models for speculative decoding and show that acceptance rates predict the speedup of large language models."}
        {"id": "2403.00003", "title": "Batching and Speculative Decoding", "abstract": "Batching interacts with speculative decoding; we measure the throughput of large language models under both."}
        {"id": "2403.00004", "title": "Protein Folding with Diffusion Models", "abstract": "Diffusion models generate protein structures; we evaluate protein folding accuracy on held-out protein families."}
        {"id": "2403.00005", "title": "Protein Design by Inverse Folding", "abstract": "Inverse folding designs protein sequences for a given structure; diffusion models propose the structures."}
        {"id": "2403.00006", "title": "Evaluating Protein Folding Benchmarks", "abstract": "Protein folding benchmarks leak structures between splits; we rebuild them and rescore diffusion models."}
        """;

    private const string Readme = """
        # My corpus

        | file | what |
        |---|---|
        | papers.jsonl | arXiv abstracts |

        These are the papers I collected for the survey. They come from arXiv listings of last spring.
        """;

    [Fact]
    public async Task Build_run_twice_with_its_workspace_inside_the_data_folder_reads_only_the_papers()
    {
        using var temp = new TempDirectory();
        temp.Write("data/papers.jsonl", Papers);
        var workspace = temp.File("data/ws");

        var first = await CliRun.RunAsync("build", temp.File("data"), "--workspace", workspace);
        var second = await CliRun.RunAsync("build", temp.File("data"), "--workspace", workspace);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.True(File.Exists(Path.Combine(workspace, "concepts.csv")));
        Assert.Contains("papers:    6 read: 0 new, 0 duplicates merged, 6 already in the workspace", second.Out, StringComparison.Ordinal);
        Assert.Contains("workspace: 6 papers", second.Out, StringComparison.Ordinal);
        Assert.Matches(@"ignored:   1 PaperGraph workspace \(its database and the files PaperGraph wrote are never input\): \S*ws\n", second.Out.ReplaceLineEndings("\n"));
        Assert.Single(second.Out.Split('\n'), l => l.Contains("PaperGraph workspace", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_run_twice_with_the_data_folder_as_its_workspace_reads_only_the_papers()
    {
        using var temp = new TempDirectory();
        temp.Write("data/papers.jsonl", Papers);
        var data = temp.File("data");

        var first = await CliRun.RunAsync("build", data, "--workspace", data);
        var second = await CliRun.RunAsync("build", data, "--workspace", data);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("papers:    6 read: 0 new, 0 duplicates merged, 6 already in the workspace", second.Out, StringComparison.Ordinal);
        Assert.Contains("workspace: 6 papers", second.Out, StringComparison.Ordinal);
        Assert.Matches(@"ignored:   \d+ written or read by PaperGraph as settings", second.Out);
    }

    [Fact]
    public async Task Ingest_of_a_folder_with_notes_beside_the_data_reads_only_the_papers_and_lists_the_rest_by_kind()
    {
        using var temp = new TempDirectory();
        temp.Write("data/papers.jsonl", Papers);
        temp.Write("data/README.md", Readme);
        temp.Write("data/notes.txt", Readme);
        temp.WriteBytes("data/figure.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var workspace = temp.File("ws");

        var run = await CliRun.RunAsync("ingest", temp.File("data"), "-w", workspace);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("files:     1 read, 0 skipped, 3 ignored", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"ignored:   2 notes, not papers \(Markdown, reStructuredText, LaTeX, logs, notebooks\): \S*README\.md, \S*notes\.txt", run.Out);
        Assert.Matches(@"\n\s+1 image: \S*figure\.png", run.Out);
        Assert.Contains("workspace: 6 papers", run.Out, StringComparison.Ordinal);
        using var stored = WorkspaceDatabase.OpenExisting(workspace);
        Assert.DoesNotContain(stored.ReadPapers(), p => p.Title is null || p.Title.StartsWith('#') || p.Title.StartsWith('|'));
    }

    [Fact]
    public async Task Ingest_of_a_named_file_in_an_unknown_format_exits_3_naming_it()
    {
        using var temp = new TempDirectory();
        var papers = temp.Write("papers.jsonl", Papers);
        var readme = temp.Write("README.md", Readme);

        var run = await CliRun.RunAsync("ingest", papers, readme, "-w", temp.File("ws"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"error PG3114: not a format PaperGraph reads: {readme}: notes, not papers", run.Error, StringComparison.Ordinal);
        run.AssertNoStackTrace();
        Assert.False(Directory.Exists(temp.File("ws")));
    }

    [Fact]
    public async Task Ingest_of_a_named_file_of_a_workspace_exits_3()
    {
        using var temp = new TempDirectory();
        temp.Write("data/papers.jsonl", Papers);
        var workspace = temp.File("ws");
        Assert.Equal(0, (await CliRun.RunAsync("build", temp.File("data"), "-w", workspace)).ExitCode);

        var run = await CliRun.RunAsync("ingest", Path.Combine(workspace, "concepts.csv"), "-w", temp.File("other"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("error PG3120", run.Error, StringComparison.Ordinal);
        Assert.Contains("concepts.csv: a file PaperGraph wrote into a workspace or export folder", run.Error, StringComparison.Ordinal);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task Arxiv_listing_text_is_read_as_its_own_format()
    {
        using var temp = new TempDirectory();
        var listing = temp.Write("listing.txt", """
            New submissions (showing 2 of 2 entries)

            [1] arXiv:2401.00011 [pdf, other]
            Title: Sparse Mixture of Experts with Learned Token Routing
            Authors: Ada Lovelace, Alan Turing
            Comments: 12 pages
            Subjects: Machine Learning (cs.LG); Artificial Intelligence (cs.AI)

            We route each token to a few experts with a learned gate that balances the load.

            [2] arXiv:2401.00012 [pdf, other]
            Title: Saddle Points in Minimax Optimization
            Authors: Emmy Noether
            Subjects: Optimization and Control (math.OC)

            We prove linear convergence of first-order methods for saddle-point problems.
            """);
        var workspace = temp.File("ws");

        var run = await CliRun.RunAsync("ingest", listing, "-w", workspace, "--strict");

        Assert.Equal(0, run.ExitCode);
        using var stored = WorkspaceDatabase.OpenExisting(workspace);
        var papers = stored.ReadPapers().ToList();
        Assert.Equal(["2401.00011", "2401.00012"], papers.Select(p => p.Id));
        Assert.Equal(["Sparse Mixture of Experts with Learned Token Routing", "Saddle Points in Minimax Optimization"], papers.Select(p => p.Title));
        Assert.Equal(["cs.LG", "cs.AI"], papers[0].Categories);
        Assert.Equal((2, "We route each token to a few experts with a learned gate that balances the load."), (papers[0].Authors, papers[0].Abstract));
    }

    [Fact]
    public async Task Build_after_extract_keeps_the_stop_list_and_thesaurus_extract_was_given()
    {
        using var temp = new TempDirectory();
        var workspace = temp.File("ws");
        Assert.Equal(0, (await CliRun.RunAsync("ingest", temp.Write("papers.jsonl", Papers), "-w", workspace, "-q")).ExitCode);
        var stop = temp.Write("stop.txt", "Acceptance Rates\n");
        var thesaurus = temp.Write("t.txt", "label\treplace by\nInverse Folding\tprotein design\nDraft Models\t\n");

        var extract = await CliRun.RunAsync("extract", "-w", workspace, "--stop-list", stop, "--thesaurus", thesaurus);
        Assert.Equal(0, extract.ExitCode);
        Assert.Matches(@"corrections:   stop list \S*stop\.txt \(sha256 [0-9a-f]{12}, 1 term\) recorded in the workspace; later runs use it until another is given", extract.Out);
        Assert.Matches(@"corrections:   thesaurus \S*t\.txt \(sha256 [0-9a-f]{12}, 2 entries\) recorded in the workspace", extract.Out);
        var corrected = ConceptKeys(workspace);

        var build = await CliRun.RunAsync("build", "-w", workspace);

        Assert.Equal(0, build.ExitCode);
        Assert.Matches(@"corrections:   stop list \S*stop\.txt \(sha256 [0-9a-f]{12}, 1 term\), recorded in the workspace by an earlier run", build.Out);
        var keys = ConceptKeys(workspace);
        Assert.Equal(corrected, keys);
        Assert.DoesNotContain("acceptance rate", keys);
        Assert.DoesNotContain("inverse folding", keys);
        Assert.DoesNotContain("draft model", keys);
        Assert.Contains("protein design", keys);
        Assert.DoesNotContain("acceptance rate", File.ReadAllText(Path.Combine(workspace, "concepts.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_with_another_or_an_edited_stop_list_merges_again_and_says_so()
    {
        using var temp = new TempDirectory();
        var workspace = temp.File("ws");
        await CliRun.RunAsync("ingest", temp.Write("papers.jsonl", Papers), "-w", workspace, "-q");
        var stop = temp.Write("stop.txt", "Acceptance Rates\n");
        Assert.Equal(0, (await CliRun.RunAsync("extract", "-w", workspace, "--stop-list", stop)).ExitCode);
        Assert.DoesNotContain("acceptance rate", ConceptKeys(workspace));

        var other = temp.Write("other.txt", "Speedup\n");
        var replaced = await CliRun.RunAsync("extract", "-w", workspace, "--stop-list", other);
        Assert.Equal(0, replaced.ExitCode);
        Assert.Matches(@"corrections:   stop list changed: \S*other\.txt \(sha256 [0-9a-f]{12}, 1 term\) replaces \S*stop\.txt \(sha256 [0-9a-f]{12}\); concepts merged again with it, and it is recorded", replaced.Out);
        Assert.Contains("acceptance rate", ConceptKeys(workspace));
        Assert.DoesNotContain("speedup", ConceptKeys(workspace));

        File.WriteAllText(other, "Speedup\nAcceptance Rates\n");
        var edited = await CliRun.RunAsync("build", "-w", workspace);
        Assert.Equal(0, edited.ExitCode);
        Assert.Matches(@"corrections:   stop list changed: \S*other\.txt was edited \(sha256 [0-9a-f]{12} -> [0-9a-f]{12}, 2 terms\); concepts merged again with it", edited.Out);
        Assert.DoesNotContain("acceptance rate", ConceptKeys(workspace));

        File.Delete(other);
        var gone = await CliRun.RunAsync("extract", "-w", workspace);
        Assert.Equal(0, gone.ExitCode);
        Assert.Contains("the file is gone, so the copy recorded in the workspace is used", gone.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("acceptance rate", ConceptKeys(workspace));

        var cleared = await CliRun.RunAsync("extract", "-w", workspace, "--stop-list", "");
        Assert.Equal(0, cleared.ExitCode);
        Assert.Matches(@"corrections:   stop list \S*other\.txt no longer used", cleared.Out);
        Assert.Contains("acceptance rate", ConceptKeys(workspace));
    }

    [Fact]
    public async Task A_stop_list_given_to_build_is_kept_by_the_next_build()
    {
        using var temp = new TempDirectory();
        var workspace = temp.File("ws");
        var stop = temp.Write("stop.txt", "Acceptance Rates\n");

        var first = await CliRun.RunAsync("build", temp.Write("papers.jsonl", Papers), "-w", workspace, "--stop-list", stop);
        var second = await CliRun.RunAsync("build", "-w", workspace);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("recorded in the workspace by an earlier run", second.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("acceptance rate", ConceptKeys(workspace));
    }

    private static List<string> ConceptKeys(string workspace)
    {
        using var stored = WorkspaceDatabase.OpenExisting(workspace);
        return [.. stored.ReadConcepts().Select(c => c.Key).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Every_file_build_writes_is_known_to_input_discovery()
    {
        var written = typeof(PaperGraph.Pipeline.Build.BuildOutputs.Files).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(written);
        Assert.All(written, name => Assert.Contains(name, InputDiscovery.PaperGraphFileNames));
        Assert.Contains(WorkspaceDatabase.DatabaseFileName, InputDiscovery.PaperGraphFileNames);
        Assert.Contains(WorkspaceDatabase.SyncFileName, InputDiscovery.PaperGraphFileNames);
    }
}

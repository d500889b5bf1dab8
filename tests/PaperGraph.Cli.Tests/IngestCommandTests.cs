using PaperGraph.Tests;
using PaperGraph.Workspace;

namespace PaperGraph.Cli.Tests;

public class IngestCommandTests
{
    private const string Listing = """
        Daily Papers

        Sparse Routing for Mixture of Experts

        We route tokens to experts with a learned gate. The gate balances load across experts and keeps accuracy, as experiments on three benchmarks with different numbers of experts show in detail.

          • 4 authors
        ·
        Nov 23, 2025 7

        """;

    private const string Jsonl = """
        {"id":"2401.00001","title":"Sparse routing for mixture of experts","abstract":"The arXiv version of the same paper, with a longer abstract than the page shows."}
        {"id":"2401.00002","title":"Another paper","abstract":"Something else."}
        """;

    [Fact]
    public async Task Ingest_stores_papers_merges_duplicates_and_prints_a_summary()
    {
        using var temp = new TempDirectory();
        var listing = temp.Write("in/page.txt", Listing);
        temp.Write("in/more/arxiv.jsonl", Jsonl);
        var workspace = temp.File("ws");

        var run = await CliRun.RunAsync("ingest", temp.File("in"), "--workspace", workspace);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("files:     2 read, 0 skipped", run.Out, StringComparison.Ordinal);
        Assert.Contains("papers:    3 read: 2 new, 1 duplicates merged, 0 already in the workspace", run.Out, StringComparison.Ordinal);
        Assert.Contains("workspace: 2 papers", run.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(workspace, "papergraph.db")));

        var again = await CliRun.RunAsync("ingest", listing, "-w", workspace);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("1 read: 0 new, 0 duplicates merged, 1 already in the workspace", again.Out, StringComparison.Ordinal);
        Assert.Contains("workspace: 2 papers", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Skipped_records_are_listed_with_file_line_and_reason()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("mixed.jsonl", "{\"title\":\"Good\",\"abstract\":\"Fine.\"}\n{broken\n");

        var run = await CliRun.RunAsync("ingest", path, "-w", temp.File("ws"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("skipped:   1", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"mixed\.jsonl:2: PG3109 invalid JSON", run.Out);
        Assert.Contains("warning: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_windows_1252_csv_is_read_whole_and_the_summary_says_it_was_converted()
    {
        using var temp = new TempDirectory();
        // "Café" and "Schrödinger" as a Windows spreadsheet saves them: one byte per accented letter.
        var bytes = "title,abstract\nCaf"u8.ToArray().Append((byte)0xE9).Concat(",Ordering at the counter.\nSchr"u8.ToArray())
            .Append((byte)0xF6).Concat("dinger bridges,Entropic transport.\n"u8.ToArray()).ToArray();
        var path = temp.WriteBytes("export.csv", bytes);

        var run = await CliRun.RunAsync("ingest", path, "-w", temp.File("ws"), "--strict");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("papers:    2 read: 2 new", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"encoding:  \S*export\.csv is not UTF-8: 2 lines \(from line 2\) read as Windows-1252", run.Out);
        using var workspace = WorkspaceDatabase.OpenExisting(temp.File("ws"));
        Assert.Equal(["Café", "Schrödinger bridges"], workspace.ReadPapers().Select(p => p.Title).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Strict_turns_any_skip_into_exit_code_3()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("mixed.jsonl", "{\"title\":\"Good\",\"abstract\":\"Fine.\"}\n{broken\n");

        var run = await CliRun.RunAsync("ingest", path, "-w", temp.File("ws"), "--strict");

        Assert.Equal(3, run.ExitCode);
    }

    [Fact]
    public async Task A_missing_path_exits_2_naming_it_without_a_stack_trace()
    {
        using var temp = new TempDirectory();

        var run = await CliRun.RunAsync("ingest", temp.File("nope.jsonl"), "-w", temp.File("ws"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PG2001", run.Error, StringComparison.Ordinal);
        Assert.Contains("nope.jsonl", run.Error, StringComparison.Ordinal);
        run.AssertNoStackTrace();
        Assert.False(Directory.Exists(temp.File("ws")));
    }

    [Fact]
    public async Task Input_without_any_paper_exits_3()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("empty.csv", "");

        var run = await CliRun.RunAsync("ingest", path, "-w", temp.File("ws"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("error PG3001", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"empty\.csv: PG3106 the file is empty", run.Out);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task A_100_MB_single_line_is_skipped_and_the_other_papers_are_kept()
    {
        using var temp = new TempDirectory();
        var path = temp.File("huge.jsonl");
        await using (var file = File.CreateText(path))
        {
            await file.WriteLineAsync("{\"title\":\"Before\",\"abstract\":\"Kept.\"}");
            await file.WriteAsync("{\"title\":\"Huge\",\"abstract\":\"");
            var chunk = new string('x', 1 << 20);
            for (var i = 0; i < 100; i++)
            {
                await file.WriteAsync(chunk);
            }

            await file.WriteLineAsync("\"}");
            await file.WriteLineAsync("{\"title\":\"After\",\"abstract\":\"Kept too.\"}");
        }

        var run = await CliRun.RunAsync("ingest", path, "-w", temp.File("ws"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("papers:    2 read", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"huge\.jsonl:2: PG3108 the line is 104,857,6\d\d bytes, over the limit", run.Out);
    }

    [Fact]
    public async Task Unknown_options_exit_2_and_point_to_help()
    {
        var run = await CliRun.RunAsync("ingest", "x.jsonl", "--no-such-option");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--no-such-option", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'papergraph ingest --help' for usage.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_command_exits_2()
    {
        var run = await CliRun.RunAsync();

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Help_explains_every_option()
    {
        var run = await CliRun.RunAsync("ingest", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--workspace", "--format", "--max-line-bytes", "--strict", "--verbose", "--quiet", "--config" })
        {
            Assert.Contains(option, run.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Configuration_file_values_are_validated()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("papergraph.json", """{"Ingest": {"MaxLineBytes": 10}}""");
        var input = temp.Write("a.jsonl", "{\"title\":\"T\",\"abstract\":\"A.\"}\n");

        var run = await CliRun.RunAsync("ingest", input, "-w", temp.File("ws"), "--config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("MaxLineBytes", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configuration_file_that_is_not_json_exits_2()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("papergraph.json", "{ not json");
        var input = temp.Write("a.jsonl", "{\"title\":\"T\",\"abstract\":\"A.\"}\n");

        var run = await CliRun.RunAsync("ingest", input, "-w", temp.File("ws"), "--config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error PG2002", run.Error, StringComparison.Ordinal);
        run.AssertNoStackTrace();
    }

    [Fact]
    public async Task Flags_override_the_configuration_file()
    {
        using var temp = new TempDirectory();
        var config = temp.Write("papergraph.json", """{"Workspace": {"Path": "unused"}, "Ingest": {"Format": "Csv"}}""");
        var input = temp.Write("a.dat", "title\tabstract\nT\tA.\n");

        var run = await CliRun.RunAsync("ingest", input, "-w", temp.File("ws"), "--config", config, "--format", "Tsv");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 read: 1 new", run.Out, StringComparison.Ordinal);
        Assert.True(Directory.Exists(temp.File("ws")));
    }

    [Fact]
    public async Task Cancellation_exits_130_and_leaves_the_workspace_unchanged()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("a.jsonl", string.Concat(Enumerable.Repeat("{\"title\":\"T\",\"abstract\":\"A.\"}\n", 10)));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var run = await CliRun.RunAsync(cancelled.Token, "ingest", input, "-w", temp.File("ws"));

        Assert.Equal(130, run.ExitCode);
        Assert.Contains("cancelled", run.Error, StringComparison.Ordinal);
    }
}

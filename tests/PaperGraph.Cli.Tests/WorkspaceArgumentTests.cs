using PaperGraph.Tests;
using PaperGraph.Workspace;

namespace PaperGraph.Cli.Tests;

/// <summary>Commands that read a workspace refuse a folder that is not one, and leave nothing behind.</summary>
public class WorkspaceArgumentTests
{
    public static TheoryData<string[]> ReadingCommands => new()
    {
        { ["extract"] },
        { ["concepts", "--top", "5"] },
        { ["build"] },
        { ["top", "--by", "degree"] },
        { ["export", "--format", "neo4j-admin", "--out", "{temp}/exported"] },
    };

    [Theory]
    [MemberData(nameof(ReadingCommands))]
    public async Task A_mistyped_workspace_is_a_usage_error_and_is_not_created(string[] command)
    {
        using var temp = new TempDirectory();
        var missing = temp.File("no-such-workspace");

        var run = await CliRun.RunAsync([.. command.Select(a => a.Replace("{temp}", temp.Path, StringComparison.Ordinal)), "--workspace", missing]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error PG2001: {missing}: no such workspace", run.Error, StringComparison.Ordinal);
        Assert.Contains("papergraph ingest", run.Error, StringComparison.Ordinal);
        run.AssertNoStackTrace();
        Assert.False(Directory.Exists(missing));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task A_folder_without_a_workspace_database_is_named_as_such_and_left_untouched()
    {
        using var temp = new TempDirectory();
        temp.Write("papers.jsonl", "{}\n");

        var run = await CliRun.RunAsync("concepts", "--workspace", temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{temp.Path}: not a PaperGraph workspace (it has no papergraph.db)", run.Error, StringComparison.Ordinal);
        Assert.Equal(["papers.jsonl"], Directory.EnumerateFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Build_with_paths_still_creates_the_workspace()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", """{"id": "2401.00009", "title": "Sparse Attention for Long Documents", "abstract": "We study sparse attention for long documents and compare it with dense attention on two summarisation benchmarks."}""");
        var workspace = temp.File("new-workspace");

        var run = await CliRun.RunAsync("build", input, "--workspace", workspace, "-q");

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(workspace, WorkspaceDatabase.DatabaseFileName)));
    }
}

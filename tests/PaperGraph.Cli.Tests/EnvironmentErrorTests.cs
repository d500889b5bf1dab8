using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PaperGraph.Core;
using PaperGraph.Tests;
using PaperGraph.Workspace;

namespace PaperGraph.Cli.Tests;

/// <summary>
/// Every command fed a bad environment: a workspace locked by another run, an output path under a file, a folder
/// without write permission, a full disk. Each ends with one line naming the path and the cause, exit 2 (the user's
/// setup) or 5 (the machine's state), never exit 1 and never a stack trace.
/// </summary>
public sealed class EnvironmentErrorTests
{
    private const string Papers = """
        {"id": "e1", "title": "Sparse attention for long documents", "abstract": "We study sparse attention in transformer models for long documents."}
        {"id": "e2", "title": "Sparse attention in vision transformers", "abstract": "Sparse attention in transformer models speeds up image classification."}
        {"id": "e3", "title": "Reward models for alignment", "abstract": "Reward models trained on preference data guide reinforcement learning of transformer models."}
        """;

    /// <summary>Every command that opens a workspace, with what it needs besides; <c>{temp}</c> is the test's folder.</summary>
    public static TheoryData<string[]> WorkspaceCommands => new()
    {
        { ["ingest", "{temp}/papers.jsonl"] },
        { ["extract"] },
        { ["concepts", "--top", "5"] },
        { ["build"] },
        { ["build", "{temp}/papers.jsonl"] },
        { ["top"] },
        { ["export", "--format", "neo4j-admin", "--out", "{temp}/exported"] },
        { ["sync", "--neo4j", "http://127.0.0.1:9", "--password-stdin"] },
    };

    private static async Task<(TempDirectory Temp, string Workspace)> BuiltWorkspaceAsync()
    {
        var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", Papers);
        var workspace = temp.File("ws");
        var build = await CliRun.RunAsync("build", input, "-w", workspace, "-q");
        Assert.Equal(0, build.ExitCode);
        return (temp, workspace);
    }

    private static string[] Arguments(string[] command, TempDirectory temp, string workspace) =>
        [.. command.Select(a => a.Replace("{temp}", temp.Path, StringComparison.Ordinal)), "--workspace", workspace];

    [Theory]
    [MemberData(nameof(WorkspaceCommands))]
    public async Task A_workspace_locked_by_another_run_exits_2_at_once_naming_it(string[] command)
    {
        var (temp, workspace) = await BuiltWorkspaceAsync();
        using var cleanup = temp;
        using var other = new SqliteConnection($"Data Source={Path.Combine(workspace, WorkspaceDatabase.DatabaseFileName)};Pooling=False");
        other.Open();
        using (var begin = other.CreateCommand())
        {
            // What another run holds while it writes: no one else may read or write until it commits.
            begin.CommandText = "BEGIN EXCLUSIVE";
            begin.ExecuteNonQuery();
        }

        var clock = Stopwatch.StartNew();
        var run = await CliRun.RunWithInputAsync("password\n", CancellationToken.None, Arguments(command, temp, workspace));

        Assert.Equal(2, run.ExitCode);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 20);
        run.AssertNoStackTrace();
        Assert.Contains($"error PG2006: {Path.Combine(workspace, WorkspaceDatabase.DatabaseFileName)}: the workspace is in use by another run", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(WorkspaceCommands))]
    public async Task A_workspace_path_under_a_file_exits_2_naming_the_file(string[] command)
    {
        using var temp = new TempDirectory();
        temp.Write("papers.jsonl", Papers);
        var file = temp.Write("notes.txt", "not a folder");
        var workspace = Path.Combine(file, "ws");

        var run = await CliRun.RunWithInputAsync("password\n", CancellationToken.None, Arguments(command, temp, workspace));

        Assert.Equal(2, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.StartsWith("error PG20", run.Error, StringComparison.Ordinal);
        Assert.Contains(workspace, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_with_a_workspace_under_a_file_names_the_file_that_is_in_the_way()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", Papers);
        var file = temp.Write("notes.txt", "not a folder");
        var workspace = Path.Combine(file, "ws");

        var run = await CliRun.RunAsync("build", input, "--workspace", workspace);

        Assert.Equal(2, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Equal($"error PG2008: {workspace}: {file} is a file, not a folder; choose another path.", run.Error.Trim());
    }

    [Fact]
    public async Task Export_into_a_folder_under_a_file_exits_2_naming_the_file()
    {
        var (temp, workspace) = await BuiltWorkspaceAsync();
        using var cleanup = temp;
        var file = temp.Write("notes.txt", "not a folder");
        var output = Path.Combine(file, "import");

        var run = await CliRun.RunAsync("export", "-w", workspace, "--format", "neo4j-admin", "--out", output);

        Assert.Equal(2, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Equal($"error PG2008: {output}: {file} is a file, not a folder; choose another path.", run.Error.Trim());
    }

    private const string Gold = """
        {"id": "a", "title": "Reward models for dialogue", "abstract": "We train reward models on preference data for dialogue agents. The approach is simple.", "keyphrases": ["reward models", "preference data"]}
        {"id": "b", "title": "Sparse attention", "abstract": "Sparse attention reduces the cost of long contexts in transformers. The idea is old.", "keyphrases": ["sparse attention", "long contexts"]}
        """;

    /// <summary>Every command that writes a file named by a flag; <c>{out}</c> is the file, <c>{temp}</c> the test's folder.</summary>
    public static TheoryData<string[]> OutputCommands => new()
    {
        { ["eval", "keyphrases", "--gold", "{temp}/gold.jsonl", "--predictions-out", "{out}"] },
        { ["eval", "fit-ranker", "--gold", "{temp}/gold.jsonl", "--out", "{out}"] },
        { ["tagger", "train", "--train", "{temp}/train.conllu", "--out", "{out}", "--iterations", "1", "--hash-bits", "10"] },
    };

    [Theory]
    [MemberData(nameof(OutputCommands))]
    public async Task An_output_file_under_a_file_exits_2_naming_the_file(string[] command)
    {
        using var temp = new TempDirectory();
        temp.Write("gold.jsonl", Gold);
        temp.Write("train.conllu", TaggerCommandTests.Treebank(6));
        var file = temp.Write("notes.txt", "not a folder");
        var output = Path.Combine(file, "result");

        var run = await CliRun.RunAsync([.. command.Select(a => a.Replace("{temp}", temp.Path, StringComparison.Ordinal).Replace("{out}", output, StringComparison.Ordinal))]);

        Assert.Equal(2, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.StartsWith("error PG2008: ", run.Error, StringComparison.Ordinal);
        Assert.Contains(file, run.Error, StringComparison.Ordinal);
        Assert.Contains("is a file, not a folder; choose another path.", run.Error, StringComparison.Ordinal);
    }

    [UnprivilegedFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_subfolder_that_cannot_be_listed_is_reported_not_passed_over()
    {
        using var temp = new TempDirectory();
        var data = temp.File("data");
        var hidden = Path.Combine(data, "private");
        Directory.CreateDirectory(hidden);
        File.WriteAllText(Path.Combine(data, "a.jsonl"), """{"id": "u1", "title": "Sparse attention", "abstract": "We study sparse attention in transformers."}""");
        File.WriteAllText(Path.Combine(hidden, "b.jsonl"), """{"id": "u2", "title": "Memory layers", "abstract": "Memory layers store facts."}""");
        File.SetUnixFileMode(hidden, UnixFileMode.None);
        try
        {
            var run = await CliRun.RunAsync("ingest", data, "-w", temp.File("ws"));

            Assert.Equal(0, run.ExitCode);
            Assert.Contains("PG3113", run.Out, StringComparison.Ordinal);
            Assert.Contains("private: PG3113 cannot list the folder", run.Out, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(hidden, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [UnprivilegedFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Export_into_a_folder_without_write_permission_exits_2_naming_it()
    {
        var (temp, workspace) = await BuiltWorkspaceAsync();
        using var cleanup = temp;
        var locked = temp.File("locked");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var run = await CliRun.RunAsync("export", "-w", workspace, "--format", "neo4j-admin", "--out", locked);

            Assert.Equal(2, run.ExitCode);
            run.AssertNoStackTrace();
            Assert.StartsWith($"error PG2007: {locked}/", run.Error, StringComparison.Ordinal);
            Assert.Contains("permission denied", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [UnprivilegedFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_read_only_workspace_exits_2_naming_it_and_keeps_its_files()
    {
        var (temp, workspace) = await BuiltWorkspaceAsync();
        using var cleanup = temp;
        var files = Directory.GetFiles(workspace).ToDictionary(f => f, File.ReadAllBytes);
        foreach (var file in files.Keys)
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead);
        }

        File.SetUnixFileMode(workspace, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var run = await CliRun.RunAsync("build", temp.File("papers.jsonl"), "-w", workspace, "--seed", "3");

            Assert.Equal(2, run.ExitCode);
            run.AssertNoStackTrace();
            Assert.Contains("error PG2007: ", run.Error, StringComparison.Ordinal);
            Assert.Contains(workspace, run.Error, StringComparison.Ordinal);
            Assert.All(files, f => Assert.Equal(f.Value, File.ReadAllBytes(f.Key)));
        }
        finally
        {
            File.SetUnixFileMode(workspace, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            foreach (var file in files.Keys)
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }

    [DevFullFact]
    public async Task Writing_to_a_full_device_exits_5_naming_it()
    {
        // /dev/full answers every write with ENOSPC, as a full disk does; devices are written straight through.
        using var temp = new TempDirectory();
        var gold = temp.Write("gold.jsonl", Gold);

        var run = await CliRun.RunAsync("eval", "keyphrases", "--gold", gold, "--predictions-out", "/dev/full");

        Assert.Equal(5, run.ExitCode);
        run.AssertNoStackTrace();
        Assert.Equal("error PG5001: /dev/full: no space left on the device (disk full or quota reached); free some space and run again. Files already there were kept whole.",
            run.Error.Trim());
    }

    [DevFullFact]
    public void A_full_disk_is_the_machines_state_exit_5_naming_the_path()
    {
        // A real ENOSPC from the kernel, as a full disk gives it.
        var failure = Record.Exception(() =>
        {
            using var device = new FileStream("/dev/full", FileMode.Open, FileAccess.Write);
            device.Write(new byte[1 << 16]);
            device.Flush(flushToDisk: true);
        });

        var error = EnvironmentErrors.Classify(failure!, "/data/ws/concepts.csv");

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.DiskFull, error.Code);
        Assert.Equal(5, error.ExitCode);
        Assert.Equal("/data/ws/concepts.csv: no space left on the device (disk full or quota reached); free some space and run again. Files already there were kept whole.", error.Message);
    }

    [Fact]
    public void A_full_workspace_database_is_the_machines_state_exit_5()
    {
        var error = WorkspaceErrors.Classify(new SqliteException("database or disk is full", 13), "/data/ws/papergraph.db");

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.DiskFull, error.Code);
        Assert.Equal(5, error.ExitCode);
        Assert.StartsWith("/data/ws/papergraph.db: no space left on the device", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>A fact about file permissions, which root ignores: reported as skipped, with the reason, when run as root (as CI containers often are).</summary>
internal sealed class UnprivilegedFactAttribute : FactAttribute
{
    public UnprivilegedFactAttribute()
    {
        if (Environment.IsPrivilegedProcess)
        {
            Skip = "Skipped: runs as root (or administrator), which ignores file permissions; the path-under-a-file tests cover the same messages.";
        }
        else if (OperatingSystem.IsWindows())
        {
            Skip = "Skipped: Unix file modes.";
        }
    }
}

/// <summary>A fact that needs <c>/dev/full</c> (Linux), which answers every write with ENOSPC; reported as skipped elsewhere.</summary>
internal sealed class DevFullFactAttribute : FactAttribute
{
    public DevFullFactAttribute()
    {
        if (!File.Exists("/dev/full"))
        {
            Skip = "Skipped: needs /dev/full (Linux), which answers every write with ENOSPC, as a full disk does.";
        }
    }
}

using System.Text.Json;
using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests;

/// <summary><c>bench robustness</c> runs real builds in child processes and counts what failed, and why.</summary>
public sealed class RobustnessCommandTests
{
    /// <summary>Twelve papers written for this test, on three topics.</summary>
    private static string Papers() => string.Join('\n', Enumerable.Range(0, 12).Select(i => (i % 3) switch
    {
        0 => $$"""{"id": "r{{i}}", "title": "Sparse attention {{i}}", "abstract": "We study sparse attention in transformer models for long documents."}""",
        1 => $$"""{"id": "r{{i}}", "title": "Graph neural networks {{i}}", "abstract": "Graph neural networks pass messages between nodes of molecular graphs."}""",
        _ => $$"""{"id": "r{{i}}", "title": "Reward models {{i}}", "abstract": "Reward models trained on preference data guide reinforcement learning."}""",
    }));

    [Fact]
    public async Task Builds_every_subset_and_reports_no_failure_on_a_valid_corpus()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", Papers());
        var output = temp.File("outcomes.jsonl");
        var run = await CliRun.RunAsync("bench", "robustness", input, "--subsets", "3", "--smallest", "2", "--largest", "8", "--jobs", "2", "--out", output);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Built 3 random subsets of papers.jsonl (2 to 8 papers, log-uniform sizes, seed 1)", run.Out, StringComparison.Ordinal);
        Assert.Contains("succeeded: 3 (0 with a measure left empty)", run.Out, StringComparison.Ordinal);
        Assert.Contains("failed:    0", run.Out, StringComparison.Ordinal);
        var outcomes = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([0, 1, 2], outcomes.Select(o => o.GetProperty("subset").GetInt32()));
        Assert.All(outcomes, o => Assert.Equal(0, o.GetProperty("exitCode").GetInt32()));
        Assert.All(outcomes, o => Assert.InRange(o.GetProperty("papers").GetInt32(), 2, 8));
    }

    [Fact]
    public async Task Failing_builds_are_counted_with_their_error_and_kept_for_reproduction()
    {
        using var temp = new TempDirectory();
        // Papers without a single concept: every build is refused (exit 3).
        var input = temp.Write("empty.jsonl", string.Join('\n', Enumerable.Range(0, 6).Select(i => $$"""{"id": "e{{i}}", "title": "Yes", "abstract": "We did it. It works."}""")));
        var keep = temp.File("failures");
        var run = await CliRun.RunAsync("bench", "robustness", input, "--subsets", "2", "--smallest", "2", "--largest", "3", "--keep-failures", keep);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("failed:    2", run.Out, StringComparison.Ordinal);
        Assert.Contains("2 × exit 3: error PG3009", run.Out, StringComparison.Ordinal);
        Assert.Equal(["subset-0.jsonl", "subset-1.jsonl"], Directory.GetFiles(keep).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task The_same_seed_draws_the_same_subsets()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", Papers());
        async Task<string> Sizes(string seed, string name)
        {
            var output = temp.File(name);
            Assert.Equal(0, (await CliRun.RunAsync("bench", "robustness", input, "--subsets", "4", "--smallest", "2", "--largest", "12", "--seed", seed, "--out", output)).ExitCode);
            return string.Join(",", File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("papers").GetInt32()));
        }

        Assert.Equal(await Sizes("5", "a.jsonl"), await Sizes("5", "b.jsonl"));
    }

    /// <summary>A build that hangs is stopped at --timeout and counted as failed, with its process tree ended.</summary>
    [Fact]
    public async Task A_build_that_hangs_is_stopped_and_counted_as_failed()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the stand-in below is a shell script
        }

        using var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", Papers());
        // A stand-in for papergraph that never finishes.
        var hang = temp.Write("hang.sh", "#!/bin/sh\nsleep 60\n");
        File.SetUnixFileMode(hang, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = await CliRun.RunAsync("bench", "robustness", input, "--subsets", "2", "--smallest", "2", "--largest", "3", "--timeout", "1", "--papergraph", hang);
        Assert.Equal(0, run.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Contains("failed:    2", run.Out, StringComparison.Ordinal);
        Assert.Contains("timed out: stopped after 1 s", run.Out, StringComparison.Ordinal);
    }
}

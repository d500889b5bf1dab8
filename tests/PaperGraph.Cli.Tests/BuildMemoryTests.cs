using System.Diagnostics;
using System.Text.Json;
using PaperGraph.Pipeline.Build;
using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests;

/// <summary>
/// What keeps a build's memory bounded: the budget it is given (in a child process, since the budget caps the whole
/// process's heap), and the file of the corpus's terms it reads the index from, which a killed build leaves behind
/// and the next build deletes.
/// </summary>
public sealed class BuildMemoryTests
{
    [Fact]
    public async Task A_build_keeps_to_the_budget_it_is_given_and_reports_it()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", KilledBuildTests.Corpus());
        var workspace = temp.File("ws");

        var (code, output, error) = await RunChild(TimeSpan.FromMinutes(2), "build", input, "-w", workspace, "--memory", "400");

        Assert.True(code == 0, error);
        Assert.Contains("(budget 400 MB)", output, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace, "summary.json")));
        Assert.Equal(400L << 20, summary.RootElement.GetProperty("memoryBudgetBytes").GetInt64());
        Assert.InRange(summary.RootElement.GetProperty("peakMemoryBytes").GetInt64(), 1, 400L << 20);
    }

    [Theory]
    [InlineData("100")]
    [InlineData("0")]
    public async Task A_budget_below_the_minimum_is_a_settings_error_that_says_the_minimum(string megabytes)
    {
        using var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", KilledBuildTests.Corpus());

        var run = await CliRun.RunAsync("build", input, "-w", temp.File("ws"), "--memory", megabytes);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Build:MemoryBudgetMB is {megabytes}; expected a whole number at least {MemoryBudget.MinimumMB}", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.File("ws"), "summary.json")));
    }

    [Fact]
    public void Running_out_of_memory_anywhere_in_a_build_is_its_budget_exceeded_not_a_crash()
    {
        var inner = new OutOfMemoryException();

        Assert.Same(inner, MemoryBudget.OutOfMemory(new AggregateException(new InvalidOperationException(), new AggregateException(inner))));
        Assert.Same(inner, MemoryBudget.OutOfMemory(new InvalidOperationException("wrapped", inner)));
        Assert.Null(MemoryBudget.OutOfMemory(new AggregateException(new InvalidOperationException())));
        var error = MemoryBudget.Exceeded(1L << 30, "/data/ws", inner);
        Assert.Equal(Core.ErrorCodes.MemoryBudgetExceeded, error.Code);
        Assert.Contains("memory budget of 1,024 MB", error.Message, StringComparison.Ordinal);
        Assert.Contains("--memory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_killed_while_it_reads_the_corpus_terms_leaves_a_file_the_next_build_deletes_and_the_same_outputs()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", KilledBuildTests.Corpus());
        var reference = temp.File("reference");
        Assert.Equal(0, (await CliRun.RunAsync("build", input, "-w", reference, "-q")).ExitCode);
        var workspace = temp.File("ws");
        Assert.Equal(0, (await CliRun.RunAsync("ingest", input, "-w", workspace, "-q")).ExitCode);

        var killed = await KillWhenSpilled(workspace);

        Assert.True(killed, "the build ended before it wrote the corpus's terms; nothing was tested");
        Assert.NotEmpty(Directory.EnumerateFiles(workspace, ".terms-*.spill"));
        var rebuilt = await CliRun.RunAsync("build", "-w", workspace, "-q");
        Assert.True(rebuilt.ExitCode == 0, rebuilt.Error);
        Assert.Empty(Directory.EnumerateFiles(workspace, "*.spill"));
        foreach (var file in new[] { "concepts.csv", "cooccurrence.csv", "trends.csv" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(reference, file)), File.ReadAllText(Path.Combine(workspace, file)));
        }
    }

    /// <summary>Runs 'build' in a child process and kills it as soon as its file of terms exists; false if it ended first.</summary>
    private static async Task<bool> KillWhenSpilled(string workspace)
    {
        using var process = Start("build", "-w", workspace, "-q");
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (Directory.EnumerateFiles(workspace, ".terms-*.spill").Any())
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return true;
            }

            await Task.Delay(1);
        }

        await process.WaitForExitAsync();
        return false;
    }

    private static async Task<(int Code, string Output, string Error)> RunChild(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output, await error);
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(PaperGraphApp).Assembly.Location);
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("PAPERGRAPH_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(variable);
        }

        return Process.Start(start)!;
    }
}

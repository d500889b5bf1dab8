using System.Text.RegularExpressions;
using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests;

/// <summary><c>bench scale</c> builds growing prefixes of a corpus in child processes and reports time, memory and disk for each.</summary>
public sealed partial class ScaleCommandTests
{
    /// <summary>Nine papers written for this test, on three topics, split over two files as the development corpora are.</summary>
    private static (string First, string Second) Papers(TempDirectory temp)
    {
        string Paper(int i) => (i % 3) switch
        {
            0 => $$"""{"id": "s{{i}}", "title": "Sparse attention {{i}}", "abstract": "We study sparse attention in transformer models for long documents."}""",
            1 => $$"""{"id": "s{{i}}", "title": "Graph neural networks {{i}}", "abstract": "Graph neural networks pass messages between nodes of molecular graphs."}""",
            _ => $$"""{"id": "s{{i}}", "title": "Reward models {{i}}", "abstract": "Reward models trained on preference data guide reinforcement learning."}""",
        };
        return (temp.Write("a.jsonl", string.Join('\n', Enumerable.Range(0, 5).Select(Paper))),
            temp.WriteBytes("b.jsonl.gz", TempDirectory.Gzip(string.Join('\n', Enumerable.Range(5, 4).Select(Paper)))));
    }

    [Fact]
    public async Task Each_size_is_built_from_the_first_papers_of_the_files_read_as_one()
    {
        using var temp = new TempDirectory();
        var (first, second) = Papers(temp);

        var run = await CliRun.RunAsync("bench", "scale", first, second, "--sizes", "7,3", "--scratch", temp.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Out.Split('\n').Where(l => RowOf().IsMatch(l)).ToList();
        var rows = lines.Select(l => RowOf().Match(l)).ToList();
        // Smallest first; 7 papers reach into the second (gzipped) file.
        Assert.Equal(["3", "7"], rows.Select(r => r.Groups["papers"].Value));
        Assert.All(rows, r => Assert.True(double.Parse(r.Groups["peak"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0));
        Assert.All(lines, l => Assert.Contains("extract", l, StringComparison.Ordinal));
        Assert.Contains("peak memory grows", run.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(temp.Path)); // each size's input and workspace are removed
    }

    [Fact]
    public async Task A_size_beyond_the_files_is_built_once_with_every_paper()
    {
        using var temp = new TempDirectory();
        var (first, second) = Papers(temp);

        var run = await CliRun.RunAsync("bench", "scale", first, second, "--sizes", "50,100", "--scratch", temp.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["9"], run.Out.Split('\n').Where(l => RowOf().IsMatch(l)).Select(l => RowOf().Match(l).Groups["papers"].Value));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100k")]
    [InlineData("")]
    public async Task Sizes_that_are_not_whole_numbers_of_papers_are_a_usage_error(string sizes)
    {
        using var temp = new TempDirectory();
        var (first, _) = Papers(temp);

        var run = await CliRun.RunAsync("bench", "scale", first, "--sizes", sizes);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--sizes must be whole numbers of papers", run.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s+(?<papers>[\d,]+)\s+(?<wall>[\d.]+)\s+(?<peak>[\d.]+)\s+(?<disk>[\d.]+)\s+[\d.]+\s+ingest")]
    private static partial Regex RowOf();
}

using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests;

/// <summary><c>bench graph</c> and <c>bench layout</c>: the algorithms timed on an edge list or a synthetic graph.</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Bench_graph_times_every_algorithm_on_an_edge_list_and_writes_its_results()
    {
        using var temp = new TempDirectory();
        // Two triangles joined by one light edge: two communities.
        var edges = temp.Write("edges.csv", "source,target,weight\na,b,3\nb,c,3\na,c,3\nd,e,3\ne,f,3\nd,f,3\nc,d,1\n");
        var output = temp.File("out.json");

        var run = await CliRun.RunAsync("bench", "graph", "--edges", edges, "--runs", "1", "--out", output);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("graph:    6 nodes, 7 edges (edges.csv)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"louvain:  [\d.]+ s one run \(fastest of 1; 2 communities", run.Out);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal(6, json.RootElement.GetProperty("pagerank").GetArrayLength());
    }

    [Fact]
    public async Task Bench_layout_on_a_synthetic_graph_gives_the_same_layout_on_every_run()
    {
        var run = await CliRun.RunAsync("bench", "layout", "--synthetic", "400:4000", "--runs", "2", "--iterations", "20");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("graph:    400 nodes, 4,000 edges (synthetic, seed 42)", run.Out, StringComparison.Ordinal);
        Assert.Contains("runs identical: yes", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_synthetic_graph_too_dense_or_too_small_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("bench", "layout", "--synthetic", "10:40");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--synthetic 10:40: expected N:M, at least 40 nodes", run.Error, StringComparison.Ordinal);
    }
}

using PaperGraph.Cli;
using PaperGraph.Tests;
using PaperGraph.Workspace;

namespace PaperGraph.Report.Tests;

[Collection(SampleReportCollection.Name)]
public sealed class ReportCommandTests(SampleReport sample)
{
    [Fact]
    public void Report_writes_one_page_with_the_title_as_text()
    {
        var html = File.ReadAllText(sample.Page);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Samples &lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>", html, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "<script", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Count);
    }

    [Fact]
    public async Task Report_says_what_it_wrote()
    {
        using var folder = new TempDirectory();
        var output = await SampleReport.Run("report", "--workspace", sample.Workspace, "--out", folder.File("m.html"), "--concepts", "5");

        Assert.Matches(@"^Wrote .*m\.html \(\d+\.\d MB\) in \d+\.\d\d s: 5 of \d+ concepts, \d+ communit(y|ies), \d+ evidence papers?", output);
    }

    [Fact]
    public async Task Report_on_a_workspace_without_a_graph_exits_3_and_says_to_build()
    {
        using var folder = new TempDirectory();
        WorkspaceDatabase.Open(folder.File("ws")).Dispose();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await PaperGraphApp.RunAsync(["report", "--workspace", folder.File("ws"), "--out", folder.File("m.html")], output, error);

        Assert.Equal(3, code);
        Assert.Contains("no concept graph yet; run 'papergraph build", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("m.html")));
    }

    [Fact]
    public async Task Report_without_out_is_a_usage_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await PaperGraphApp.RunAsync(["report", "--workspace", sample.Workspace], output, error);

        Assert.Equal(2, code);
        Assert.Contains("--out", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_with_zero_concepts_is_a_usage_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await PaperGraphApp.RunAsync(["report", "--workspace", sample.Workspace, "--out", "x.html", "--concepts", "0"], output, error);

        Assert.Equal(2, code);
        Assert.Contains("--concepts must be at least 1", error.ToString(), StringComparison.Ordinal);
    }
}

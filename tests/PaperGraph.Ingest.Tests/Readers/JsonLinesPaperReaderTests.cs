using PaperGraph.Tests;
using PaperGraph.Core;

namespace PaperGraph.Ingest.Tests.Readers;

public class JsonLinesPaperReaderTests
{
    [Fact]
    public void Reads_papergraph_jsonl_records()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("papers.jsonl", """
            {"id":"1501.00001","title":"A  title\nwith breaks","abstract":"An abstract with Schr\\\"odinger in it.","date":"2015-01-30","categories":["math.AP","math-ph"]}

            {"id":"hep-th/9901001v2","title":"Old style","abstract":"Text.","categories":["hep-th"],"extra":{"ignored":[1,2,3]}}
            """);

        var (papers, diagnostics, _) = Reading.Read(path);

        Assert.Empty(diagnostics.Skips);
        Assert.Equal(2, papers.Count);
        Assert.Equal("1501.00001", papers[0].Id);
        Assert.Equal("A title with breaks", papers[0].Title);
        Assert.Equal("An abstract with Schrödinger in it.", papers[0].Abstract);
        Assert.Equal("2015-01-30", papers[0].Published);
        Assert.Equal(["math.AP", "math-ph"], papers[0].Categories);
        Assert.Equal("hep-th/9901001", papers[1].Id);
        Assert.EndsWith("papers.jsonl:3", papers[1].Sources[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_arxiv_metadata_snapshot_format()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("arxiv-metadata.json", """
            {"id":"0704.0001","submitter":"A. Person","authors":"A. Person, B. Person and C. Person","title":"Calculation of a thing","comments":"37 pages","journal-ref":null,"doi":null,"report-no":null,"categories":"hep-ph cs.LG","license":null,"abstract":"  A fully differential calculation\nof something.\n","versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"},{"version":"v2","created":"Tue, 24 Jul 2007 20:10:27 GMT"}],"update_date":"2008-11-13","authors_parsed":[["Person","A.",""],["Person","B.",""],["Person","C.",""]]}
            """);

        var paper = Assert.Single(Reading.Read(path).Papers);

        Assert.Equal("0704.0001", paper.Id);
        Assert.Equal("A fully differential calculation of something.", paper.Abstract);
        Assert.Equal(["hep-ph", "cs.LG"], paper.Categories);
        Assert.Equal("2007-04-02", paper.Published);
        Assert.Equal(3, paper.Authors);
    }

    [Fact]
    public void Malformed_lines_are_skipped_with_their_line_and_the_rest_is_kept()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("broken.jsonl", """
            {"title":"Good one","abstract":"Fine."}
            {"title":"Cut off","abstract":"no closing brace"
            ["an","array"]
            {"title":"No abstract"}
            {"title":"Good two","abstract":"Also fine."}
            """);

        var (papers, diagnostics, _) = Reading.Read(path);

        Assert.Equal(["Good one", "Good two"], papers.Select(p => p.Title));
        Assert.Equal(
            [(ErrorCodes.MalformedJson, "broken.jsonl:2"), (ErrorCodes.MalformedJson, "broken.jsonl:3"), (ErrorCodes.MissingAbstract, "broken.jsonl:4")],
            diagnostics.Skips.Select(s => (s.Code, Path.GetFileName(s.Location))));
    }

    [Fact]
    public void A_json_array_file_is_reported_as_not_json_lines()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("papers.json", "[\n  {\"title\": \"x\", \"abstract\": \"y\"}\n]\n");

        var (papers, diagnostics, statistics) = Reading.Read(path);

        Assert.Empty(papers);
        var skip = Assert.Single(diagnostics.Skips);
        Assert.Equal(ErrorCodes.MalformedJson, skip.Code);
        Assert.Contains("JSON array", skip.Message, StringComparison.Ordinal);
        Assert.Equal(1, statistics.FilesSkipped);
    }
}

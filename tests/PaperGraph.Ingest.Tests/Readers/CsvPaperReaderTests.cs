using PaperGraph.Tests;
using PaperGraph.Core;

namespace PaperGraph.Ingest.Tests.Readers;

public class CsvPaperReaderTests
{
    [Fact]
    public void Quoted_fields_may_hold_delimiters_quotes_and_line_breaks()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("export.csv",
            "Title,Abstract,arXiv ID,Published\r\n" +
            "\"Commas, quotes\",\"She said \"\"hello\"\",\nthen left.\",2401.00001v3,2024-01-02\r\n" +
            "Plain,Plain abstract.,,\r\n");

        var (papers, diagnostics, _) = Reading.Read(path);

        Assert.Empty(diagnostics.Skips);
        Assert.Equal(2, papers.Count);
        Assert.Equal("Commas, quotes", papers[0].Title);
        Assert.Equal("She said \"hello\", then left.", papers[0].Abstract);
        Assert.Equal("2401.00001", papers[0].Id);
        Assert.Equal("2024-01-02", papers[0].Published);
        Assert.EndsWith("export.csv:2", papers[0].Sources[0], StringComparison.Ordinal);
        Assert.EndsWith("export.csv:4", papers[1].Sources[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Tsv_and_semicolon_separated_files_are_read()
    {
        using var temp = new TempDirectory();
        var tsv = temp.Write("a.tsv", "title\tsummary\tcategories\nT1\tA1.\tcs.LG stat.ML\n");
        var semicolons = temp.Write("b.csv", "title;abstract\nT2;A2.\n");

        var (papers, diagnostics, _) = Reading.ReadAll([tsv, semicolons]);

        Assert.Empty(diagnostics.Skips);
        Assert.Equal(["T1", "T2"], papers.Select(p => p.Title));
        Assert.Equal(["cs.LG", "stat.ML"], papers[0].Categories);
    }

    [Fact]
    public void A_header_without_title_and_abstract_columns_skips_the_file_and_says_what_was_expected()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("wrong.csv", "name,text\nx,y\n");

        var (papers, diagnostics, statistics) = Reading.Read(path);

        Assert.Empty(papers);
        var skip = Assert.Single(diagnostics.Skips);
        Assert.Equal(ErrorCodes.MissingColumns, skip.Code);
        Assert.Contains("'name', 'text'", skip.Message, StringComparison.Ordinal);
        Assert.Contains("'title' column", skip.Message, StringComparison.Ordinal);
        Assert.Contains("'abstract' column", skip.Message, StringComparison.Ordinal);
        Assert.Equal(1, statistics.FilesSkipped);
    }

    [Fact]
    public void Rows_with_the_wrong_field_count_and_unclosed_quotes_are_reported_by_line()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("rows.csv", "title,abstract\nGood,Fine.\nToo,many,fields\nAlso good,Fine too.\nOpen,\"never closed\nand more\n");

        var (papers, diagnostics, _) = Reading.Read(path);

        Assert.Equal(["Good", "Also good"], papers.Select(p => p.Title));
        Assert.Equal(
            [(ErrorCodes.MalformedCsv, "rows.csv:3"), (ErrorCodes.MalformedCsv, "rows.csv:5")],
            diagnostics.Skips.Select(s => (s.Code, Path.GetFileName(s.Location))));
    }
}

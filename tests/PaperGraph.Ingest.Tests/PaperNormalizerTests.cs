using Microsoft.Extensions.Logging.Abstractions;
using PaperGraph.Core;

namespace PaperGraph.Ingest.Tests;

public class PaperNormalizerTests
{
    [Theory]
    [InlineData("2401.12345", "2401.12345")]
    [InlineData("2401.12345v3", "2401.12345")]
    [InlineData("arXiv:0704.0001", "0704.0001")]
    [InlineData("https://arxiv.org/abs/2401.12345v2", "2401.12345")]
    [InlineData("http://arxiv.org/pdf/2401.12345.pdf", "2401.12345")]
    [InlineData("hep-th/9901001", "hep-th/9901001")]
    [InlineData("MATH.gt/0309136v1", "math.GT/0309136")]
    [InlineData("10.1000/xyz123", null)]
    [InlineData("W2741809807", null)]
    [InlineData("", null)]
    public void ArxivId_accepts_the_usual_spellings(string input, string? expected) =>
        Assert.Equal(expected, PaperNormalizer.ArxivId(input));

    [Theory]
    [InlineData("2015-01-30", "2015-01-30")]
    [InlineData("2015-01-30T10:00:00Z", "2015-01-30")]
    [InlineData("Mon, 2 Apr 2007 19:18:42 GMT", "2007-04-02")]
    [InlineData("Aug 28, 2025", "2025-08-28")]
    [InlineData("--01-28", "--01-28")]
    [InlineData("2019", "2019")]
    [InlineData("not a date", null)]
    public void IsoDate_normalises_common_forms(string input, string? expected) =>
        Assert.Equal(expected, PaperNormalizer.IsoDate(input));

    [Fact]
    public void Papers_without_arxiv_id_get_an_id_from_their_title_key()
    {
        var diagnostics = new IngestDiagnostics(NullLogger.Instance);
        var a = PaperNormalizer.Normalize(new PaperRecord("f", 1, null, "Vision- Language Models", "x"), diagnostics)!;
        var b = PaperNormalizer.Normalize(new PaperRecord("g", 9, "not-arxiv", "vision-language models", "y"), diagnostics)!;
        var c = PaperNormalizer.Normalize(new PaperRecord("h", 2, null, "Another Title", "x"), diagnostics)!;

        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, c.Id);
        Assert.Matches("^t:[0-9a-f]{16}$", a.Id);
    }

    [Fact]
    public void A_record_without_abstract_is_skipped_with_its_location()
    {
        var diagnostics = new IngestDiagnostics(NullLogger.Instance);

        var paper = PaperNormalizer.Normalize(new PaperRecord("f.csv", 7, null, "Title", "  "), diagnostics);

        Assert.Null(paper);
        var skip = Assert.Single(diagnostics.Skips);
        Assert.Equal((ErrorCodes.MissingAbstract, "f.csv:7"), (skip.Code, skip.Location));
    }
}

using PaperGraph.Tests;
using PaperGraph.Core;

namespace PaperGraph.Ingest.Tests.Readers;

public class DailyPapersTextReaderTests
{
    [Fact]
    public void Listing_layout_yields_every_entry_with_its_metadata()
    {
        var (papers, diagnostics, _) = Reading.Read(Reading.Fixture("daily-listing.txt"));

        Assert.Equal(
            ["Sparse Routing for Mixture of Experts at Scale", "Sample Complexity of Preference Learning", "Another Paper On Curriculum Design", null, "Entry Without Metadata", "Last Entry Title"],
            papers.Select(p => p.Title));

        var first = papers[0];
        Assert.Equal(4, first.Authors);
        Assert.Equal("2025-11-23", first.Published);
        Assert.Equal(7, first.Upvotes);
        Assert.StartsWith("We study how a mixture of experts (MoE)", first.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("daily-listing.txt:13", first.Sources.Single(), StringComparison.Ordinal);

        var organisation = papers[1];
        Assert.Equal("ExampleLab Example Research", organisation.Organization);
        Assert.Null(organisation.Authors);
        Assert.Equal("--01-28", organisation.Published);
        Assert.Equal(2, organisation.Upvotes);

        Assert.Equal((1, "2024-02-09", (int?)null), (papers[2].Authors, papers[2].Published, papers[2].Upvotes));
        Assert.StartsWith("This abstract was copied without its title.", papers[3].Abstract, StringComparison.Ordinal);
        Assert.Equal((3, "2023-03-01"), (papers[3].Authors, papers[3].Published));
        Assert.Equal(((int?)null, (string?)null), (papers[4].Authors, papers[4].Published));
        Assert.Equal((2, "--12-05"), (papers[5].Authors, papers[5].Published));

        var skip = Assert.Single(diagnostics.Skips);
        Assert.Equal(ErrorCodes.TitleWithoutAbstract, skip.Code);
        Assert.EndsWith("daily-listing.txt:29", skip.Location, StringComparison.Ordinal);
        Assert.Contains("Tiny Title Without Any Abstract", skip.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alternating_layout_strips_glued_chrome_and_keeps_short_abstracts()
    {
        var (papers, diagnostics, _) = Reading.Read(Reading.Fixture("daily-alternating.txt"));

        Assert.Equal(
            ["Graph Attention for Citation Networks", "Q-Learning with Function Approximation", "Withdrawn Results", "Scaling Laws for Retrieval"],
            papers.Select(p => p.Title));
        Assert.Equal("This paper has been withdrawn.", papers[2].Abstract);
        Assert.All(papers, p => Assert.Null(p.Published));
        Assert.Empty(diagnostics.Skips);
    }

    [Theory]
    [InlineData("Nov 23, 2025 2", "2025-11-23", 2)]
    [InlineData("Aug 28, 2025", "2025-08-28", null)]
    [InlineData("Jan 28 2", "--01-28", 2)]
    [InlineData("Feb 19", "--02-19", null)]
    public void Date_lines_become_iso_dates_with_upvotes(string line, string iso, int? upvotes)
    {
        var item = Ingest.Readers.DailyPapersTextReader.Classify(line, 1);

        Assert.Equal(Ingest.Readers.DailyPapersTextReader.ItemKind.Date, item.Kind);
        Assert.Equal(iso, item.Text);
        Assert.Equal(upvotes, item.Number);
    }

    [Theory]
    [InlineData("  • 5 authors", 5)]
    [InlineData("• 1 author", 1)]
    public void Author_lines_give_the_author_count(string line, int count)
    {
        var item = Ingest.Readers.DailyPapersTextReader.Classify(line.Trim(), 1);

        Assert.Equal(Ingest.Readers.DailyPapersTextReader.ItemKind.Authors, item.Kind);
        Assert.Equal(count, item.Number);
    }

    [Fact]
    public void Same_paper_in_two_layouts_has_the_same_id()
    {
        using var temp = new TempDirectory();
        var listing = temp.Write("a.txt", "Scaling Laws for Retrieval\n\nShort abstract of the paper, long enough to be an abstract. It has two sentences.\n\n  • 2 authors\n·\nMay 2, 2024\n");
        var alternating = temp.Write("b.txt", "SubscribeScaling laws for retrieval\nAnother copy of the abstract with other words. Also two sentences here.\n");

        var (papers, _, _) = Reading.ReadAll([listing, alternating]);

        Assert.Equal(2, papers.Count);
        Assert.Equal(papers[0].Id, papers[1].Id);
        Assert.StartsWith("t:", papers[0].Id, StringComparison.Ordinal);
    }
}

using PaperGraph.Core;
using PaperGraph.Tests;

namespace PaperGraph.Ingest.Tests.Readers;

public class ArxivListingTextReaderTests
{
    /// <summary>A listing page as a browser copies it, written for this test: headings, new, cross-listed and replaced entries.</summary>
    private const string Listing = """
        Machine Learning
        Showing new listings for Friday, 5 January 2024
        Total of 4 entries

        New submissions (showing 2 of 2 entries)

        [1] arXiv:2401.00011 [pdf, other]
        Title: Sparse Mixture of Experts with Learned Token Routing
        Authors: Ada Lovelace, Alan Turing, Grace Hopper
        Comments: 12 pages, 4 figures
        Subjects: Machine Learning (cs.LG); Artificial Intelligence (cs.AI)

        We route each token to a few experts with a learned gate. The gate balances the load across experts
        and keeps the accuracy of a dense model at a fraction of its cost.

        [2] arXiv:2401.00012 [pdf, html, other]
        Title: A Title Long Enough That the Browser Wrapped It
        onto a Second Line
        Authors: Emmy Noether
        Subjects: Optimization and Control (math.OC)
        We study first-order methods for saddle-point problems and prove linear convergence under a weak condition.

        Cross submissions (showing 1 of 1 entries)

        [3] arXiv:2401.00013 (cross-list from cs.CL) [pdf, other]
        Title: Tokenizers for Low-Resource Languages
        Authors: Ibn Khaldun and Hypatia
        Journal-ref: Proceedings of a Workshop, 2024
        Subjects: Computation and Language (cs.CL); Machine Learning (cs.LG)

        Byte-level tokenizers waste capacity on scripts with many code points; we learn merges per script.

        Replacement submissions (showing 1 of 1 entries)

        [4] arXiv:2312.09999 (replaced) [pdf, other]
        Title: An Older Paper, Revised
        Authors: Mary Somerville
        Subjects: Machine Learning (cs.LG)
        """;

    [Fact]
    public void A_listing_yields_id_title_authors_categories_and_abstract_of_each_entry()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("listing.txt", Listing);

        var (papers, diagnostics, _) = Reading.Read(path);

        Assert.Equal(["2401.00011", "2401.00012", "2401.00013"], papers.Select(p => p.Id));
        Assert.Equal(
            ["Sparse Mixture of Experts with Learned Token Routing", "A Title Long Enough That the Browser Wrapped It onto a Second Line", "Tokenizers for Low-Resource Languages"],
            papers.Select(p => p.Title));
        Assert.Equal([3, 1, 2], papers.Select(p => p.Authors ?? 0));
        Assert.Equal(["cs.LG", "cs.AI"], papers[0].Categories);
        Assert.Equal(["math.OC"], papers[1].Categories);
        Assert.Equal(["cs.CL", "cs.LG"], papers[2].Categories);
        Assert.Equal("We route each token to a few experts with a learned gate. The gate balances the load across experts and keeps the accuracy of a dense model at a fraction of its cost.", papers[0].Abstract);
        Assert.StartsWith("We study first-order methods", papers[1].Abstract, StringComparison.Ordinal);
        Assert.StartsWith("Byte-level tokenizers", papers[2].Abstract, StringComparison.Ordinal);
        Assert.EndsWith("listing.txt:7", papers[0].Sources.Single(), StringComparison.Ordinal);

        var skip = Assert.Single(diagnostics.Skips);
        Assert.Equal(ErrorCodes.MissingAbstract, skip.Code);
        Assert.Contains("arXiv:2312.09999 is a replaced entry", skip.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_paper_from_listing_text_has_a_field_name_or_markup_for_a_title_or_field_names_in_its_abstract()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("copied", Listing);

        var (papers, _, _) = Reading.Read(path);

        Assert.NotEmpty(papers);
        Assert.All(papers, p => Assert.False(p.Title!.StartsWith("Title:", StringComparison.Ordinal) || p.Title.StartsWith("Authors:", StringComparison.Ordinal) || p.Title[0] is '[' or '|' or '#', p.Title));
        Assert.All(papers, p => Assert.DoesNotContain("Authors:", p.Abstract, StringComparison.Ordinal));
        Assert.All(papers, p => Assert.DoesNotContain("Subjects:", p.Abstract, StringComparison.Ordinal));
    }

    [Fact]
    public void The_mailing_list_digest_layout_is_read_too()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("digest.txt", """
            ------------------------------------------------------------------------------
            \\
            arXiv:2401.00021
            Date: Mon, 1 Jan 2024 10:00:00 GMT   (120kb)

            Title: Graph Transformers for Molecules
            Authors: Rosalind Franklin, Linus Pauling
            Categories: cs.LG q-bio.BM
            Comments: 9 pages
            \\
              Graph transformers attend over all atoms of a molecule; we add distance biases and
            improve property prediction on two benchmarks.
            \\ ( https://arxiv.org/abs/2401.00021 ,  120kb)
            """);

        var paper = Assert.Single(Reading.Read(path).Papers);

        Assert.Equal(("2401.00021", "Graph Transformers for Molecules", 2), (paper.Id, paper.Title, paper.Authors));
        Assert.Equal(["cs.LG", "q-bio.BM"], paper.Categories);
        Assert.StartsWith("Graph transformers attend over all atoms", paper.Abstract, StringComparison.Ordinal);
        Assert.EndsWith("two benchmarks.", paper.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public void Listing_text_is_recognised_by_content_in_a_txt_file() =>
        Assert.Equal(InputFormat.ArxivListing, FormatDetector.FromContent(System.Text.Encoding.UTF8.GetBytes(Listing)));

    [Fact]
    public void Page_text_never_yields_titles_that_are_markup_or_listing_fields()
    {
        using var temp = new TempDirectory();
        // Daily Papers page text with notes and a stray listing entry pasted in below it.
        var filler = string.Concat(Enumerable.Range(0, 20).Select(i =>
            $"Paper Number {i} on Sparse Routing\n\nWe study routing number {i} for mixtures of experts and show that a learned gate balances load across experts while keeping accuracy on three benchmarks. The code and the trained models are public.\n\n"));
        var path = temp.Write("page.txt", filler + """
            # Notes to self

            | paper | status |
            [5] arXiv:2401.00055 [pdf]
            Title: Pasted Listing Entry
            Authors: Someone Else
            We study something pasted from a listing page, long enough to read as an abstract of a paper with several sentences. It goes on.
            """);

        var (papers, _, _) = Reading.Read(path);

        Assert.Equal(21, papers.Count);
        Assert.All(papers.Where(p => p.Title is not null), p => Assert.False(
            p.Title!.StartsWith("Title:", StringComparison.Ordinal) || p.Title.StartsWith("Authors:", StringComparison.Ordinal) || p.Title[0] is '[' or '|' or '#', p.Title));
    }
}

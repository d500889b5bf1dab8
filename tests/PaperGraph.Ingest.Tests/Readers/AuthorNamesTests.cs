using PaperGraph.Tests;

namespace PaperGraph.Ingest.Tests.Readers;

/// <summary>Authors' names, wherever a source gives them; a count where it gives only that.</summary>
public class AuthorNamesTests
{
    [Fact]
    public void Json_lines_give_names_from_an_array_a_list_string_or_arxivs_parsed_form()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("papers.jsonl", """
            {"id":"2401.00001","title":"One","abstract":"First.","authors":["Ada  Lovelace","J.R. Smith"]}
            {"id":"2401.00002","title":"Two","abstract":"Second.","authors":"Grace Hopper, Alan Turing, and Edsger W. Dijkstra"}
            {"id":"2401.00003","title":"Three","abstract":"Third.","authors":"Person, A. and Other, B.","authors_parsed":[["Person","A.",""],["Other","B.","Jr."]]}
            {"id":"2401.00004","title":"Four","abstract":"Fourth.","authors":[{"name":"Katherine Johnson","affiliation":"NASA"}]}
            {"id":"2401.00005","title":"Five","abstract":"Fifth.","authors":7}
            """);

        var papers = Reading.Read(path).Papers.ToDictionary(p => p.Id);

        Assert.Equal(["Ada Lovelace", "J. R. Smith"], papers["2401.00001"].AuthorNames);
        Assert.Equal(["Grace Hopper", "Alan Turing", "Edsger W. Dijkstra"], papers["2401.00002"].AuthorNames);
        Assert.Equal(3, papers["2401.00002"].Authors);
        Assert.Equal(["A. Person", "B. Other Jr."], papers["2401.00003"].AuthorNames);
        Assert.Equal(2, papers["2401.00003"].Authors);
        Assert.Equal(["Katherine Johnson"], papers["2401.00004"].AuthorNames);
        Assert.Empty(papers["2401.00005"].AuthorNames);
        Assert.Equal(7, papers["2401.00005"].Authors);
    }

    [Fact]
    public void Csv_and_arxiv_listings_give_names_and_daily_papers_pages_only_a_count()
    {
        using var temp = new TempDirectory();
        var csv = temp.Write("papers.csv", "id,title,abstract,authors\n2401.00010,A title,An abstract.,\"Ada Lovelace; Grace Hopper\"\n");
        var listing = temp.Write("listing.txt", """
            [1] arXiv:2401.00011 [pdf, other]
            Title: Sparse Mixture of Experts at Scale
            Authors: Ada Lovelace, Grace Hopper
            Subjects: Machine Learning (cs.LG)

            We study sparse mixtures of experts for language models at scale.

            """);

        var fromCsv = Assert.Single(Reading.Read(csv).Papers);
        var fromListing = Assert.Single(Reading.Read(listing).Papers);

        Assert.Equal(["Ada Lovelace", "Grace Hopper"], fromCsv.AuthorNames);
        Assert.Equal(["Ada Lovelace", "Grace Hopper"], fromListing.AuthorNames);
        Assert.Equal(2, fromListing.Authors);
    }
}

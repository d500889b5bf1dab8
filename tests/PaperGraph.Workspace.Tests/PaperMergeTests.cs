using PaperGraph.Core;

namespace PaperGraph.Workspace.Tests;

public class PaperMergeTests
{
    [Fact]
    public void Merge_prefers_arxiv_ids_longer_abstracts_full_dates_and_more_upvotes()
    {
        var kept = new Paper { Id = "t:1", Title = "T", Abstract = "Short.", Published = "--03-04", Upvotes = 9, Categories = ["a"], Sources = ["x:1"] };
        var incoming = new Paper { Id = "2401.1", Title = "t", Abstract = "Much longer abstract.", Published = "2024-03-04", Upvotes = 2, Authors = 5, Categories = ["b", "a"], Sources = ["y:2"] };

        var merged = PaperMerge.Merge(kept, incoming);

        Assert.Equal(("2401.1", "T", "Much longer abstract.", "2024-03-04", 9, 5),
            (merged.Id, merged.Title, merged.Abstract, merged.Published, merged.Upvotes, merged.Authors));
        Assert.Equal(["a", "b"], merged.Categories);
        Assert.Equal(["x:1", "y:2"], merged.Sources);
    }

    [Fact]
    public void Merge_keeps_a_full_date_over_a_yearless_one()
    {
        var kept = new Paper { Id = "t:1", Abstract = "A", Published = "2020-01-02" };

        Assert.Equal("2020-01-02", PaperMerge.Merge(kept, kept with { Published = "--01-02" }).Published);
    }
}

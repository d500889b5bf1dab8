using Microsoft.Data.Sqlite;
using PaperGraph.Core;
using PaperGraph.Tests;

namespace PaperGraph.Workspace.Tests;

public class WorkspaceTests
{
    private static Paper Paper(string id, string? title, string abstractText = "An abstract.", string source = "f.txt:1") => new()
    {
        Id = id,
        Title = title,
        Abstract = abstractText,
        Sources = [source],
    };

    [Fact]
    public void Every_field_round_trips()
    {
        using var temp = new TempDirectory();
        var paper = new Paper
        {
            Id = "2401.00001",
            Title = "A $x$ title",
            Abstract = "Abstract with \\cite{a}.",
            Authors = 3,
            Published = "--01-28",
            Upvotes = 12,
            Organization = "ExampleLab",
            Categories = ["cs.LG", "stat.ML"],
            TitleLatex = [new TextRange(2, 3)],
            AbstractLatex = [new TextRange(14, 8)],
            Sources = ["a.txt:1", "b.jsonl:7"],
        };

        using (var workspace = WorkspaceDatabase.Open(temp.Path))
        using (var writer = workspace.BeginPapers())
        {
            writer.Add(paper);
            writer.Commit();
        }

        using var reopened = WorkspaceDatabase.Open(temp.Path);
        var stored = reopened.GetPaper("2401.00001")!;
        Assert.Equal(paper with { Categories = [], TitleLatex = [], AbstractLatex = [], Sources = [] },
            stored with { Categories = [], TitleLatex = [], AbstractLatex = [], Sources = [] });
        Assert.Equal(paper.Categories, stored.Categories);
        Assert.Equal(paper.TitleLatex, stored.TitleLatex);
        Assert.Equal(paper.AbstractLatex, stored.AbstractLatex);
        Assert.Equal(paper.Sources, stored.Sources);
    }

    [Fact]
    public void The_same_id_twice_is_one_paper_with_merged_metadata()
    {
        using var temp = new TempDirectory();
        using var workspace = WorkspaceDatabase.Open(temp.Path);
        using var writer = workspace.BeginPapers();

        Assert.Equal(AddOutcome.Added, writer.Add(Paper("t:1", "Title") with { Upvotes = 2, Published = "--01-28" }));
        Assert.Equal(AddOutcome.MergedDuplicate, writer.Add(Paper("t:1", "Title", source: "g.txt:9") with { Upvotes = 5, Authors = 4, Published = "2025-01-28" }));
        writer.Commit();

        var stored = Assert.Single(workspace.ReadPapers());
        Assert.Equal((5, 4, "2025-01-28"), (stored.Upvotes, stored.Authors, stored.Published));
        Assert.Equal(["f.txt:1", "g.txt:9"], stored.Sources);
        Assert.Equal((1L, 1L), (writer.Added, writer.MergedDuplicates));
    }

    [Fact]
    public void A_title_only_paper_takes_the_arxiv_id_of_the_same_title()
    {
        using var temp = new TempDirectory();
        using var workspace = WorkspaceDatabase.Open(temp.Path);
        using var writer = workspace.BeginPapers();

        writer.Add(Paper("t:abc", "Scaling Laws for Retrieval") with { Upvotes = 7 });
        var outcome = writer.Add(Paper("2401.00002", "Scaling laws for retrieval", "A longer abstract from arXiv.") with { Categories = ["cs.IR"] });
        writer.Add(Paper("t:def", "SCALING LAWS FOR RETRIEVAL"));
        writer.Commit();

        Assert.Equal(AddOutcome.MergedDuplicate, outcome);
        var stored = Assert.Single(workspace.ReadPapers());
        Assert.Equal("2401.00002", stored.Id);
        Assert.Equal((7, "A longer abstract from arXiv."), (stored.Upvotes, stored.Abstract));
        Assert.Equal(["cs.IR"], stored.Categories);
    }

    [Fact]
    public void Two_arxiv_papers_with_the_same_title_stay_two_papers()
    {
        using var temp = new TempDirectory();
        using var workspace = WorkspaceDatabase.Open(temp.Path);
        using var writer = workspace.BeginPapers();

        writer.Add(Paper("1001.00001", "Rejoinder"));
        writer.Add(Paper("1002.00002", "Rejoinder"));
        writer.Commit();

        Assert.Equal(2, workspace.CountPapers());
    }

    [Fact]
    public void A_second_run_merges_into_what_the_workspace_has_and_counts_it_as_existing()
    {
        using var temp = new TempDirectory();
        using (var workspace = WorkspaceDatabase.Open(temp.Path))
        using (var writer = workspace.BeginPapers())
        {
            writer.Add(Paper("2401.00003", "Old"));
            writer.Commit();
        }

        using var again = WorkspaceDatabase.Open(temp.Path);
        using var second = again.BeginPapers();
        Assert.Equal(AddOutcome.MergedExisting, second.Add(Paper("2401.00003", "Old")));
        Assert.Equal(AddOutcome.Added, second.Add(Paper("2401.00004", "New")));
        second.Commit();

        Assert.Equal(2, again.CountPapers());
    }

    [Fact]
    public void Revision_increases_only_when_title_or_abstract_change()
    {
        using var temp = new TempDirectory();
        using var workspace = WorkspaceDatabase.Open(temp.Path);
        using (var writer = workspace.BeginPapers())
        {
            writer.Add(Paper("2401.00005", "T", "Short."));
            writer.Add(Paper("2401.00005", "T", "Short.") with { Upvotes = 3 });
            writer.Commit();
        }

        Assert.Equal(1, Revision(workspace, "2401.00005"));

        using (var writer = workspace.BeginPapers())
        {
            writer.Add(Paper("2401.00005", "T", "A longer abstract replaces the short one."));
            writer.Commit();
        }

        Assert.Equal(2, Revision(workspace, "2401.00005"));
    }

    [Fact]
    public void Papers_not_committed_are_not_stored()
    {
        using var temp = new TempDirectory();
        using (var workspace = WorkspaceDatabase.Open(temp.Path))
        using (var writer = workspace.BeginPapers())
        {
            writer.Add(Paper("2401.00006", "Never committed"));
        }

        using var reopened = WorkspaceDatabase.Open(temp.Path);
        Assert.Equal(0, reopened.CountPapers());
    }

    [Fact]
    public void A_workspace_of_another_schema_version_is_refused_with_a_clear_error()
    {
        using var temp = new TempDirectory();
        using (var workspace = WorkspaceDatabase.Open(temp.Path))
        {
            workspace.Execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
        }

        SqliteConnection.ClearAllPools();
        var error = Assert.Throws<PaperGraphException>(() => WorkspaceDatabase.Open(temp.Path));

        Assert.Equal(ErrorCodes.WorkspaceCorrupt, error.Code);
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_a_clear_error()
    {
        using var temp = new TempDirectory();
        temp.Write(WorkspaceDatabase.DatabaseFileName, new string('x', 4096));

        var error = Assert.Throws<PaperGraphException>(() => WorkspaceDatabase.Open(temp.Path));

        Assert.Equal(ErrorCodes.WorkspaceCorrupt, error.Code);
    }

    [Fact]
    public void OpenExisting_refuses_a_missing_folder_without_creating_it_and_opens_a_real_workspace()
    {
        using var temp = new TempDirectory();
        var missing = temp.File("missing");

        var error = Assert.Throws<PaperGraphException>(() => WorkspaceDatabase.OpenExisting(missing));

        Assert.Equal(ErrorCodes.PathNotFound, error.Code);
        Assert.False(Directory.Exists(missing));

        using (var created = WorkspaceDatabase.Open(missing))
        using (var writer = created.BeginPapers())
        {
            writer.Add(Paper("t:1", "Title"));
            writer.Commit();
        }

        using var reopened = WorkspaceDatabase.OpenExisting(missing);
        Assert.NotNull(reopened.GetPaper("t:1"));
    }

    [Fact]
    public void The_extractor_version_is_absent_until_set_and_kept_across_opens()
    {
        using var temp = new TempDirectory();
        using (var workspace = WorkspaceDatabase.Open(temp.Path))
        {
            Assert.Null(workspace.ExtractorVersion);
            workspace.ExtractorVersion = 7;
            workspace.ExtractorVersion = 8;
        }

        using var reopened = WorkspaceDatabase.Open(temp.Path);
        Assert.Equal(8, reopened.ExtractorVersion);
        reopened.ExtractorVersion = null;
        Assert.Null(reopened.ExtractorVersion);
    }

    private static long Revision(WorkspaceDatabase workspace, string id)
    {
        using var command = workspace.Connection.CreateCommand();
        command.CommandText = "SELECT revision FROM papers WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return (long)command.ExecuteScalar()!;
    }
}

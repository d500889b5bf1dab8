using PaperGraph.Core;
using PaperGraph.Tests;

namespace PaperGraph.Ingest.Tests;

/// <summary>Which files are read as papers: the rule of <see cref="InputDiscovery"/>.</summary>
public class InputDiscoveryTests
{
    private const string Paper = "{\"title\":\"Sparse routing\",\"abstract\":\"Tokens go to experts.\"}\n";

    /// <summary>A table that would read as two papers if it were taken for input.</summary>
    private const string PaperLikeCsv = "title,abstract\nConcept table,Not a paper at all.\nAnother row,Also not a paper.\n";

    [Fact]
    public void A_workspace_inside_the_input_folder_is_never_read_and_is_reported_once()
    {
        using var temp = new TempDirectory();
        temp.Write("data/papers.jsonl", Paper);
        temp.WriteBytes("data/ws/papergraph.db", [0x53, 0x51, 0x4C]);
        temp.Write("data/ws/concepts.csv", PaperLikeCsv);
        temp.Write("data/ws/cooccurrence.csv", PaperLikeCsv);
        temp.Write("data/ws/vosviewer-map.txt", "id\tlabel\tweight<Links>\n1\tsparse routing\t3\n");
        temp.Write("data/ws/vosviewer-network.txt", "1\t2\t3.5\n2\t3\t1\n");
        temp.Write("data/ws/graph.graphml", "<graphml/>");
        temp.Write("data/ws/nested/more.jsonl", Paper.Replace("Sparse", "Nested", StringComparison.Ordinal));

        var (papers, diagnostics, statistics) = Reading.Read(temp.File("data"));

        Assert.Equal(["Sparse routing"], papers.Select(p => p.Title));
        Assert.Empty(diagnostics.Skips);
        var ignored = Assert.Single(statistics.Ignored);
        Assert.Equal((IgnoredKind.Workspace, "ws"), (ignored.Kind, Path.GetFileName(ignored.Path)));
    }

    [Fact]
    public void The_workspace_being_written_is_ignored_even_before_it_has_a_database()
    {
        using var temp = new TempDirectory();
        temp.Write("data/papers.jsonl", Paper);
        temp.Write("data/out/table.csv", PaperLikeCsv);

        var (papers, _, statistics) = Reading.ReadAll([temp.File("data")], workspaces: [temp.File("data/out")]);

        Assert.Single(papers);
        Assert.Equal(IgnoredKind.Workspace, Assert.Single(statistics.Ignored).Kind);
    }

    [Fact]
    public void A_workspace_named_as_input_is_walked_but_its_own_files_are_not_read()
    {
        using var temp = new TempDirectory();
        temp.Write("data/papers.jsonl", Paper);
        temp.WriteBytes("data/papergraph.db", [0x53]);
        temp.Write("data/concepts.csv", PaperLikeCsv);
        temp.Write("data/vosviewer-map.txt", "id\tlabel\n1\tsparse routing\n");

        var (papers, diagnostics, statistics) = Reading.ReadAll([temp.File("data")], workspaces: [temp.File("data")]);

        Assert.Equal(["Sparse routing"], papers.Select(p => p.Title));
        Assert.Empty(diagnostics.Skips);
        Assert.Equal(3, statistics.Ignored.Count);
        Assert.All(statistics.Ignored, i => Assert.Equal(IgnoredKind.PaperGraphFile, i.Kind));
    }

    [Fact]
    public void A_named_file_of_the_user_in_a_workspace_folder_is_read()
    {
        using var temp = new TempDirectory();
        temp.WriteBytes("ws/papergraph.db", [0x53]);
        var mine = temp.Write("ws/mine.jsonl", Paper);

        Assert.Single(Reading.Read(mine).Papers);
    }

    [Fact]
    public void An_export_folder_for_neo4j_admin_is_never_read()
    {
        using var temp = new TempDirectory();
        temp.Write("data/papers.jsonl", Paper);
        temp.Write("data/neo4j/schema.cypher", "CREATE CONSTRAINT;\n");
        temp.Write("data/neo4j/papers.header.csv", "id:ID(Paper),title\n");
        temp.Write("data/neo4j/concepts.csv", PaperLikeCsv);
        temp.Write("data/neo4j/notes.csv", PaperLikeCsv);

        var (papers, _, statistics) = Reading.Read(temp.File("data"));

        Assert.Single(papers);
        var ignored = Assert.Single(statistics.Ignored);
        Assert.Equal((IgnoredKind.PaperGraphFile, "neo4j"), (ignored.Kind, Path.GetFileName(ignored.Path)));
        Assert.Throws<PaperGraphException>(() => Reading.Read(temp.File("data/neo4j/notes.csv")));
    }

    [Fact]
    public void Files_papergraph_writes_are_ignored_by_name_outside_a_workspace_too()
    {
        using var temp = new TempDirectory();
        temp.Write("data/papers.jsonl", Paper);
        temp.Write("data/copied/concepts.csv", PaperLikeCsv);
        temp.Write("data/copied/summary.json", "{\"papers\": 2}\n");
        temp.Write("data/papergraph.json", "{\"Graph\": {\"MaxConcepts\": 10}}\n");

        var (papers, diagnostics, statistics) = Reading.Read(temp.File("data"));

        Assert.Single(papers);
        Assert.Empty(diagnostics.Skips);
        Assert.Equal(3, statistics.Ignored.Count);
        Assert.All(statistics.Ignored, i => Assert.Equal(IgnoredKind.PaperGraphFile, i.Kind));
    }

    [Fact]
    public void Notes_documents_and_images_beside_the_data_are_ignored_by_kind()
    {
        using var temp = new TempDirectory();
        temp.Write("data/papers.jsonl", Paper);
        temp.Write("data/README.md", "# My corpus\n\n| file | what |\n|---|---|\n| papers.jsonl | arXiv |\n\nCollected for a survey. Two sentences.\n");
        temp.Write("data/notes.txt", "# Notes\n\nRead these again before the meeting, and check the second table.\n");
        temp.Write("data/table.txt", "| file | what |\n|------|------|\n| a | b |\n");
        temp.WriteBytes("data/paper.pdf", "%PDF-1.7\n"u8.ToArray());
        temp.Write("data/page.html", "<html><body>Daily Papers</body></html>");
        temp.WriteBytes("data/figure.png", [0x89, 0x50, 0x4E, 0x47]);
        temp.Write("data/LICENSE", "Permission is hereby granted, free of charge, to any person obtaining a copy.\n");
        temp.Write("data/README.txt", "Corpus notes\n\nThese are the papers for the survey, collected in May. The CSV came from a library export.\n");
        temp.Write("data/export.dat", "Some words that say nothing about any format, in a line long enough to hold an abstract.\n");

        var (papers, diagnostics, statistics) = Reading.Read(temp.File("data"));

        Assert.Equal(["Sparse routing"], papers.Select(p => p.Title));
        Assert.Empty(diagnostics.Skips);
        var kinds = statistics.Ignored.GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => g.Select(i => Path.GetFileName(i.Path)).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["LICENSE", "README.md", "README.txt", "notes.txt", "table.txt"], kinds[IgnoredKind.Notes]);
        Assert.Equal(["paper.pdf"], kinds[IgnoredKind.Pdf]);
        Assert.Equal(["page.html"], kinds[IgnoredKind.WebPage]);
        Assert.Equal(["figure.png"], kinds[IgnoredKind.Image]);
        Assert.Equal(["export.dat"], kinds[IgnoredKind.Unknown]);
    }

    [Fact]
    public void A_stop_list_beside_the_data_is_a_word_list_not_papers()
    {
        using var temp = new TempDirectory();
        temp.Write("data/papers.jsonl", Paper);
        // Read as page text, these lines would pair up into papers: "Batching" with the abstract "throughput".
        temp.Write("data/stop.txt", "Batching\nthroughput\nspeedup\nacceptance rates\n");
        temp.Write("data/synonyms.txt", "LLMs\tlarge language model\nGNNs\tgraph neural network\n");

        var (papers, diagnostics, statistics) = Reading.Read(temp.File("data"));

        Assert.Equal(["Sparse routing"], papers.Select(p => p.Title));
        Assert.Empty(diagnostics.Skips);
        Assert.Equal(2, statistics.Ignored.Count(i => i.Kind == IgnoredKind.WordList));
        var error = Assert.Throws<PaperGraphException>(() => Reading.Read(temp.File("data/stop.txt")));
        Assert.Contains("stop.txt: word list, not papers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pretty_printed_json_is_reported_once_not_line_by_line()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("stats.json", "{\n  \"papers\": 46,\n  \"concepts\": 300\n}\n");

        var (papers, diagnostics, statistics) = Reading.Read(path);

        Assert.Empty(papers);
        var skip = Assert.Single(diagnostics.Skips);
        Assert.Equal(ErrorCodes.MalformedJson, skip.Code);
        Assert.Contains("pretty-printed", skip.Message, StringComparison.Ordinal);
        Assert.Equal(1, statistics.FilesSkipped);
    }

    [Fact]
    public void A_file_without_a_known_name_is_read_when_its_content_is_a_known_format()
    {
        using var temp = new TempDirectory();
        temp.Write("data/export", Paper);
        temp.Write("data/listing", "[1] arXiv:2401.00011 [pdf, other]\nTitle: Sparse routing\nAuthors: A. Author\nSubjects: Machine Learning (cs.LG)\n\nTokens go to experts.\n");

        var (papers, _, statistics) = Reading.Read(temp.File("data"));

        Assert.Equal(2, papers.Count);
        Assert.Empty(statistics.Ignored);
    }

    [Theory]
    [InlineData("README.md", "# My corpus\n\nTwo sentences. About the data.\n", "notes")]
    [InlineData("notes.txt", "# My corpus\n\n| file | what |\n|---|---|\n", "notes")]
    [InlineData("paper.pdf", "%PDF-1.7\n", "PDF")]
    [InlineData("page.html", "<html></html>", "web page")]
    [InlineData("LICENSE", "Permission is hereby granted.\n", "notes")]
    [InlineData("export.dat", "Some words that say nothing about any format, in a line long enough to hold an abstract.\n", "unknown format")]
    public void A_named_file_in_a_format_papergraph_does_not_read_is_an_error_naming_it(string name, string content, string reason)
    {
        using var temp = new TempDirectory();
        var good = temp.Write("papers.jsonl", Paper);
        var bad = temp.Write(name, content);

        var error = Assert.Throws<PaperGraphException>(() => Reading.ReadAll([good, bad]));

        Assert.Equal((ErrorCodes.UnknownFormat, 3), (error.Code, error.ExitCode));
        Assert.Contains($"{bad}: {reason}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("papers.jsonl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_file_in_a_workspace_is_an_error()
    {
        using var temp = new TempDirectory();
        temp.WriteBytes("ws/papergraph.db", [0x53]);
        var table = temp.Write("ws/concepts.csv", PaperLikeCsv);

        var error = Assert.Throws<PaperGraphException>(() => Reading.Read(table));

        Assert.Equal((ErrorCodes.WorkspaceFileAsInput, 3), (error.Code, error.ExitCode));
        Assert.Contains(table, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_option_reads_a_named_file_of_any_name_but_still_ignores_notes_in_folders()
    {
        using var temp = new TempDirectory();
        var named = temp.Write("export.md", "title\tabstract\nT\tA.\n");
        temp.Write("data/a.tsv", "title\tabstract\nU\tB.\n");
        temp.Write("data/README.md", "title\tabstract\nNot\tA paper.\n");

        var (papers, _, statistics) = Reading.ReadAll([named, temp.File("data")], InputFormat.Tsv);

        Assert.Equal(["T", "U"], papers.Select(p => p.Title));
        Assert.Equal(IgnoredKind.Notes, Assert.Single(statistics.Ignored).Kind);
    }
}

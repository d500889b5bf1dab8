using System.Text;
using PaperGraph.Core;
using PaperGraph.Tests;

namespace PaperGraph.Ingest.Tests;

public class CorpusReaderTests
{
    private const string Line = "{\"title\":\"T\",\"abstract\":\"A.\"}\n";

    [Fact]
    public void Missing_paths_are_all_named_in_one_error()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<PaperGraphException>(() => Reading.ReadAll([temp.File("a.jsonl"), temp.Path, temp.File("b.txt")]));

        Assert.Equal(ErrorCodes.PathNotFound, error.Code);
        Assert.Equal(2, error.ExitCode);
        Assert.Contains("a.jsonl", error.Message, StringComparison.Ordinal);
        Assert.Contains("b.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_are_read_recursively_in_order_skipping_hidden_and_unknown_files()
    {
        using var temp = new TempDirectory();
        temp.Write("z/late.jsonl", "{\"title\":\"Late\",\"abstract\":\"A.\"}\n");
        temp.Write("a/early.jsonl", "{\"title\":\"Early\",\"abstract\":\"A.\"}\n");
        temp.WriteBytes("a/nested.jsonl.gz", TempDirectory.Gzip("{\"title\":\"Zipped\",\"abstract\":\"A.\"}\n"));
        temp.Write(".hidden/secret.jsonl", "{\"title\":\"Hidden\",\"abstract\":\"A.\"}\n");
        temp.Write("a/notes.md.bak", "not a paper");

        var (papers, diagnostics, statistics) = Reading.Read(temp.Path);

        Assert.Equal(["Early", "Zipped", "Late"], papers.Select(p => p.Title));
        Assert.Empty(diagnostics.Skips);
        Assert.Equal((3, 1), (statistics.FilesRead, statistics.FilesIgnored));
    }

    [Fact]
    public void A_folder_with_no_readable_files_is_reported()
    {
        using var temp = new TempDirectory();
        temp.Write("image.png.bak", "x");

        var (papers, diagnostics, _) = Reading.Read(temp.Path);

        Assert.Empty(papers);
        var skip = Assert.Single(diagnostics.Skips);
        Assert.Equal(ErrorCodes.NoReadableFiles, skip.Code);
        Assert.Contains(".jsonl", skip.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00 }, ErrorCodes.BinaryFile, "binary file")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0x00 }, ErrorCodes.BinaryFile, "PDF")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, ErrorCodes.UnsupportedCompression, "ZIP")]
    [InlineData(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00 }, ErrorCodes.UnsupportedCompression, "xz")]
    [InlineData(new byte[0], ErrorCodes.EmptyFile, "empty")]
    public void Unreadable_files_are_skipped_with_a_reason(byte[] content, string code, string mentioned)
    {
        using var temp = new TempDirectory();
        var bad = temp.WriteBytes("bad.txt", content);
        var good = temp.Write("good.jsonl", Line);

        var (papers, diagnostics, statistics) = Reading.ReadAll([bad, good]);

        Assert.Single(papers);
        var skip = Assert.Single(diagnostics.Skips);
        Assert.Equal((code, "bad.txt"), (skip.Code, Path.GetFileName(skip.Location)));
        Assert.Contains(mentioned, skip.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1), (statistics.FilesRead, statistics.FilesSkipped));
    }

    [Fact]
    public void A_windows_1252_csv_keeps_every_row_with_its_accents_and_says_it_was_converted()
    {
        using var temp = new TempDirectory();
        // A spreadsheet export on Windows: Latin letters as single bytes, typographic quotes and the euro sign in 0x80-0x9F.
        var text = "title,abstract\nCaf\u00e9 networks,Ordering at the caf\u00e9.\nPlain title,Only ASCII here.\n"
            + "Na\u00efve Bayes revisited,A \u201cna\u00efve\u201d model \u2013 worth \u20ac5.\nSchr\u00f6dinger bridges,Entropic transport.\n";
        var path = temp.WriteBytes("export.csv", Cp1252(text));

        var (papers, diagnostics, statistics) = Reading.Read(path);

        Assert.Empty(diagnostics.Skips);
        Assert.Equal(["Café networks", "Plain title", "Naïve Bayes revisited", "Schrödinger bridges"], papers.Select(p => p.Title));
        Assert.Equal("A “naïve” model – worth €5.", papers[2].Abstract);
        var converted = Assert.Single(statistics.Converted);
        Assert.Equal(("export.csv", 3L, 2L), (Path.GetFileName(converted.File), converted.Lines, converted.FirstLine));
    }

    [Fact]
    public void Windows_1252_json_lines_and_page_text_are_read_too()
    {
        using var temp = new TempDirectory();
        var jsonl = temp.WriteBytes("a.jsonl", Cp1252(Line + "{\"title\":\"Caf\u00e9 au lait\",\"abstract\":\"Sch\u00f6n.\"}\n" + Line));
        var page = temp.WriteBytes("b.txt", Cp1252("Schr\u00f6dinger Bridges for Generative Modelling\n\n"
            + "We study entropic transport between two distributions with a na\u00efve solver, and show that it matches the exact bridge on three tasks; the code is public and the results are reproduced in detail.\n"));

        var (papers, diagnostics, statistics) = Reading.ReadAll([jsonl, page]);

        Assert.Empty(diagnostics.Skips);
        Assert.Equal(["T", "Café au lait", "T", "Schrödinger Bridges for Generative Modelling"], papers.Select(p => p.Title));
        Assert.Contains("naïve", papers[3].Abstract, StringComparison.Ordinal);
        Assert.Equal(["a.jsonl", "b.txt"], statistics.Converted.Select(c => Path.GetFileName(c.File)));
    }

    [Fact]
    public void A_utf8_file_is_not_reported_as_converted()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("utf8.csv", "title,abstract\nCafé,Naïve Schrödinger.\n");

        var (papers, _, statistics) = Reading.Read(path);

        Assert.Equal("Café", Assert.Single(papers).Title);
        Assert.Empty(statistics.Converted);
    }

    /// <summary>Windows-1252 bytes of <paramref name="text"/> (written by hand: .NET has no code page 1252 without a provider).</summary>
    private static byte[] Cp1252(string text) => text.Select(c => c switch
    {
        '\u20ac' => (byte)0x80,
        '\u2013' => (byte)0x96,
        '\u201c' => (byte)0x93,
        '\u201d' => (byte)0x94,
        < '\u0100' and not (>= '\u0080' and < '\u00a0') => (byte)c,
        _ => throw new ArgumentException($"no Windows-1252 byte for U+{(int)c:X4} in this helper", nameof(text)),
    }).ToArray();

    [Fact]
    public void A_truncated_gzip_keeps_what_was_read_and_reports_the_truncation()
    {
        using var temp = new TempDirectory();
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{{\"title\":\"Paper {i}\",\"abstract\":\"Abstract number {i} with some words {i * 7919 % 1000}.\"}}\n"));
        var gzip = TempDirectory.Gzip(text);
        var path = temp.WriteBytes("cut.jsonl.gz", gzip[..(gzip.Length / 2)]);

        var (papers, diagnostics, _) = Reading.Read(path);

        Assert.InRange(papers.Count, 1, 4999);
        Assert.Contains(diagnostics.Skips, s => s.Code is ErrorCodes.TruncatedGzip or ErrorCodes.CorruptCompressedFile);
        Assert.All(papers, p => Assert.StartsWith("Paper ", p.Title, StringComparison.Ordinal));
    }

    [Fact]
    public void A_complete_gzip_is_not_reported()
    {
        using var temp = new TempDirectory();
        var path = temp.WriteBytes("ok.jsonl.gz", TempDirectory.Gzip(Line + Line));

        var (papers, diagnostics, _) = Reading.Read(path);

        Assert.Equal(2, papers.Count);
        Assert.Empty(diagnostics.Skips);
    }

    [Fact]
    public void A_line_over_the_limit_is_skipped_without_holding_it_and_reading_goes_on()
    {
        using var temp = new TempDirectory();
        var huge = "{\"title\":\"Huge\",\"abstract\":\"" + new string('x', 3 * 1024 * 1024) + "\"}\n";
        var path = temp.Write("huge.jsonl", Line + huge + Line);

        var (papers, diagnostics, _) = Reading.Read(path, maxLineBytes: 1024 * 1024);

        Assert.Equal(2, papers.Count);
        var skip = Assert.Single(diagnostics.Skips);
        Assert.Equal((ErrorCodes.LineTooLong, "huge.jsonl:2"), (skip.Code, Path.GetFileName(skip.Location)));
        Assert.Contains("3,145,", skip.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16_files_with_a_byte_order_mark_are_transcoded()
    {
        using var temp = new TempDirectory();
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("title,abstract\nÜber,Ein Text.\n")).ToArray();
        var path = temp.WriteBytes("excel.csv", bytes);

        var paper = Assert.Single(Reading.Read(path).Papers);

        Assert.Equal(("Über", "Ein Text."), (paper.Title, paper.Abstract));
    }

    [Fact]
    public void Format_option_overrides_the_file_name()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("export.dat", "title\tabstract\nT\tA.\n");

        var (papers, _, _) = Reading.Read(path, InputFormat.Tsv);

        Assert.Equal("T", Assert.Single(papers).Title);
    }

    [Theory]
    [InlineData("{\"title\":1}", InputFormat.JsonLines)]
    [InlineData("id,title,abstract\n", InputFormat.Csv)]
    [InlineData("title\tabstract\n", InputFormat.Tsv)]
    [InlineData("Some Title\n\nAn abstract.", InputFormat.DailyPapers)]
    [InlineData("Title and Abstract Generation, Revisited\n\nWe generate titles from abstracts.", InputFormat.DailyPapers)]
    [InlineData("\"Paper Title\";\"Abstract\"\n", InputFormat.Csv)]
    public void Content_decides_the_format_when_the_name_does_not(string start, InputFormat expected) =>
        Assert.Equal(expected, FormatDetector.FromContent(Encoding.UTF8.GetBytes(start)));

    [SharedDataFact]
    public void Seed_files_yield_every_paper_counted_by_hand()
    {
        // Counted by hand: each paper in the listing layout has a title line, an abstract line and a date line;
        // the alternating file has two chrome lines, then 119 title/abstract pairs (240 lines).
        var seeds = Path.Combine(SharedData.Root!, "seeds");
        var expected = new Dictionary<string, int>
        {
            ["hf-daily-papers-alignment.txt"] = 53,
            ["hf-daily-papers-recovery.txt"] = 46,
            ["hf-daily-papers-complexity.txt"] = 119,
        };

        foreach (var (file, count) in expected)
        {
            var (papers, diagnostics, _) = Reading.Read(Path.Combine(seeds, file));

            Assert.True(count == papers.Count, $"{file}: expected {count} papers, read {papers.Count}");
            Assert.Empty(diagnostics.Skips);
            Assert.All(papers, p => Assert.False(string.IsNullOrEmpty(p.Title), $"{file}: a paper without title at {p.Sources[0]}"));
            Assert.All(papers, p => Assert.True(p.Abstract.Length > 200, $"{file}: short abstract at {p.Sources[0]}"));
            Assert.DoesNotContain(papers, p => p.Title!.StartsWith("Subscribe", StringComparison.Ordinal));
        }
    }
}

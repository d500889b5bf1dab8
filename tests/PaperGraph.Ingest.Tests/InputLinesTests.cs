using PaperGraph.Core;
using PaperGraph.Ingest.Input;
using PaperGraph.Tests;

namespace PaperGraph.Ingest.Tests;

public sealed class InputLinesTests
{
    [Fact]
    public void Reads_the_non_empty_lines_of_plain_and_gzip_files_alike()
    {
        using var temp = new TempDirectory();
        const string text = "\uFEFF{\"id\": \"a\"}\n\n  \n{\"id\": \"b\"}\r\n";
        Assert.Equal(["{\"id\": \"a\"}", "{\"id\": \"b\"}"], InputLines.ReadNonEmpty(temp.Write("p.jsonl", text)));
        Assert.Equal(["{\"id\": \"a\"}", "{\"id\": \"b\"}"], InputLines.ReadNonEmpty(temp.WriteBytes("p.jsonl.gz", TempDirectory.Gzip(text))));
    }

    [Fact]
    public void A_truncated_gzip_file_is_an_error_naming_it()
    {
        using var temp = new TempDirectory();
        var whole = TempDirectory.Gzip(string.Concat(Enumerable.Repeat("{\"id\": \"a\", \"abstract\": \"text\"}\n", 2000)));
        var path = temp.WriteBytes("cut.jsonl.gz", whole[..(whole.Length * 2 / 3)]);
        var error = Assert.Throws<PaperGraphException>(() => InputLines.ReadNonEmpty(path));
        Assert.StartsWith("PG31", error.Code, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}

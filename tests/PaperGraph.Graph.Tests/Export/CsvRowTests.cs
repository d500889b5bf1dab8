using PaperGraph.Graph.Export;
using PaperGraph.Core;

namespace PaperGraph.Graph.Tests.Export;

public sealed class CsvRowTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("with, comma")]
    [InlineData("say \"hi\"")]
    [InlineData("")]
    public void A_written_row_reads_back_the_same(string field)
    {
        using var writer = new StringWriter();
        Csv.WriteRow(writer, [field, "x", field]);
        var line = writer.ToString().TrimEnd('\r', '\n');
        Assert.Equal([field, "x", field], Csv.ReadRow(line));
    }
}

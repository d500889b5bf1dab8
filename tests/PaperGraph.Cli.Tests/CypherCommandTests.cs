using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests;

/// <summary><c>papergraph cypher</c>: the Neo4j kit from the copies inside the tool.</summary>
public sealed class CypherCommandTests
{
    [Fact]
    public async Task The_kit_written_out_is_the_repository_s_cypher_folder_byte_for_byte()
    {
        using var temp = new TempDirectory();
        var kit = temp.File("kit");

        var run = await CliRun.RunAsync("cypher", "--out", kit);

        Assert.Equal(0, run.ExitCode);
        var source = Path.Combine(Repository.Root ?? throw new InvalidOperationException("PaperGraph.sln not found"), "cypher");
        var expected = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(source, f)).Order(StringComparer.Ordinal).ToList();
        var written = Directory.EnumerateFiles(kit, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(kit, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, written);
        Assert.Contains(Path.Combine("queries", "rising-concepts.cypher"), written);
        Assert.All(expected, f => Assert.Equal(File.ReadAllBytes(Path.Combine(source, f)), File.ReadAllBytes(Path.Combine(kit, f))));
    }

    [Fact]
    public async Task Without_out_it_lists_each_file_with_its_first_line()
    {
        var run = await CliRun.RunAsync("cypher");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("queries/shortest-path.cypher", run.Out, StringComparison.Ordinal);
        Assert.Contains("The shortest chain of co-occurrence links between two concepts", run.Out, StringComparison.Ordinal);
        Assert.Contains("papergraph.grass", run.Out, StringComparison.Ordinal);
    }
}

using System.Text.RegularExpressions;
using System.Xml.Linq;
using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests;

/// <summary>
/// The project layout of <c>src/README.md</c> held as tests: the pipeline lives in <c>PaperGraph.Pipeline</c>, commands are
/// thin, stages do not reach past their place, and no source file grows past a reader's page count.
/// </summary>
public sealed partial class LayoutTests
{
    private static readonly string Source = Path.Combine(Repository.Root!, "src");

    [Fact]
    public void The_command_line_holds_no_pipeline_work()
    {
        // Parallel loops and reading loops over papers, the concept index, co-occurrence counting, graph analysis and the workspace's
        // table replacement all belong to PaperGraph.Pipeline; a command binds settings, calls a run and prints.
        var offenders = Lines("PaperGraph.Cli")
            .Where(l => PipelineWork().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void No_command_calls_another()
    {
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Source, "PaperGraph.Cli", "Commands"), "*Command*.cs"))
        {
            var own = Path.GetFileNameWithoutExtension(file);
            offenders.AddRange(File.ReadLines(file)
                .Select((text, i) => (Text: text, Line: i + 1))
                .Where(l => CommandReference().Matches(l.Text).Any(m => m.Groups[1].Value != own))
                .Select(l => $"{Path.GetFileName(file)}:{l.Line}: {l.Text.Trim()}"));
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_workspace_project_holds_no_Neo4j_code()
    {
        Assert.DoesNotContain(References("PaperGraph.Workspace"), r => r.Contains("Neo4j", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines("PaperGraph.Workspace"), l => l.Text.Contains("PaperGraph.Neo4j", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_command_line_references_hosting_and_the_parser()
    {
        var offenders = Directory.EnumerateDirectories(Source)
            .Select(Path.GetFileName)
            .Where(p => p != "PaperGraph.Cli")
            .SelectMany(p => References(p!).Where(r => r is "Microsoft.Extensions.Hosting" or "System.CommandLine").Select(r => $"{p} -> {r}"))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_pipeline_is_the_library_that_composes_the_stages()
    {
        var references = References("PaperGraph.Pipeline");

        Assert.Contains("PaperGraph.Ingest", references);
        Assert.Contains("PaperGraph.Concepts", references);
        Assert.Contains("PaperGraph.Graph", references);
        Assert.Contains("PaperGraph.Workspace", references);
        Assert.Equal(["PaperGraph.Pipeline"], References("PaperGraph.Cli").Where(r => r.StartsWith("PaperGraph.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Stages_reference_only_inward()
    {
        // Arrows point inward: Cli -> Pipeline -> stages -> Core. A stage may use another stage below it (Concepts
        // uses Nlp; Neo4j reads the Workspace), never the Pipeline or the command line.
        foreach (var stage in new[] { "PaperGraph.Core", "PaperGraph.Ingest", "PaperGraph.Nlp", "PaperGraph.Concepts", "PaperGraph.Graph", "PaperGraph.Workspace", "PaperGraph.Neo4j", "PaperGraph.Report" })
        {
            var references = References(stage);
            Assert.DoesNotContain("PaperGraph.Pipeline", references);
            Assert.DoesNotContain("PaperGraph.Cli", references);
        }

        Assert.DoesNotContain(References("PaperGraph.Core"), r => r.StartsWith("PaperGraph.", StringComparison.Ordinal));
    }

    [Fact]
    public void No_source_file_is_over_600_lines()
    {
        var offenders = Directory.EnumerateDirectories(Source)
            .SelectMany(p => Lines(Path.GetFileName(p)).GroupBy(l => l.File))
            .Where(f => f.Count() > 600)
            .Select(f => $"{f.Key}: {f.Count()} lines")
            .ToList();

        Assert.Empty(offenders);
    }

    /// <summary>Project and package references of a project under <c>src/</c>, by name.</summary>
    private static List<string> References(string project)
    {
        var document = XDocument.Load(Path.Combine(Source, project, project + ".csproj"));
        return document.Descendants()
            .Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
    }

    private static IEnumerable<(string File, int Line, string Text)> Lines(string project) =>
        Directory.EnumerateFiles(Path.Combine(Source, project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((text, i) => (Path.GetRelativePath(Repository.Root!, f), i + 1, text)));

    [GeneratedRegex(@"\bParallel\.|\.ReadFiles\(|\bConceptIndex\b|\bCooccurrenceBuilder\b|\bGraphAnalysis\.|\.Replace(Concepts|Graph|Skipped|Papers)\(")]
    private static partial Regex PipelineWork();

    [GeneratedRegex(@"\b(\w+Commands?)\.(?!Create\w*\()\w")] // registering a subcommand (Create) is not calling it
    private static partial Regex CommandReference();
}

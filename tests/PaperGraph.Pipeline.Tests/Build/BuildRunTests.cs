using Microsoft.Extensions.Logging.Abstractions;
using PaperGraph.Concepts;
using PaperGraph.Core;
using PaperGraph.Pipeline.Build;
using PaperGraph.Pipeline.Explore;
using PaperGraph.Pipeline.Extract;
using PaperGraph.Pipeline.Ingest;
using PaperGraph.Tests;

namespace PaperGraph.Pipeline.Tests.Build;

/// <summary>The build run called as a library: settings in, a result record out, progress reported, no console.</summary>
public sealed class BuildRunTests
{
    /// <summary>Six papers written for these tests, on two topics that share one concept.</summary>
    private static string Papers() => string.Join('\n', Enumerable.Range(0, 6).Select(i => (i % 2) switch
    {
        0 => $$"""{"id": "p{{i}}", "title": "Sparse attention for long documents {{i}}", "abstract": "We study sparse attention in transformer models. Sparse attention reduces the cost of long documents.", "published": "2024-0{{i + 1}}-01"}""",
        _ => $$"""{"id": "p{{i}}", "title": "Graph neural networks for molecules {{i}}", "abstract": "Graph neural networks pass messages between atoms. We compare graph neural networks with transformer models.", "published": "2024-0{{i + 1}}-01"}""",
    }));

    private static BuildSettings Settings(string workspace, string? input) =>
        new(workspace, input is null ? null : new IngestSettings([input], workspace), new ExtractSettings(new ConceptSettings()), new GraphSettings());

    [Fact]
    public void A_build_returns_what_it_read_extracted_and_built_and_writes_every_file()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", Papers());
        var reports = new List<PipelineProgress>();
        IngestResult? ingested = null;
        ExtractionResult? extracted = null;

        var result = BuildRun.Run(Settings(temp.File("ws"), input), NullLoggerFactory.Instance, new InlineProgress<PipelineProgress>(reports.Add), CancellationToken.None,
            ingested: r => ingested = r, extracted: r => extracted = r);

        Assert.Same(ingested, result.Ingest);
        Assert.Same(extracted, result.Extraction);
        Assert.Equal(6, result.Ingest!.Added);
        Assert.Equal(6, result.Extraction!.Papers);
        Assert.True(result.Extraction.Concepts >= result.Graph!.Concepts.Count);
        Assert.Contains(result.Graph.Concepts, c => c.Key == "sparse attention");
        Assert.NotNull(result.Graph);
        // What the build stored is what the read side finds.
        Assert.Equal(result.Graph!.Concepts.Count, ExploreQueries.Top(result.Directory, Workspace.NodeMeasure.Degree, 5, null, false, false).GraphConcepts);
        Assert.All(BuildOutputs.Files.All, name => Assert.True(File.Exists(Path.Combine(result.Directory, name)), name));
        Assert.Equal(["ingest", "extract", "graph and analytics", "outputs"], result.Stages.Select(s => s.Stage));
        // The phases are reported in the order they run.
        var phases = reports.Select(r => r.Phase).Distinct().ToList();
        Assert.Equal(["extract", "concepts", "graph", "build"], phases.Where(p => p != "ingest").ToList());
        // Work that goes item by item is counted to its end: the corpus phases by paper, the layout by iteration.
        Assert.Contains(reports, r => r.Phase == "concepts" && r.Detail == "resolving mentions, counting concepts and words" && r.Done == 6 && r.Total == 6);
        Assert.Contains(reports, r => r.Phase == "graph" && r.Detail == "layout" && r.Done == r.Total && r.Unit == "iterations");
    }

    [Fact]
    public void A_strict_ingest_that_skipped_a_record_ends_the_build_before_extraction()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", Papers() + "\n{\"id\": \"broken\", \"title\": ");
        var settings = Settings(temp.File("ws"), input) with { Ingest = new IngestSettings([input], temp.File("ws"), Strict: true) };

        var result = BuildRun.Run(settings, NullLoggerFactory.Instance, null, CancellationToken.None);

        Assert.True(result.Ingest!.FailedStrict);
        Assert.Equal(1, result.Ingest.Diagnostics.SkippedCount);
        Assert.Null(result.Extraction);
        Assert.Null(result.Graph);
        Assert.False(File.Exists(Path.Combine(temp.File("ws"), BuildOutputs.Files.Concepts)));
    }

    [Fact]
    public void Rebuilding_a_workspace_that_does_not_exist_is_an_error_not_a_new_workspace()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<PaperGraphException>(() => BuildRun.Run(Settings(temp.File("missing"), null), NullLoggerFactory.Instance, null, CancellationToken.None));

        Assert.Equal(ErrorCodes.PathNotFound, error.Code);
        Assert.False(Directory.Exists(temp.File("missing")));
    }

    [Fact]
    public void A_cancelled_build_throws_and_leaves_the_workspace_as_it_was()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", Papers());
        BuildRun.Run(Settings(temp.File("ws"), input), NullLoggerFactory.Instance, null, CancellationToken.None);
        var before = File.ReadAllBytes(Path.Combine(temp.File("ws"), BuildOutputs.Files.Cooccurrence));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => BuildRun.Run(Settings(temp.File("ws"), null) with { Graph = new GraphSettings(MinCount: 2) },
            NullLoggerFactory.Instance, null, cancelled.Token));

        Assert.Equal(before, File.ReadAllBytes(Path.Combine(temp.File("ws"), BuildOutputs.Files.Cooccurrence)));
    }

    [Fact]
    public void A_build_deletes_the_term_file_a_killed_run_left_and_leaves_none_of_its_own()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", Papers());
        BuildRun.Run(Settings(temp.File("ws"), input), NullLoggerFactory.Instance, null, CancellationToken.None);
        // What a run killed while it built the index leaves: its file of terms, named after a process that is gone.
        var left = Path.Combine(temp.File("ws"), ".terms-2147483646.spill");
        File.WriteAllBytes(left, new byte[1000]);

        var result = BuildRun.Run(Settings(temp.File("ws"), input), NullLoggerFactory.Instance, null, CancellationToken.None);

        Assert.Equal(6, result.Extraction!.Papers);
        Assert.Empty(Directory.EnumerateFiles(temp.File("ws"), "*.spill"));
    }

    [Fact]
    public void Analysing_in_small_batches_and_growing_the_corpus_later_give_the_outputs_of_one_full_build()
    {
        using var temp = new TempDirectory();
        var lines = Papers().Split('\n');
        var all = temp.Write("all.jsonl", string.Join('\n', lines));
        var first = temp.Write("first.jsonl", string.Join('\n', lines[..4]));
        var more = temp.Write("more.jsonl", string.Join('\n', lines[4..]));
        BuildRun.Run(Settings(temp.File("full"), all), NullLoggerFactory.Instance, null, CancellationToken.None);

        // Batches of two papers, and the corpus built in two goes: four papers, then two more.
        var small = new ExtractSettings(new ConceptSettings()) { AnalysisBatch = 2 };
        BuildRun.Run(Settings(temp.File("grown"), first) with { Extract = small }, NullLoggerFactory.Instance, null, CancellationToken.None);
        var grown = BuildRun.Run(Settings(temp.File("grown"), more) with { Extract = small }, NullLoggerFactory.Instance, null, CancellationToken.None);

        Assert.Equal(2, grown.Extraction!.Analysed);
        Assert.Equal(6, grown.Extraction.Papers);
        foreach (var file in new[] { BuildOutputs.Files.Concepts, BuildOutputs.Files.Cooccurrence, BuildOutputs.Files.Trends })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(temp.File("full"), file)), File.ReadAllText(Path.Combine(temp.File("grown"), file)));
        }
    }
}

using PaperGraph.Cli.Hosting;
using PaperGraph.Pipeline;
using PaperGraph.Core;

namespace PaperGraph.Cli.Tests;

/// <summary>What the progress line says for each kind of report the pipeline sends.</summary>
public sealed class ProgressLineTests
{
    [Fact]
    public void A_step_shows_its_phase_and_detail_only()
    {
        var text = ProgressLine.Format(new PipelineProgress("extract", "merging and scoring concepts over 10 papers"), TimeSpan.FromSeconds(30));

        Assert.Equal("extract: merging and scoring concepts over 10 papers", text);
    }

    [Fact]
    public void Counted_work_shows_a_bar_and_the_count_and_after_two_seconds_its_rate_and_time_left()
    {
        var report = new PipelineProgress("extract", "analysing papers", 2_500, 10_000, "papers");

        var early = ProgressLine.Format(report, TimeSpan.FromSeconds(1));
        var later = ProgressLine.Format(report, TimeSpan.FromSeconds(5));

        Assert.Equal("extract: analysing papers [#####...............] 2,500 / 10,000 papers", early);
        Assert.Equal("extract: analysing papers [#####...............] 2,500 / 10,000 papers, 500 papers/s, 15 s left", later);
    }

    [Fact]
    public void Bytes_are_shown_as_megabytes_with_a_decimal_for_small_files()
    {
        var text = ProgressLine.Format(new PipelineProgress("ingest", "6 papers — a.txt", 20_000, 40_000, "bytes"), TimeSpan.Zero);

        Assert.EndsWith("[##########..........] 0.0 / 0.0 MB", text, StringComparison.Ordinal);
        Assert.EndsWith("71 / 207 MB", ProgressLine.Format(new PipelineProgress("ingest", "x", 71_000_000, 207_000_000, "bytes"), TimeSpan.Zero), StringComparison.Ordinal);
    }

    [Fact]
    public void Work_without_a_total_shows_its_count_and_rate_but_no_bar_or_time_left()
    {
        var text = ProgressLine.Format(new PipelineProgress("clusters", "read 1,000 papers", 300_000, Unit: "words"), TimeSpan.FromSeconds(3));

        Assert.Equal("clusters: read 1,000 papers 300,000 words, 100,000 words/s", text);
    }
}

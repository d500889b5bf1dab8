using PaperGraph.Core;

namespace PaperGraph.Pipeline.Tests;

/// <summary>The one parallel loop over papers: every item once, a scratch state per worker, progress that only grows.</summary>
public sealed class PaperLoopTests
{
    [Fact]
    public void Every_item_is_done_once_and_progress_is_reported_every_500_items()
    {
        var done = new int[2_000];
        var reports = new List<PipelineProgress>();

        PaperLoop.ForEach(done.Length, () => new List<int>(), (i, scratch) =>
        {
            scratch.Add(i); // a worker's own state: never shared, so no lock
            Interlocked.Increment(ref done[i]);
        }, CancellationToken.None, new InlineProgress<PipelineProgress>(r => { lock (reports) { reports.Add(r); } }), "extract", "analysing papers");

        Assert.All(done, count => Assert.Equal(1, count));
        Assert.Equal([500L, 1_000L, 1_500L, 2_000L], reports.Select(r => r.Done).Order());
        Assert.All(reports, r => Assert.Equal(("extract", "analysing papers", 2_000L, "papers"), (r.Phase, r.Detail, r.Total, r.Unit)));
    }

    [Fact]
    public void A_cancelled_loop_stops_with_the_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        var started = 0;

        Assert.ThrowsAny<OperationCanceledException>(() => PaperLoop.ForEach(100_000, () => 0, (i, _) =>
        {
            if (Interlocked.Increment(ref started) == 10)
            {
                cancel.Cancel();
            }
        }, cancel.Token));

        Assert.True(started < 100_000);
    }
}

/// <summary>The counter stages use inside their own loops, and around what a store takes.</summary>
public sealed class ProgressCounterTests
{
    [Fact]
    public void Each_counts_every_item_as_it_is_taken_and_reports_the_end()
    {
        var reports = new List<PipelineProgress>();
        var counter = new ProgressCounter(new InlineProgress<PipelineProgress>(reports.Add), "extract", "storing", 25, "links", every: 10);

        var taken = ProgressCounter.Each(Enumerable.Range(0, 25), counter).ToList();

        Assert.Equal(Enumerable.Range(0, 25), taken);
        Assert.Equal([10L, 20L, 25L], reports.Select(r => r.Done));
        Assert.All(reports, r => Assert.Equal(("extract", "storing", 25L, "links"), (r.Phase, r.Detail, r.Total, r.Unit)));
    }

    [Fact]
    public void Without_a_progress_nothing_is_reported_and_nothing_fails()
    {
        var counter = new ProgressCounter(null, "graph", "layout", 3, "iterations");

        counter.Add();
        counter.Add();

        Assert.Equal([1, 2], ProgressCounter.Each([1, 2], counter));
    }
}

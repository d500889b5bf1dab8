using PaperGraph.Core;

namespace PaperGraph.Pipeline;

/// <summary>The one parallel loop over papers: every run that works paper by paper goes through it.</summary>
/// <remarks>
/// Work is spread over every core with one scratch state per worker thread (an analyser's buffers, a string pool),
/// so nothing per paper is allocated for the loop itself; cancellation is checked between papers, and progress is
/// reported every <see cref="ReportEvery"/> papers. As Catalyst's <c>Pipeline.Process</c>, it owns the batching and
/// the threads, so no caller writes its own.
/// </remarks>
internal static class PaperLoop
{
    /// <summary>Papers between two progress reports.</summary>
    public const int ReportEvery = 500;

    /// <summary>Runs <paramref name="body"/> for items 0 to <paramref name="count"/> - 1 on every core.</summary>
    /// <param name="count">Number of items.</param>
    /// <param name="scratch">Makes one worker's state.</param>
    /// <param name="body">Works on item i with the worker's state; called from several threads at once.</param>
    /// <param name="progress">Told every <see cref="ReportEvery"/> items, as <paramref name="phase"/>: <paramref name="detail"/>; null for none.</param>
    public static void ForEach<TScratch>(int count, Func<TScratch> scratch, Action<int, TScratch> body, CancellationToken cancellationToken,
        IProgress<PipelineProgress>? progress = null, string phase = "", string detail = "")
    {
        var done = 0;
        Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, scratch, (i, _, state) =>
        {
            body(i, state);
            if (progress is not null)
            {
                var finished = Interlocked.Increment(ref done);
                if (finished % ReportEvery == 0)
                {
                    progress.Count(phase, detail, finished, count, "papers");
                }
            }

            return state;
        }, _ => { });
    }
}

namespace PaperGraph.Core;

/// <summary>Where a run is: its phase, a line saying what it is doing, and for counted work how far it has got.</summary>
/// <param name="Phase">The run's phase (<c>ingest</c>, <c>extract</c>, <c>graph</c>, <c>build</c>, <c>sync</c>).</param>
/// <param name="Detail">What the phase is doing now, for people.</param>
/// <param name="Done">Units done so far, when the work is counted.</param>
/// <param name="Total">Units in all; 0 when not known (with <paramref name="Done"/> 0 too, a step that starts now).</param>
/// <param name="Unit">What is counted (<c>papers</c>, <c>bytes</c>, <c>rows</c>), for the rate a front end shows.</param>
/// <remarks>
/// Runs, and the stages they call, report through an <see cref="IProgress{T}"/> of these and never draw anything: the command line turns
/// them into a bar with rate and time left, or plain lines when standard error is not a terminal. A report without a
/// total marks the start of a step; counted reports come often and a front end may show only some of them.
/// </remarks>
public readonly record struct PipelineProgress(string Phase, string Detail, long Done = 0, long Total = 0, string Unit = "")
{
    /// <summary>Whether this report starts a step (no count), which a front end shows at once.</summary>
    public bool IsStep => Total == 0 && Done == 0;
}

/// <summary>Reporting helpers for runs and stages, which take an optional <see cref="IProgress{T}"/>.</summary>
public static class ProgressExtensions
{
    /// <summary>Reports the start of a step.</summary>
    public static void Step(this IProgress<PipelineProgress>? progress, string phase, string detail) =>
        progress?.Report(new PipelineProgress(phase, detail));

    /// <summary>Reports counted work.</summary>
    public static void Count(this IProgress<PipelineProgress>? progress, string phase, string detail, long done, long total, string unit) =>
        progress?.Report(new PipelineProgress(phase, detail, done, total, unit));
}

/// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (the built-in one posts to the thread pool, so reports could arrive after the run).</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    /// <inheritdoc/>
    public void Report(T value) => report(value);
}

/// <summary>Counts work done in a loop, from any number of threads, and reports it every <c>every</c> units and at the end.</summary>
/// <remarks>One interlocked increment per unit, nothing at all without a progress to tell.</remarks>
public sealed class ProgressCounter(IProgress<PipelineProgress>? progress, string phase, string detail, long total, string unit, int every = 1000)
{
    private long _done;

    /// <summary>Counts each item of <paramref name="items"/> as it is taken: progress for a consumer that takes an enumerable, such as a store.</summary>
    public static IEnumerable<T> Each<T>(IEnumerable<T> items, ProgressCounter counter)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(counter);
        foreach (var item in items)
        {
            counter.Add();
            yield return item;
        }
    }

    /// <summary>Counts one unit.</summary>
    public void Add()
    {
        if (progress is null)
        {
            return;
        }

        var done = Interlocked.Increment(ref _done);
        if (done % every == 0 || done == total)
        {
            progress.Report(new PipelineProgress(phase, detail, done, total, unit));
        }
    }
}

namespace PaperGraph.Neo4j;

/// <summary>When to retry a transient failure: exponential backoff with full jitter, within a time budget.</summary>
/// <remarks>
/// Attempt <c>k</c> waits a random time in [<c>d/2</c>, <c>d</c>] where <c>d = min(initial·2^(k-1), max)</c>. The
/// jitter spreads the retries of several clients hit by the same restart. No retry starts when the budget would be
/// spent by the wait.
/// </remarks>
public sealed class RetryPolicy
{
    private readonly Random _random;

    public RetryPolicy(TimeSpan budget, TimeSpan? initialDelay = null, TimeSpan? maxDelay = null, int? seed = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, TimeSpan.Zero);
        Budget = budget;
        InitialDelay = initialDelay ?? TimeSpan.FromMilliseconds(200);
        MaxDelay = maxDelay ?? TimeSpan.FromSeconds(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(InitialDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, InitialDelay);
        _random = seed is { } s ? new Random(s) : Random.Shared;
    }

    public TimeSpan Budget { get; }

    public TimeSpan InitialDelay { get; }

    public TimeSpan MaxDelay { get; }

    /// <summary>The wait before retrying after failed attempt <paramref name="attempt"/> (1-based), or null when the budget is spent.</summary>
    public TimeSpan? NextDelay(int attempt, TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var ceiling = Math.Min(InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)), MaxDelay.TotalMilliseconds);
        double jitter;
        lock (_random)
        {
            jitter = _random.NextDouble();
        }

        var delay = TimeSpan.FromMilliseconds(ceiling * (0.5 + 0.5 * jitter));
        return elapsed + delay > Budget ? null : delay;
    }
}

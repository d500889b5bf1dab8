using PaperGraph.Neo4j;

namespace PaperGraph.Neo4j.Tests;

public sealed class RetryPolicyTests
{
    [Fact]
    public void Delays_double_with_jitter_up_to_the_cap()
    {
        var policy = new RetryPolicy(TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), seed: 7);

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var ceiling = Math.Min(100 * Math.Pow(2, attempt - 1), 1000);
            var delay = policy.NextDelay(attempt, TimeSpan.Zero)!.Value.TotalMilliseconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void Jitter_spreads_the_delays_of_one_attempt()
    {
        var policy = new RetryPolicy(TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), seed: 7);

        var delays = Enumerable.Range(0, 50).Select(_ => policy.NextDelay(3, TimeSpan.Zero)!.Value).Distinct().Count();

        Assert.True(delays > 40, $"{delays} distinct delays of 50");
    }

    [Fact]
    public void No_retry_starts_that_would_end_past_the_budget()
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(400), seed: 7);

        Assert.NotNull(policy.NextDelay(1, TimeSpan.FromSeconds(1)));
        Assert.Null(policy.NextDelay(1, TimeSpan.FromSeconds(1.9)));
        Assert.Null(new RetryPolicy(TimeSpan.Zero).NextDelay(1, TimeSpan.Zero));
    }
}

using PaperGraph.Graph.Trends;

namespace PaperGraph.Graph.Tests.Trends;

public class BurstDetectionTests
{
    // Expected bursts from an exhaustive search over every state sequence of the two-state model, binomial coefficient
    // included (a Python script independent of this code; the coefficient cancels, so the optimum is the same).
    public static TheoryData<string, int[], int[], double, double, (int Start, int End, double Strength)[]> Reference => new()
    {
        { "one burst", [2, 3, 2, 20, 25, 22, 3, 2, 2, 3], [100, 100, 100, 100, 100, 100, 100, 100, 100, 100], 2, 1, [(3, 5, 24.0300068398)] },
        { "two bursts", [1, 1, 15, 14, 1, 1, 1, 18, 20, 1, 1, 1], [100, 90, 110, 100, 95, 100, 105, 100, 98, 102, 100, 100], 2, 1, [(2, 3, 7.6135584971), (7, 8, 15.3007334234)] },
        { "flat", [5, 5, 5, 5, 5, 5, 5, 5], [100, 100, 100, 100, 100, 100, 100, 100], 2, 1, [] },
        { "rising at the end", [1, 0, 2, 1, 1, 2, 9, 12, 15], [50, 60, 55, 50, 40, 60, 50, 55, 60], 2, 1, [(6, 8, 11.5911836323)] },
        { "a small rise", [2, 3, 2, 8, 9, 3, 2, 2], [100, 100, 100, 100, 100, 100, 100, 100], 2, 1, [(3, 4, 4.2535745519)] },
        { "a small rise, costly to enter", [2, 3, 2, 8, 9, 3, 2, 2], [100, 100, 100, 100, 100, 100, 100, 100], 2, 3, [] },
        { "two bursts, scale 3", [1, 1, 15, 14, 1, 1, 1, 18, 20, 1, 1, 1], [100, 90, 110, 100, 95, 100, 105, 100, 98, 102, 100, 100], 3, 1, [(2, 3, 5.9585036724), (7, 8, 18.8511319869)] },
    };

    [Theory]
    [MemberData(nameof(Reference))]
    public void Bursts_are_the_optimal_state_sequence_of_the_two_state_model(string name, int[] relevant, int[] total, double scale, double gamma,
        (int Start, int End, double Strength)[] expected)
    {
        var bursts = BurstDetection.Detect(relevant, total, new BurstSettings(scale, gamma));

        Assert.True(expected.Length == bursts.Count, name);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Start, bursts[i].Start);
            Assert.Equal(expected[i].End, bursts[i].End);
            Assert.Equal(expected[i].Strength, bursts[i].Strength, 1e-8);
        }
    }

    [Fact]
    public void Months_without_papers_cost_nothing_and_do_not_break_a_burst()
    {
        var bursts = BurstDetection.Detect([1, 1, 20, 0, 22, 1, 1, 1], [100, 100, 100, 0, 100, 100, 100, 100]);

        var burst = Assert.Single(bursts);
        Assert.Equal((2, 4), (burst.Start, burst.End));
    }

    [Theory]
    [InlineData(new[] { 0, 0, 0 }, new[] { 10, 10, 10 })]
    [InlineData(new[] { 7 }, new[] { 10 })]
    [InlineData(new[] { 6, 6, 6 }, new[] { 10, 10, 10 })]
    [InlineData(new int[0], new int[0])]
    public void A_series_that_cannot_burst_has_no_bursts(int[] relevant, int[] total) =>
        Assert.Empty(BurstDetection.Detect(relevant, total));

    [Fact]
    public void Counts_that_do_not_fit_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BurstDetection.Detect([5], [4]));
        Assert.Throws<ArgumentException>(() => BurstDetection.Detect([1, 2], [4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BurstSettings(Scale: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BurstSettings(Gamma: 0));
    }
}

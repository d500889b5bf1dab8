using PaperGraph.Graph.Trends;
using PaperGraph.Core;

namespace PaperGraph.Graph.Tests.Trends;

public class ConceptTrendsTests
{
    private static Month M(string month) => Month.Parse(month)!.Value;

    [Theory]
    [InlineData("2024-03-17", "2024-03")]
    [InlineData("2024-12", "2024-12")]
    [InlineData("1999-01-01T10:00:00Z", "1999-01")]
    public void A_dated_paper_has_its_month(string date, string month) => Assert.Equal(month, Month.Parse(date)!.Value.ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("--01-28")]
    [InlineData("2024")]
    [InlineData("2024-13-01")]
    [InlineData("March 2024")]
    public void A_date_without_year_and_month_has_no_month(string? date) => Assert.Null(Month.Parse(date));

    [Fact]
    public void A_concept_that_grows_with_the_corpus_does_not_burst_and_one_that_surges_does()
    {
        // The corpus doubles every year for three years (24 months); "steady" keeps 5% of it, "surge" jumps in 2021-01..03.
        var corpus = new Dictionary<Month, int>();
        var steady = new Dictionary<Month, int>();
        var surge = new Dictionary<Month, int>();
        for (var t = 0; t < 36; t++)
        {
            var month = M("2019-01") + t;
            corpus[month] = 100 << (t / 12);
            steady[month] = corpus[month] / 20;
            surge[month] = t is >= 24 and < 27 ? corpus[month] / 5 : corpus[month] / 100;
        }

        var trends = ConceptTrends.Analyze([("steady", steady), ("surge", surge)], corpus).ToDictionary(t => t.Key);

        Assert.Empty(trends["steady"].Bursts);
        var burst = Assert.Single(trends["surge"].Bursts);
        Assert.Equal((M("2021-01"), M("2021-03")), (burst.Start, burst.End));
        Assert.True(burst.Strength > 0);
        Assert.Equal(M("2019-01"), trends["steady"].First);
    }

    [Fact]
    public void Growth_compares_the_share_of_the_last_window_with_the_one_before()
    {
        // Four months, a window of two: the corpus has 10 papers a month; the concept 1, 1, then 3, 5.
        var corpus = new Dictionary<Month, int> { [M("2024-01")] = 10, [M("2024-02")] = 10, [M("2024-03")] = 10, [M("2024-04")] = 10 };
        var concept = new Dictionary<Month, int> { [M("2024-01")] = 1, [M("2024-02")] = 1, [M("2024-03")] = 3, [M("2024-04")] = 5 };
        var settings = new TrendSettings(WindowMonths: 2);

        var trend = Assert.Single(ConceptTrends.Analyze([("c", concept)], corpus, settings));

        Assert.Equal(8, trend.Recent);
        Assert.Equal(0.4, trend.RecentShare, 1e-12);
        Assert.Equal(0.1, trend.PreviousShare, 1e-12);
        Assert.Equal(9.0 / 21 / (3.0 / 21), trend.Growth, 1e-12);
        Assert.Single(ConceptTrends.Rising([trend], settings));
        Assert.Empty(ConceptTrends.Rising([trend], new TrendSettings(WindowMonths: 2, MinRecentPapers: 9)));
    }

    [Fact]
    public void Months_without_papers_inside_the_range_are_periods_too()
    {
        var corpus = new Dictionary<Month, int> { [M("2020-01")] = 10, [M("2020-06")] = 10 };
        var concept = new Dictionary<Month, int> { [M("2020-06")] = 2 };

        var trend = Assert.Single(ConceptTrends.Analyze([("c", concept)], corpus, new TrendSettings(WindowMonths: 3)));

        Assert.Equal(2, trend.Recent);
        Assert.Equal(0, trend.PreviousShare);
    }

    [Fact]
    public void A_concept_with_more_papers_in_a_month_than_the_corpus_is_refused() =>
        Assert.Throws<ArgumentException>(() => ConceptTrends.Analyze([("c", new Dictionary<Month, int> { [M("2020-01")] = 11 })],
            new Dictionary<Month, int> { [M("2020-01")] = 10 }));

    [Theory]
    [InlineData(8, 20, 2, 20, 5.063025953476483)]
    [InlineData(3, 1000, 0, 1000, 4.163389845195)]
    [InlineData(50, 1000, 20, 1000, 13.749202900335543)]
    [InlineData(0, 10, 0, 10, 0)]
    public void Evidence_is_the_log_likelihood_ratio_of_the_two_windows(int recent, int recentTotal, int previous, int previousTotal, double expected) =>
        // Expected values from the G-test formula computed in Python.
        Assert.Equal(expected, ConceptTrends.LogLikelihoodRatio(recent, recentTotal, previous, previousTotal), 1e-9);

    [Fact]
    public void A_frequent_concept_that_rises_clearly_outranks_a_new_one_with_three_papers()
    {
        // 1,000 papers a month for two months, a window of one month: "new" goes 0 -> 3, "clear" 20 -> 50.
        var corpus = new Dictionary<Month, int> { [M("2024-01")] = 1000, [M("2024-02")] = 1000 };
        var trends = ConceptTrends.Analyze(
            [("new", new Dictionary<Month, int> { [M("2024-02")] = 3 }), ("clear", new Dictionary<Month, int> { [M("2024-01")] = 20, [M("2024-02")] = 50 })],
            corpus, new TrendSettings(WindowMonths: 1));

        var rising = ConceptTrends.Rising(trends, new TrendSettings(WindowMonths: 1)).Select(t => t.Key).ToList();

        Assert.Equal(["clear", "new"], rising);
        Assert.True(trends.Single(t => t.Key == "new").Growth > trends.Single(t => t.Key == "clear").Growth);
    }
}

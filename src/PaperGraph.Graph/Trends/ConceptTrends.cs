using PaperGraph.Core;

namespace PaperGraph.Graph.Trends;

/// <summary>Settings of <see cref="ConceptTrends"/>; validated on construction.</summary>
/// <param name="WindowMonths">Months of the recent window whose share is compared with the window before it.</param>
/// <param name="MinRecentPapers">Papers a concept needs in the recent window to count as rising.</param>
/// <param name="Bursts">The burst model's settings.</param>
public sealed record TrendSettings(int WindowMonths = 12, int MinRecentPapers = 3, BurstSettings? Bursts = null)
{
    public int WindowMonths { get; } = WindowMonths >= 1 ? WindowMonths : throw new ArgumentOutOfRangeException(nameof(WindowMonths), WindowMonths, "the window is at least one month");

    public int MinRecentPapers { get; } = MinRecentPapers >= 1 ? MinRecentPapers : throw new ArgumentOutOfRangeException(nameof(MinRecentPapers), MinRecentPapers, "at least one paper");

    public BurstSettings Bursts { get; } = Bursts ?? new BurstSettings();
}

/// <summary>A concept's papers per month, and its place in time.</summary>
/// <param name="Key">The concept key.</param>
/// <param name="First">The month of its first dated paper.</param>
/// <param name="Bursts">Its bursts, in time order, in months.</param>
/// <param name="Recent">Its papers in the recent window.</param>
/// <param name="RecentShare">Its share of the corpus's papers in the recent window.</param>
/// <param name="PreviousShare">Its share of the corpus's papers in the window before.</param>
/// <param name="Growth">Recent share over previous share, each with one paper added so that a new concept's growth is finite.</param>
/// <param name="Evidence">
/// How surely the share changed: the log-likelihood ratio G² of the two windows' counts against one shared rate (about 4 is
/// significant at 5%, 11 at 0.1%); large for a big change in a frequent concept, small for a few papers.
/// </param>
public sealed record ConceptTrend(string Key, Month First, IReadOnlyList<(Month Start, Month End, double Strength)> Bursts, int Recent,
    double RecentShare, double PreviousShare, double Growth, double Evidence);

/// <summary>Bursts and growth of concepts over the months of a corpus.</summary>
/// <remarks>
/// <para>Every month from the corpus's first dated paper to its last is a period, months without papers included. A
/// concept's bursts are those of <see cref="BurstDetection"/> on its monthly papers against the corpus's monthly
/// papers, so a concept that only grows with the corpus does not burst. Growth compares the concept's share of the
/// corpus's papers in the last <see cref="TrendSettings.WindowMonths"/> months with its share in the window before:
/// <c>((r₁ + 1) / (d₁ + 1)) / ((r₀ + 1) / (d₀ + 1))</c>.</para>
/// <para>O(concepts × months) time.</para>
/// </remarks>
public static class ConceptTrends
{
    /// <summary>The trend of each concept.</summary>
    /// <param name="series">Each concept's papers per month (months absent have none).</param>
    /// <param name="corpus">The corpus's dated papers per month.</param>
    /// <param name="settings">Settings; null for the defaults.</param>
    public static List<ConceptTrend> Analyze(IReadOnlyList<(string Key, IReadOnlyDictionary<Month, int> Papers)> series,
        IReadOnlyDictionary<Month, int> corpus, TrendSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(corpus);
        settings ??= new TrendSettings();
        var trends = new List<ConceptTrend>(series.Count);
        if (corpus.Count == 0)
        {
            return trends;
        }

        var first = corpus.Keys.Min();
        var last = corpus.Keys.Max();
        var n = last.Index - first.Index + 1;
        var total = new int[n];
        foreach (var (month, papers) in corpus)
        {
            total[month.Index - first.Index] = papers;
        }

        var window = settings.WindowMonths;
        var recentStart = Math.Max(0, n - window);
        var previousStart = Math.Max(0, n - 2 * window);
        var recentTotal = Sum(total, recentStart, n);
        var previousTotal = Sum(total, previousStart, recentStart);
        var relevant = new int[n];
        foreach (var (key, papers) in series)
        {
            if (papers.Count == 0)
            {
                continue;
            }

            Array.Clear(relevant);
            foreach (var (month, count) in papers)
            {
                var t = month.Index - first.Index;
                if (t < 0 || t >= n || count > total[t])
                {
                    throw new ArgumentException($"{key}: {count} papers in {month}, when the corpus has {(t >= 0 && t < n ? total[t] : 0)}.", nameof(series));
                }

                relevant[t] = count;
            }

            var bursts = BurstDetection.Detect(relevant, total, settings.Bursts)
                .Select(b => (first + b.Start, first + b.End, b.Strength)).ToList();
            var recent = Sum(relevant, recentStart, n);
            var previous = Sum(relevant, previousStart, recentStart);
            var recentShare = recentTotal == 0 ? 0 : (double)recent / recentTotal;
            var previousShare = previousTotal == 0 ? 0 : (double)previous / previousTotal;
            var growth = (recent + 1.0) / (recentTotal + 1.0) / ((previous + 1.0) / (previousTotal + 1.0));
            trends.Add(new ConceptTrend(key, papers.Keys.Min(), bursts, recent, recentShare, previousShare, growth,
                LogLikelihoodRatio(recent, recentTotal, previous, previousTotal)));
        }

        return trends;
    }

    /// <summary>
    /// The concepts rising now: a larger share in the recent window than before, with at least
    /// <see cref="TrendSettings.MinRecentPapers"/> recent papers; surest first (<see cref="ConceptTrend.Evidence"/>), so
    /// that a concept going from 0 to 3 papers does not outrank one going from 2% to 5% of the corpus.
    /// </summary>
    public static IEnumerable<ConceptTrend> Rising(IEnumerable<ConceptTrend> trends, TrendSettings? settings = null)
    {
        settings ??= new TrendSettings();
        return trends.Where(t => t.Recent >= settings.MinRecentPapers && t.RecentShare > t.PreviousShare)
            .OrderByDescending(t => t.Evidence).ThenBy(t => t.Key, StringComparer.Ordinal);
    }

    /// <summary>G² = 2 Σ O ln(O / E) over the 2×2 table (with, without the concept) × (recent, previous window).</summary>
    internal static double LogLikelihoodRatio(int recent, int recentTotal, int previous, int previousTotal)
    {
        var total = recentTotal + previousTotal;
        var with = recent + previous;
        if (total == 0 || with == 0 || with == total)
        {
            return 0;
        }

        return 2 * (Term(recent, (double)with * recentTotal / total) + Term(recentTotal - recent, (double)(total - with) * recentTotal / total)
            + Term(previous, (double)with * previousTotal / total) + Term(previousTotal - previous, (double)(total - with) * previousTotal / total));

        static double Term(double observed, double expected) => observed > 0 ? observed * Math.Log(observed / expected) : 0;
    }

    private static int Sum(int[] values, int from, int to)
    {
        var sum = 0;
        for (var i = from; i < to; i++)
        {
            sum += values[i];
        }

        return sum;
    }
}

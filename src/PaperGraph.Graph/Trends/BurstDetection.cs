namespace PaperGraph.Graph.Trends;

/// <summary>Settings of <see cref="BurstDetection"/>; validated on construction.</summary>
/// <param name="Scale">How many times the base rate the burst state expects (Kleinberg's <c>s</c>; CiteSpace uses 2).</param>
/// <param name="Gamma">The cost of entering the burst state, in units of <c>ln n</c> (Kleinberg's <c>γ</c>): higher finds fewer, stronger bursts.</param>
public sealed record BurstSettings(double Scale = 2, double Gamma = 1)
{
    public double Scale { get; } = Scale > 1 ? Scale : throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "the burst rate must be above the base rate (scale > 1)");

    public double Gamma { get; } = Gamma > 0 ? Gamma : throw new ArgumentOutOfRangeException(nameof(Gamma), Gamma, "gamma must be positive");
}

/// <summary>A run of periods in the burst state.</summary>
/// <param name="Start">First period of the burst (an index into the series).</param>
/// <param name="End">Last period of the burst, inclusive.</param>
/// <param name="Strength">How much better the burst state explains these periods than the base state: the sum of the fit-cost differences (Kleinberg's weight of a burst).</param>
public readonly record struct Burst(int Start, int End, double Strength);

/// <summary>Kleinberg's two-state burst model over counts in periods (Kleinberg 2002, "Enumerating bursts").</summary>
/// <remarks>
/// <para>Period <c>t</c> has <c>r_t</c> relevant events (papers about a concept) out of <c>d_t</c> (all papers). The base
/// state expects the overall share <c>p0 = Σr / Σd</c>, the burst state <c>p1 = s · p0</c>. Being in state <c>i</c> at
/// <c>t</c> costs <c>−ln(p_i^r_t (1 − p_i)^(d_t − r_t))</c> (the binomial coefficient is the same in both states and is left
/// out); entering the burst state costs <c>γ ln n</c> for <c>n</c> periods, leaving it nothing. The sequence of states of
/// least total cost, starting in the base state, is found by the Viterbi algorithm, and each maximal run of burst
/// states is a burst, weighted by the cost it saves over the base state. This is the form CiteSpace reports.</para>
/// <para>O(n) time and memory. A period without papers costs nothing in either state.</para>
/// </remarks>
public static class BurstDetection
{
    /// <summary>The bursts of a series, in time order.</summary>
    /// <param name="relevant">Relevant events per period.</param>
    /// <param name="total">All events per period; at least <paramref name="relevant"/> in each.</param>
    /// <param name="settings">The model's settings; null for the defaults.</param>
    public static IReadOnlyList<Burst> Detect(ReadOnlySpan<int> relevant, ReadOnlySpan<int> total, BurstSettings? settings = null)
    {
        if (relevant.Length != total.Length)
        {
            throw new ArgumentException("one relevant count per period is needed.", nameof(relevant));
        }

        settings ??= new BurstSettings();
        var n = relevant.Length;
        long r = 0, d = 0;
        for (var t = 0; t < n; t++)
        {
            if (relevant[t] < 0 || relevant[t] > total[t])
            {
                throw new ArgumentOutOfRangeException(nameof(relevant), relevant[t], $"period {t}: relevant events must be between 0 and the period's {total[t]} events.");
            }

            r += relevant[t];
            d += total[t];
        }

        // Nothing to find with one period, no relevant event, or a share the burst state cannot exceed.
        var p0 = d == 0 ? 0 : (double)r / d;
        var p1 = p0 * settings.Scale;
        if (n < 2 || r == 0 || p1 >= 1)
        {
            return [];
        }

        var enter = settings.Gamma * Math.Log(n);
        var saving = new double[n];
        var burstBefore = new bool[n];
        var burstNow = new bool[n];
        double baseCost = 0, burstCost = double.PositiveInfinity;
        var lnP0 = Math.Log(p0);
        var lnQ0 = Math.Log(1 - p0);
        var lnP1 = Math.Log(p1);
        var lnQ1 = Math.Log(1 - p1);
        for (var t = 0; t < n; t++)
        {
            var fit0 = -(relevant[t] * lnP0 + (total[t] - relevant[t]) * lnQ0);
            var fit1 = -(relevant[t] * lnP1 + (total[t] - relevant[t]) * lnQ1);
            saving[t] = fit0 - fit1;

            // Best way into each state at t: the base state from either (leaving a burst is free), the burst state by
            // staying in it or by paying to enter. Ties keep the base state, so a burst needs a strict gain.
            var toBase = Math.Min(baseCost, burstCost);
            burstBefore[t] = burstCost < baseCost;
            var stay = burstCost;
            var enterNow = baseCost + enter;
            burstNow[t] = stay < enterNow;
            var toBurst = Math.Min(stay, enterNow);
            baseCost = toBase + fit0;
            burstCost = toBurst + fit1;
        }

        // Trace the states back: burstBefore[t] says whether the best path into the base state at t came from a burst,
        // burstNow[t] whether the best path into the burst state at t stayed in one.
        var inBurst = new bool[n];
        var state = burstCost < baseCost;
        for (var t = n - 1; t >= 0; t--)
        {
            inBurst[t] = state;
            state = state ? burstNow[t] : burstBefore[t];
        }

        var bursts = new List<Burst>();
        for (var t = 0; t < n; t++)
        {
            if (!inBurst[t])
            {
                continue;
            }

            var start = t;
            var strength = 0.0;
            while (t < n && inBurst[t])
            {
                strength += saving[t];
                t++;
            }

            bursts.Add(new Burst(start, t - 1, strength));
        }

        return bursts;
    }
}

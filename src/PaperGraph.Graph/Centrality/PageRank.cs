namespace PaperGraph.Graph.Centrality;

/// <summary>Settings of <see cref="PageRank"/>; validated on construction.</summary>
/// <param name="Damping">Probability of following an edge rather than jumping to a random node.</param>
/// <param name="Tolerance">Convergence is reached when the L1 change of the ranks falls below <c>NodeCount × Tolerance</c>.</param>
/// <param name="MaxIterations">Iterations before giving up with <see cref="ConvergenceException"/>.</param>
public sealed record PageRankSettings(double Damping = 0.85, double Tolerance = 1e-6, int MaxIterations = 100)
{
    public double Damping { get; } = Damping is > 0 and < 1 ? Damping : throw new ArgumentOutOfRangeException(nameof(Damping), Damping, "damping must be in (0, 1)");

    public double Tolerance { get; } = Tolerance > 0 ? Tolerance : throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "tolerance must be positive");

    public int MaxIterations { get; } = MaxIterations >= 1 ? MaxIterations : throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "at least one iteration");
}

/// <summary>Weighted PageRank of an undirected graph, with networkx's semantics.</summary>
/// <remarks>
/// <para>Each undirected edge is followed both ways; from node <c>u</c>, edge <c>(u, v)</c> is taken with probability
/// <c>w(u, v) / strength(u)</c>. Rank at a node without edges (dangling) is spread uniformly, like the random jump,
/// so no rank leaks. Power iteration starts from the uniform vector and stops when the L1 change is below
/// <c>n × tolerance</c>, as <c>networkx.pagerank</c> does; the ranks returned sum to 1.</para>
/// <para>O(iterations × (n + m)) time, O(n) extra memory.</para>
/// </remarks>
public static class PageRank
{
    /// <summary>The PageRank of every node.</summary>
    /// <exception cref="ConvergenceException">The ranks did not converge within <see cref="PageRankSettings.MaxIterations"/>.</exception>
    public static double[] Compute(CompactGraph graph, PageRankSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        settings ??= new PageRankSettings();
        var n = graph.NodeCount;
        if (n == 0)
        {
            return [];
        }

        var alpha = settings.Damping;
        var x = new double[n];
        var next = new double[n];
        var share = new double[n];
        Array.Fill(x, 1.0 / n);
        var error = 0.0;
        for (var iteration = 1; iteration <= settings.MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dangling = 0.0;
            for (var u = 0; u < n; u++)
            {
                var strength = graph.Strength(u);
                if (strength == 0)
                {
                    dangling += x[u];
                    share[u] = 0;
                }
                else
                {
                    share[u] = x[u] / strength;
                }
            }

            var jump = (alpha * dangling + (1 - alpha)) / n;
            error = 0.0;
            for (var v = 0; v < n; v++)
            {
                var neighbors = graph.Neighbors(v);
                var weights = graph.Weights(v);
                var sum = 0.0;
                for (var i = 0; i < neighbors.Length; i++)
                {
                    sum += share[neighbors[i]] * weights[i];
                }

                next[v] = alpha * sum + jump;
                error += Math.Abs(next[v] - x[v]);
            }

            (x, next) = (next, x);
            if (error < n * settings.Tolerance)
            {
                Normalize(x);
                return x;
            }
        }

        throw new ConvergenceException("PageRank", settings.MaxIterations, error, n * settings.Tolerance);
    }

    private static void Normalize(double[] x)
    {
        var sum = 0.0;
        foreach (var value in x)
        {
            sum += value;
        }

        for (var i = 0; i < x.Length; i++)
        {
            x[i] /= sum;
        }
    }
}

namespace PaperGraph.Graph.Centrality;

/// <summary>Settings of <see cref="EigenvectorCentrality"/>; validated on construction.</summary>
/// <param name="Tolerance">Convergence is reached when the L1 change falls below <c>NodeCount × Tolerance</c>.</param>
/// <param name="MaxIterations">Iterations before giving up with <see cref="PowerIterationException"/>.</param>
public sealed record EigenvectorSettings(double Tolerance = 1e-6, int MaxIterations = 100)
{
    public double Tolerance { get; } = Tolerance > 0 ? Tolerance : throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "tolerance must be positive");

    public int MaxIterations { get; } = MaxIterations >= 1 ? MaxIterations : throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "at least one iteration");
}

/// <summary>Weighted eigenvector centrality, with networkx's semantics.</summary>
/// <remarks>
/// Power iteration on <c>A + I</c> (the identity shift makes it converge on bipartite graphs too) from the uniform
/// vector, normalised to unit Euclidean length after each step, stopping when the L1 change is below
/// <c>n × tolerance</c>, as <c>networkx.eigenvector_centrality</c> does. O(iterations × (n + m)) time.
/// </remarks>
public static class EigenvectorCentrality
{
    /// <summary>The eigenvector centrality of every node (unit Euclidean norm).</summary>
    /// <exception cref="PowerIterationException">It did not converge within <see cref="EigenvectorSettings.MaxIterations"/>.</exception>
    public static double[] Compute(CompactGraph graph, EigenvectorSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        settings ??= new EigenvectorSettings();
        var n = graph.NodeCount;
        if (n == 0)
        {
            return [];
        }

        var x = new double[n];
        var next = new double[n];
        Array.Fill(x, 1.0 / n);
        var error = 0.0;
        for (var iteration = 1; iteration <= settings.MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var squares = 0.0;
            for (var v = 0; v < n; v++)
            {
                var neighbors = graph.Neighbors(v);
                var weights = graph.Weights(v);
                var sum = x[v];
                for (var i = 0; i < neighbors.Length; i++)
                {
                    sum += x[neighbors[i]] * weights[i];
                }

                next[v] = sum;
                squares += sum * sum;
            }

            var norm = Math.Sqrt(squares);
            if (norm == 0)
            {
                norm = 1;
            }

            error = 0.0;
            for (var v = 0; v < n; v++)
            {
                next[v] /= norm;
                error += Math.Abs(next[v] - x[v]);
            }

            (x, next) = (next, x);
            if (error < n * settings.Tolerance)
            {
                return x;
            }
        }

        throw new PowerIterationException("Eigenvector centrality", settings.MaxIterations, error, n * settings.Tolerance);
    }
}

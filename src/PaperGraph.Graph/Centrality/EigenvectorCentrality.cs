namespace PaperGraph.Graph.Centrality;

/// <summary>Settings of <see cref="EigenvectorCentrality"/>; validated on construction.</summary>
/// <param name="Tolerance">
/// How far each component's vector may be from the true eigenvector: the solver stops when the residual
/// <c>‖Ax − λx‖</c> divided by the gap to the next eigenvalue, as the Krylov basis estimates it, is below it (the
/// sine of the angle between the two vectors is at most the residual over the true gap; the estimated gap can be
/// larger than the true one early on, so this is an estimate, checked against networkx to 1e-6), or when the residual
/// reaches rounding level.
/// </param>
/// <param name="MaxIterations">Matrix-vector products per connected component before giving up with <see cref="ConvergenceException"/>.</param>
public sealed record EigenvectorSettings(double Tolerance = 1e-6, int MaxIterations = 1000)
{
    public double Tolerance { get; } = Tolerance > 0 ? Tolerance : throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "tolerance must be positive");

    public int MaxIterations { get; } = MaxIterations >= 1 ? MaxIterations : throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "at least one iteration");
}

/// <summary>Weighted eigenvector centrality, defined on every graph, connected or not.</summary>
/// <remarks>
/// <para>
/// On a connected graph it is networkx's <c>eigenvector_centrality</c>: the Perron eigenvector of the weighted
/// adjacency matrix (the eigenvector of its largest eigenvalue, all entries positive), with unit Euclidean length.
/// </para>
/// <para>
/// On a disconnected graph networkx's power iteration converges, when it converges at all, to a vector that is zero
/// outside the component with the largest leading eigenvalue (and to a start-dependent mix where several components
/// share it); when two components' leading eigenvalues are close it does not converge in any useful number of steps,
/// which is what made small corpora fail. Here each connected component <c>c</c> gets its own Perron vector
/// <c>x_c</c> (unit length) and leading eigenvalue <c>λ_c</c>, and a node of <c>c</c> scores
/// <c>x_c[v] · λ_c / λ_max</c>, where <c>λ_max</c> is the largest <c>λ_c</c>. So the dominant component keeps
/// exactly the values networkx gives it, every other component is ranked inside itself by its own eigenvector and
/// scaled down by how much weaker its leading eigenvalue is, and a node with no edges scores 0 (as does every node of
/// a graph with no edges).
/// </para>
/// <para>
/// Each component is solved by the Lanczos method with full reorthogonalisation, restarted from its best vector every
/// <see cref="KrylovSize"/> steps: it needs far fewer matrix-vector products than power iteration and does not depend
/// on a gap between components. A component of up to <see cref="KrylovSize"/> nodes is solved exactly in one pass.
/// O(products × (n + m)) time plus O(n · <see cref="KrylovSize"/>) memory for the basis of the biggest component.
/// </para>
/// </remarks>
public static class EigenvectorCentrality
{
    /// <summary>Lanczos steps between restarts, and so the biggest component solved in one pass.</summary>
    public const int KrylovSize = 64;

    /// <summary>The eigenvector centrality of every node, as defined in the remarks.</summary>
    /// <exception cref="ConvergenceException">A component did not converge within <see cref="EigenvectorSettings.MaxIterations"/> products.</exception>
    public static double[] Compute(CompactGraph graph, EigenvectorSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        settings ??= new EigenvectorSettings();
        var n = graph.NodeCount;
        var result = new double[n];
        var (component, count) = Components.Compute(graph);
        var members = new List<int>[count];
        for (var c = 0; c < count; c++)
        {
            members[c] = [];
        }

        for (var v = 0; v < n; v++)
        {
            members[component[v]].Add(v);
        }

        var local = new int[n];
        var lambda = new double[count];
        for (var c = 0; c < count; c++)
        {
            var nodes = members[c];
            if (nodes.Count < 2)
            {
                continue; // no edges: eigenvalue 0, centrality 0
            }

            for (var i = 0; i < nodes.Count; i++)
            {
                local[nodes[i]] = i;
            }

            var (value, vector) = Largest(graph, nodes, local, settings, cancellationToken);
            lambda[c] = value;
            for (var i = 0; i < nodes.Count; i++)
            {
                result[nodes[i]] = vector[i];
            }
        }

        var max = lambda.Length == 0 ? 0 : lambda.Max();
        if (max <= 0)
        {
            return result; // no edges anywhere
        }

        for (var v = 0; v < n; v++)
        {
            result[v] *= lambda[component[v]] / max;
        }

        return result;
    }

    /// <summary>The largest eigenvalue of one component's adjacency matrix and its unit, non-negative eigenvector (indexed like <paramref name="nodes"/>).</summary>
    private static (double Value, double[] Vector) Largest(CompactGraph graph, List<int> nodes, int[] local, EigenvectorSettings settings, CancellationToken cancellationToken)
    {
        var k = nodes.Count;
        var m = Math.Min(k, KrylovSize);
        var basis = new double[m][];
        for (var j = 0; j < m; j++)
        {
            basis[j] = new double[k];
        }

        var w = new double[k];
        var alpha = new double[m];
        var beta = new double[m];
        var start = new double[k];
        Array.Fill(start, 1 / Math.Sqrt(k)); // positive, so never orthogonal to the (positive) Perron vector
        // Rounding level: no eigenvalue exceeds the largest weighted degree (Gershgorin).
        var bound = 0.0;
        foreach (var v in nodes)
        {
            bound = Math.Max(bound, graph.Strength(v));
        }

        var floor = 1e-12 * bound;
        var products = 0;
        var residual = double.PositiveInfinity;
        while (true)
        {
            start.CopyTo(basis[0], 0);
            var size = 0;
            var invariant = false;
            for (var j = 0; j < m; j++)
            {
                if (products == settings.MaxIterations)
                {
                    break; // out of budget: the Ritz pair of the basis so far is checked one last time below
                }

                cancellationToken.ThrowIfCancellationRequested();
                Multiply(graph, nodes, local, basis[j], w);
                products++;
                alpha[j] = Dot(w, basis[j]);
                // Full reorthogonalisation against the whole basis, twice ("twice is enough"): the basis stays
                // orthogonal to rounding level, so no spurious copies of the leading eigenvalue appear.
                for (var pass = 0; pass < 2; pass++)
                {
                    for (var i = 0; i <= j; i++)
                    {
                        Subtract(w, basis[i], Dot(w, basis[i]));
                    }
                }

                size = j + 1;
                var norm = Math.Sqrt(Dot(w, w));
                beta[j] = norm;
                if (norm <= floor)
                {
                    invariant = true; // the basis spans an invariant subspace: its Ritz values are exact
                    break;
                }

                // A well-separated leading eigenvalue converges in a few steps: look every eight, at the cost of a
                // tiny eigenproblem, instead of filling the whole basis.
                if (size % 8 == 0 && size < m && Converged(Ritz(alpha, beta, size, invariant: false), settings.Tolerance, floor))
                {
                    break;
                }

                if (j + 1 < m)
                {
                    for (var i = 0; i < k; i++)
                    {
                        basis[j + 1][i] = w[i] / norm;
                    }
                }
            }

            var (theta, gap, lastResidual, vectors) = Ritz(alpha, beta, size, invariant);
            residual = lastResidual;
            Array.Clear(start);
            for (var i = 0; i < size; i++)
            {
                var s = vectors[i * size];
                var q = basis[i];
                for (var r = 0; r < k; r++)
                {
                    start[r] += s * q[r];
                }
            }

            Normalise(start);
            if (Converged((theta, gap, residual, vectors), settings.Tolerance, floor))
            {
                return (theta, Positive(start));
            }

            if (products == settings.MaxIterations)
            {
                throw new ConvergenceException("Eigenvector centrality", products, residual, Math.Max(settings.Tolerance * gap, floor));
            }
        }
    }

    /// <summary>
    /// The top Ritz pair of the first <paramref name="size"/> Lanczos steps: the largest eigenvalue θ of the tridiagonal
    /// matrix T = Qᵀ A Q, the gap to its second, the residual ‖Ay − θy‖ = β·|s_last| of the Ritz vector y = Q s (0 when
    /// the basis is <paramref name="invariant"/>), and T's eigenvectors (column 0 is s).
    /// </summary>
    private static (double Theta, double Gap, double Residual, double[] Vectors) Ritz(double[] alpha, double[] beta, int size, bool invariant)
    {
        var t = new double[size * size];
        for (var i = 0; i < size; i++)
        {
            t[i * size + i] = alpha[i];
            if (i + 1 < size)
            {
                t[i * size + i + 1] = t[(i + 1) * size + i] = beta[i];
            }
        }

        var (values, vectors) = SymmetricEigen.Decompose(t, size);
        var residual = invariant ? 0 : Math.Abs(beta[size - 1] * vectors[(size - 1) * size]);
        var gap = size > 1 ? values[0] - values[1] : Math.Abs(values[0]);
        return (values[0], gap, residual, vectors);
    }

    /// <summary>Whether the residual over the estimated gap (an estimate of the sine of the error angle) is within tolerance, or the residual at rounding level.</summary>
    private static bool Converged((double Theta, double Gap, double Residual, double[] Vectors) ritz, double tolerance, double floor) =>
        ritz.Residual <= tolerance * ritz.Gap || ritz.Residual <= floor;

    /// <summary>The Perron vector is positive; turns the computed one that way, clears rounding-level negatives and renormalises.</summary>
    private static double[] Positive(double[] x)
    {
        var sum = 0.0;
        foreach (var value in x)
        {
            sum += value;
        }

        for (var i = 0; i < x.Length; i++)
        {
            x[i] = Math.Max(0, sum < 0 ? -x[i] : x[i]);
        }

        Normalise(x);
        return x;
    }

    private static void Multiply(CompactGraph graph, List<int> nodes, int[] local, double[] x, double[] y)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var neighbors = graph.Neighbors(nodes[i]);
            var weights = graph.Weights(nodes[i]);
            var sum = 0.0;
            for (var e = 0; e < neighbors.Length; e++)
            {
                sum += weights[e] * x[local[neighbors[e]]];
            }

            y[i] = sum;
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Subtract(double[] w, double[] q, double factor)
    {
        for (var i = 0; i < w.Length; i++)
        {
            w[i] -= factor * q[i];
        }
    }

    private static void Normalise(double[] x)
    {
        var norm = Math.Sqrt(Dot(x, x));
        if (norm > 0)
        {
            for (var i = 0; i < x.Length; i++)
            {
                x[i] /= norm;
            }
        }
    }
}

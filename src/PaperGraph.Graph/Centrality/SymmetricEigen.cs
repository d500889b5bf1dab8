namespace PaperGraph.Graph.Centrality;

/// <summary>Eigenvalues and eigenvectors of small dense symmetric matrices, by cyclic Jacobi rotations.</summary>
/// <remarks>
/// Used on the Lanczos tridiagonal matrices of <see cref="EigenvectorCentrality"/> (a few dozen rows), where its
/// O(n³) sweeps cost nothing next to the matrix-vector products, and where its accuracy matters more than its speed:
/// Jacobi finds small eigenvalues to high relative accuracy and its eigenvectors are orthogonal to working precision.
/// </remarks>
internal static class SymmetricEigen
{
    /// <summary>Diagonalises the symmetric <paramref name="n"/>×<paramref name="n"/> matrix <paramref name="a"/> (row-major, destroyed).</summary>
    /// <returns>The eigenvalues, descending, and the matching unit eigenvectors as the columns of a row-major matrix.</returns>
    public static (double[] Values, double[] Vectors) Decompose(double[] a, int n)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Length < n * n)
        {
            throw new ArgumentException($"expected {n}×{n} values, got {a.Length}", nameof(a));
        }

        var v = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            v[i * n + i] = 1;
        }

        var scale = 0.0;
        for (var i = 0; i < n * n; i++)
        {
            scale += a[i] * a[i];
        }

        // Sweeps until the off-diagonal mass is at rounding level: convergence is quadratic, so a handful suffice; the
        // cap only guards against a threshold never reached (a matrix holding NaN stops at once: the test is false).
        for (var sweep = 0; sweep < 100; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    off += a[p * n + q] * a[p * n + q];
                }
            }

            if (!(off > 1e-30 * scale))
            {
                break;
            }

            for (var p = 0; p < n - 1; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    var apq = a[p * n + q];
                    if (apq == 0)
                    {
                        continue;
                    }

                    // The rotation angle φ zeroes a[p, q]: t = tan φ is the smaller root of t² + 2θt − 1 = 0.
                    var theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    var t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var r = 0; r < n; r++)
                    {
                        // Columns p and q, then rows p and q: A ← Jᵀ A J.
                        var arp = a[r * n + p];
                        var arq = a[r * n + q];
                        a[r * n + p] = c * arp - s * arq;
                        a[r * n + q] = s * arp + c * arq;
                    }

                    for (var r = 0; r < n; r++)
                    {
                        var apr = a[p * n + r];
                        var aqr = a[q * n + r];
                        a[p * n + r] = c * apr - s * aqr;
                        a[q * n + r] = s * apr + c * aqr;
                    }

                    for (var r = 0; r < n; r++)
                    {
                        var vrp = v[r * n + p];
                        var vrq = v[r * n + q];
                        v[r * n + p] = c * vrp - s * vrq;
                        v[r * n + q] = s * vrp + c * vrq;
                    }
                }
            }
        }

        var order = new int[n];
        var diagonal = new double[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            diagonal[i] = a[i * n + i];
        }

        Array.Sort(order, (x, y) => diagonal[y].CompareTo(diagonal[x]));
        var values = new double[n];
        var vectors = new double[n * n];
        for (var k = 0; k < n; k++)
        {
            values[k] = diagonal[order[k]];
            for (var r = 0; r < n; r++)
            {
                vectors[r * n + k] = v[r * n + order[k]];
            }
        }

        return (values, vectors);
    }
}

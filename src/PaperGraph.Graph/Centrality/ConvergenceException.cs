namespace PaperGraph.Graph.Centrality;

/// <summary>An iterative measure (PageRank, eigenvector centrality) did not reach its tolerance within its iteration limit.</summary>
public sealed class ConvergenceException(string algorithm, int iterations, double error, double tolerance)
    : Exception($"{algorithm} did not converge in {iterations} iterations (error {error:G3}, needed below {tolerance:G3})")
{
    /// <summary>The measure that failed, as named in the message.</summary>
    public string Algorithm { get; } = algorithm;

    /// <summary>The iterations made (matrix-vector products).</summary>
    public int Iterations { get; } = iterations;

    /// <summary>The last error estimate, in the measure's own terms.</summary>
    public double Error { get; } = error;
}

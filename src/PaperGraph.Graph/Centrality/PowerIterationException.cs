namespace PaperGraph.Graph.Centrality;

/// <summary>A power iteration (PageRank, eigenvector centrality) did not reach its tolerance within its iteration limit.</summary>
public sealed class PowerIterationException(string algorithm, int iterations, double error, double tolerance)
    : Exception($"{algorithm} did not converge in {iterations} iterations (error {error:G3}, needed below {tolerance:G3})")
{
    /// <summary>The iterations made.</summary>
    public int Iterations { get; } = iterations;

    /// <summary>The last L1 change between iterations.</summary>
    public double Error { get; } = error;
}

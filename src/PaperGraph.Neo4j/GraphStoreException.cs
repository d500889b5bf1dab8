using PaperGraph.Core;

namespace PaperGraph.Neo4j;

/// <summary>The graph store could not be reached, or it rejected a statement or the credentials (exit code 4).</summary>
public sealed class GraphStoreException : PaperGraphException
{
    public GraphStoreException(string code, string message, string? neo4jCode = null, Exception? innerException = null)
        : base(code, message, innerException)
    {
        Neo4jCode = neo4jCode;
    }

    /// <summary>The server's status code (<c>Neo.ClientError.Statement.SyntaxError</c>), when it sent one.</summary>
    public string? Neo4jCode { get; }
}

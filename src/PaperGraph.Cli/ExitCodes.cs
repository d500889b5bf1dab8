namespace PaperGraph.Cli;

/// <summary>Process exit codes, listed in the README. Only <see cref="CommandRunner"/> maps failures to them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A bug: one-line message, stack trace with <c>--verbose</c>.</summary>
    public const int UnexpectedFailure = 1;

    /// <summary>Bad usage or configuration; every problem is listed.</summary>
    public const int BadUsage = 2;

    /// <summary>Bad input data: file, line and what was expected.</summary>
    public const int BadInput = 3;

    /// <summary>The graph store is unavailable or rejected the request.</summary>
    public const int GraphStoreFailure = 4;

    /// <summary>The machine's state stopped the run: disk full (<c>PG5001</c>) or a device I/O error (<c>PG5002</c>); nothing is half-written.</summary>
    public const int MachineState = 5;

    /// <summary>Cancelled with Ctrl+C.</summary>
    public const int Cancelled = 130;
}

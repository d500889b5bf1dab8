namespace PaperGraph.Core;

/// <summary>A mistake in the user's input, arguments or environment, reported as one line without a stack trace.</summary>
/// <remarks>
/// <see cref="Code"/> is stable (<c>PG3001</c>) so users can search for it. Its first digit is the process exit
/// code: 2 = usage, configuration or setup, 3 = input data, 4 = graph store, 5 = the machine's state (disk full, device
/// error). Bugs throw the standard exceptions instead.
/// </remarks>
public class PaperGraphException : Exception
{
    public PaperGraphException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        if (code.Length != 6 || !code.StartsWith("PG", StringComparison.Ordinal) || code[2] is < '2' or > '5')
        {
            throw new ArgumentException($"Error code '{code}' must look like PG2xxx, PG3xxx, PG4xxx or PG5xxx.", nameof(code));
        }

        Code = code;
    }

    public string Code { get; }

    /// <summary>The exit code this error ends the process with (the first digit of <see cref="Code"/>).</summary>
    public int ExitCode => Code[2] - '0';

    public override string ToString() => $"{Code}: {Message}";
}

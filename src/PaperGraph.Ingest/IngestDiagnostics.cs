using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PaperGraph.Ingest;

/// <summary>A record or file that was not read, with where and why.</summary>
/// <param name="Location"><c>file</c> or <c>file:line</c>.</param>
public sealed record Skip(string Code, string Location, string Message);

/// <summary>Collects what the readers skipped, so that nothing is dropped silently.</summary>
/// <remarks>
/// Every skip is counted by code and logged as a warning; the first <see cref="MaxKept"/> are kept for the summary.
/// Thread-safe: the reader runs on its own thread while the workspace writer runs on another.
/// </remarks>
public sealed class IngestDiagnostics(ILogger logger)
{
    public const int MaxKept = 10_000;

    private readonly ConcurrentQueue<Skip> _kept = new();
    private readonly ConcurrentDictionary<string, int> _byCode = new(StringComparer.Ordinal);
    private int _total;

    public int SkippedCount => Volatile.Read(ref _total);

    public IReadOnlyCollection<Skip> Skips => _kept;

    public IReadOnlyDictionary<string, int> CountsByCode => _byCode;

    public void Add(string code, string location, string message)
    {
        if (Interlocked.Increment(ref _total) <= MaxKept)
        {
            _kept.Enqueue(new Skip(code, location, message));
        }

        _byCode.AddOrUpdate(code, 1, static (_, n) => n + 1);
        Log.RecordSkipped(logger, code, location, message);
    }
}

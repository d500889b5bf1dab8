using System.Globalization;
using PaperGraph.Core;

namespace PaperGraph.Pipeline.Build;

/// <summary>
/// The memory a build may use: the garbage-collected heap is capped at the budget, so the runtime collects harder as it
/// nears it instead of growing, and a build that needs more stops with a message that says so.
/// </summary>
/// <remarks>
/// <para>
/// What a build holds per paper is on disk (the papers and their terms in the workspace, the terms of the corpus in a
/// file the concept index reads a batch at a time); what it holds in memory grows with the corpus's vocabulary and
/// with the graph's size (<c>--max-concepts</c>), not with the number of papers. The budget caps the heap that holds
/// them; SQLite's page cache and the program's code (some 0.2 GB) come on top.
/// </para>
/// <para>
/// The default is 75% of the memory the runtime sees as available (a container's limit where there is one), at least
/// <see cref="MinimumMB"/>.
/// </para>
/// </remarks>
public static class MemoryBudget
{
    /// <summary>The smallest budget accepted, in MB.</summary>
    public const int MinimumMB = 256;

    /// <summary>The share of the available memory the default budget takes.</summary>
    public const double DefaultShare = 0.75;

    /// <summary>The default budget in bytes: <see cref="DefaultShare"/> of the available memory, at least <see cref="MinimumMB"/>.</summary>
    public static long DefaultBytes()
    {
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return Math.Max((long)MinimumMB << 20, (long)(available * DefaultShare));
    }

    /// <summary>Caps the process's heap at <paramref name="bytes"/> for the rest of its life.</summary>
    /// <returns>Whether the cap could be set (the runtime may refuse one below what it already holds).</returns>
    public static bool Apply(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, (long)MinimumMB << 20);
        AppContext.SetData("GCHeapHardLimit", (ulong)bytes);
        try
        {
            GC.RefreshMemoryLimit();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The <see cref="OutOfMemoryException"/> that <paramref name="failure"/> is or holds (a parallel loop wraps it), or null.</summary>
    public static OutOfMemoryException? OutOfMemory(Exception failure) => failure switch
    {
        OutOfMemoryException e => e,
        AggregateException e => e.Flatten().InnerExceptions.Select(OutOfMemory).FirstOrDefault(x => x is not null),
        _ => failure.InnerException is { } inner ? OutOfMemory(inner) : null,
    };

    /// <summary>The error for a build that ran out of its budget.</summary>
    public static PaperGraphException Exceeded(long bytes, string directory, OutOfMemoryException inner) => new(ErrorCodes.MemoryBudgetExceeded, string.Create(CultureInfo.InvariantCulture,
        $"{directory}: the build needed more than its memory budget of {bytes >> 20:N0} MB and stopped; the workspace keeps its previous graph. Give it more with --memory (MB) or Build:MemoryBudgetMB, or fewer nodes with --max-concepts."), inner);
}

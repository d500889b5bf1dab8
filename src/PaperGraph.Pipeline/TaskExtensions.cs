namespace PaperGraph.Pipeline;

/// <summary>Helpers for the side tasks a run starts beside its main work.</summary>
internal static class TaskExtensions
{
    /// <summary>Waits for a side task while the caller is already failing: the workspace must not be closed under it, and its own failure must not hide the first error.</summary>
    public static void WaitQuietly(this Task task)
    {
        try
        {
            task.Wait(CancellationToken.None);
        }
        catch (AggregateException)
        {
            // The caller reports the first error.
        }
    }
}

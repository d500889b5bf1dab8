using System.Diagnostics;

namespace PaperGraph.Pipeline;

/// <summary>Starts PaperGraph as a child process, as a user would run it, for the benchmarks that measure whole builds.</summary>
internal static class ChildBuild
{
    /// <summary>
    /// Starts <paramref name="program"/> with <paramref name="arguments"/> in <paramref name="folder"/> (so no
    /// <c>papergraph.json</c> of the caller's folder changes the defaults), without the caller's <c>PAPERGRAPH_*</c>
    /// variables, and with its standard output and error redirected.
    /// </summary>
    public static Process Start(string program, IEnumerable<string> arguments, string folder)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("PAPERGRAPH_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(variable);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
    }
}

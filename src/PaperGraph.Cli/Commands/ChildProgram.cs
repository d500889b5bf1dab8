using PaperGraph.Core;

namespace PaperGraph.Cli.Commands;

/// <summary>How the benchmarks start <c>papergraph build</c> as a child process, as a user would run it.</summary>
internal static class ChildProgram
{
    /// <summary>How to start this same PaperGraph: its app host when this process is one, else <c>dotnet papergraph.dll</c>.</summary>
    public static (string Program, List<string> Prefix) Self()
    {
        var process = Environment.ProcessPath;
        if (process is not null && Path.GetFileNameWithoutExtension(process).Equals("papergraph", StringComparison.OrdinalIgnoreCase))
        {
            return (process, []);
        }

        // Under 'dotnet papergraph.dll' (or a test host), the same library through the same dotnet.
        var host = process is not null && Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? process : "dotnet";
        return (host, [typeof(ChildProgram).Assembly.Location]);
    }

    /// <summary>How to start another PaperGraph: an executable, or a papergraph.dll under dotnet.</summary>
    public static (string Program, List<string> Prefix) Other(FileInfo path)
    {
        if (!path.Exists)
        {
            throw new PaperGraphException(ErrorCodes.PathNotFound, $"{path.FullName}: no such file (--papergraph).");
        }

        return path.Extension.Equals(".dll", StringComparison.OrdinalIgnoreCase) ? ("dotnet", [path.FullName]) : (path.FullName, []);
    }
}

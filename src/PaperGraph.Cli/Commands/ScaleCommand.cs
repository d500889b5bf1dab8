using System.CommandLine;
using System.Globalization;
using PaperGraph.Pipeline.Scale;

namespace PaperGraph.Cli.Commands;

/// <summary><c>papergraph bench scale</c>: wall time, peak memory and workspace size of builds of growing corpora.</summary>
internal static class ScaleCommand
{
    public static Command Create(CommandRunner runner)
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "JSON Lines corpora (gzipped or not), read in order as one; the first N papers make the corpus of size N.",
            Arity = ArgumentArity.OneOrMore,
        };
        var sizes = new Option<string>("--sizes") { Description = "Corpus sizes in papers, comma-separated (default 100000,200000,400000,600000).", DefaultValueFactory = _ => "100000,200000,400000,600000", HelpName = "n,n,..." };
        sizes.Validators.Add(r =>
        {
            if (ParseSizes(r.GetValueOrDefault<string>()) is null)
            {
                r.AddError("--sizes must be whole numbers of papers, at least 1, separated by commas (e.g. 100000,200000).");
            }
        });
        var scratch = new Option<DirectoryInfo?>("--scratch") { Description = "Folder for each size's input and workspace, removed after it (default: the system's temporary folder).", HelpName = "dir" };
        var other = new Option<FileInfo?>("--papergraph") { Description = "Build with this papergraph executable (or .dll) instead of this one, e.g. an earlier version.", HelpName = "path" };
        var command = new Command("scale", """
            Build the first N papers of the given corpora for each size N, each by a separate 'papergraph build' process
            in a fresh workspace with the default settings, and print its wall time, the build's peak memory (its
            summary.json) and the workspace's size on disk, so the curve of each can be seen. The builds ignore
            papergraph.json and PAPERGRAPH_* variables.
            """)
        {
            files, sizes, scratch, other,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, new Dictionary<string, string?>(), _ => { },
            (context, token) => RunAsync(context, parse.GetValue(files)!, ParseSizes(parse.GetValue(sizes))!, parse.GetValue(scratch), parse.GetValue(other), token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, FileInfo[] files, int[] sizes, DirectoryInfo? scratch, FileInfo? other, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var file in files)
        {
            if (!file.Exists)
            {
                throw new Core.PaperGraphException(Core.ErrorCodes.PathNotFound, $"{file.FullName}: no such file.");
            }
        }

        var (program, prefix) = other is { } path ? ChildProgram.Other(path) : ChildProgram.Self();
        context.Out.WriteLine($"Builds of the first N papers of {string.Join(" + ", files.Select(f => f.Name))}{(other is null ? "" : " with " + other.FullName)}, each a separate process:");
        context.Out.WriteLine(string.Create(inv, $"  {"papers",9} {"wall s",8} {"peak RSS GB",12} {"workspace GB",13} {"per 100k GB",12}  stages (s)"));
        var points = await ScaleRun.RunAsync(new ScaleSettings(files.Select(f => f.FullName).ToList(), sizes, program, prefix, scratch?.FullName),
            point =>
            {
                context.Progress.Clear();
                var stages = string.Join(", ", point.SecondsPerStage.Select(s => string.Create(inv, $"{s.Key} {s.Value:F1}")));
                var failed = point.ExitCode == 0 ? "" : string.Create(inv, $"  (build failed: exit {point.ExitCode})");
                context.Out.WriteLine(string.Create(inv,
                    $"  {point.Papers,9:N0} {point.Seconds,8:F1} {point.PeakMemoryBytes / 1e9,12:F2} {point.WorkspaceBytes / 1e9,13:F2} {point.WorkspaceBytes / 1e9 / (point.Papers / 1e5),12:F2}  {stages}{failed}"));
            }, context.Progress, cancellationToken).ConfigureAwait(false);
        context.Progress.Clear();
        var smallest = points.FirstOrDefault(p => p.ExitCode == 0);
        var largest = points.LastOrDefault(p => p.ExitCode == 0);
        if (smallest is not null && largest is not null && largest.Papers > smallest.Papers && smallest.PeakMemoryBytes > 0)
        {
            context.Out.WriteLine(string.Create(inv,
                $"  peak memory grows {100.0 * (largest.PeakMemoryBytes - smallest.PeakMemoryBytes) / smallest.PeakMemoryBytes:F0}% from {smallest.Papers:N0} to {largest.Papers:N0} papers ({(double)largest.Papers / smallest.Papers:F1}× the papers)"));
        }

        return points.Any(p => p.ExitCode != 0) ? ExitCodes.BadInput : ExitCodes.Success;
    }

    private static int[]? ParseSizes(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var sizes = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] < 1)
            {
                return null;
            }
        }

        return sizes.Length == 0 ? null : sizes;
    }
}

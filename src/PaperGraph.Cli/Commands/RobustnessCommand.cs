using System.CommandLine;
using System.Globalization;
using PaperGraph.Core;
using PaperGraph.Pipeline.Robustness;

namespace PaperGraph.Cli.Commands;

/// <summary>
/// <c>papergraph bench robustness</c>: runs <c>papergraph build</c>, as a user would, on many seeded random subsets of
/// a JSON Lines corpus, and reports how many failed and why.
/// </summary>
internal static class RobustnessCommand
{
    public static Command Create(CommandRunner runner)
    {
        var file = new Argument<FileInfo>("file") { Description = "A JSON Lines file of papers, one per line (gzip or plain), such as an arXiv metadata dump." };
        var subsets = new Option<int>("--subsets") { Description = "How many subsets to build (default 500).", DefaultValueFactory = _ => 500, HelpName = "n" };
        var smallest = new Option<int>("--smallest") { Description = "Fewest papers in a subset (default 5).", DefaultValueFactory = _ => 5, HelpName = "papers" };
        var largest = new Option<int>("--largest") { Description = "Most papers in a subset (default 2000).", DefaultValueFactory = _ => 2000, HelpName = "papers" };
        var seed = new Option<int>("--seed") { Description = "Seed of the subset sizes and choices (default 1): the same seed and file give the same subsets.", DefaultValueFactory = _ => 1, HelpName = "n" };
        var jobs = new Option<int>("--jobs") { Description = "Builds run at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "n" };
        var keep = new Option<DirectoryInfo?>("--keep-failures") { Description = "Copy each failing subset here as subset-<n>.jsonl, to reproduce it with 'papergraph build'.", HelpName = "dir" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds a build may take before it is stopped and counted as failed (default 600).", DefaultValueFactory = _ => 600, HelpName = "seconds" };
        var other = new Option<FileInfo?>("--papergraph") { Description = "Run this papergraph executable (or .dll) instead of this one, e.g. an earlier version on the same subsets.", HelpName = "path" };
        var output = new Option<FileInfo?>("--out") { Description = "Also write every build's outcome as JSON Lines here (subset, papers, exit code, seconds, first error line).", HelpName = "file.jsonl" };
        foreach (var option in new[] { subsets, smallest, largest, jobs, timeout })
        {
            option.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError($"{option.Name} must be at least 1."); } });
        }

        var command = new Command("robustness", """
            Build seeded random subsets of a corpus, each in a fresh workspace with the default settings, by running
            'papergraph build <subset> --workspace <temporary folder>' exactly as a user would, and report how many
            failed (a non-zero exit code) with each distinct error, and how many left a measure empty. Subset sizes
            are drawn log-uniformly between --smallest and --largest, so small corpora, where odd graphs are most
            common, get as many tries as large ones. The builds ignore papergraph.json and PAPERGRAPH_* variables; a
            build that runs longer than --timeout is stopped and counted as failed. The file is read into memory once;
            temporary files go to the system's temporary folder.
            """)
        {
            file, subsets, smallest, largest, seed, jobs, keep, output, other, timeout,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, new Dictionary<string, string?>(), _ => { },
            (context, token) => RunAsync(context, new Settings(parse.GetValue(file)!, parse.GetValue(subsets), parse.GetValue(smallest), parse.GetValue(largest),
                parse.GetValue(seed), parse.GetValue(jobs), parse.GetValue(keep), parse.GetValue(output), parse.GetValue(other), parse.GetValue(timeout)), token), cancellationToken));
        return command;
    }

    private sealed record Settings(FileInfo File, int Subsets, int Smallest, int Largest, int Seed, int Jobs, DirectoryInfo? Keep, FileInfo? Output, FileInfo? Other, int Timeout);

    private static async Task<int> RunAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        var (program, prefix) = settings.Other is { } path ? ChildProgram.Other(path) : ChildProgram.Self();
        var result = await RobustnessRun.RunAsync(new RobustnessSettings(settings.File, settings.Subsets, settings.Smallest, settings.Largest, settings.Seed, settings.Jobs,
            settings.Keep, settings.Output, program, prefix, settings.Timeout), context.Progress, cancellationToken).ConfigureAwait(false);
        context.Progress.Clear();
        var (all, largest) = (result.Outcomes, result.Largest);
        var failed = all.Where(o => o.ExitCode != 0).ToList();
        context.Out.WriteLine(string.Create(inv, $"Built {all.Count:N0} random subsets of {settings.File.Name} ({settings.Smallest:N0} to {largest:N0} papers, log-uniform sizes, seed {settings.Seed}){(settings.Other is { } other ? " with " + other.FullName : "")} in {result.Seconds:F0} s"));
        context.Out.WriteLine(string.Create(inv, $"  sizes:     median {Median(all.Select(o => o.Papers)):N0} papers; {all.Count(o => o.Papers <= 50):N0} subsets of 50 papers or fewer"));
        context.Out.WriteLine(string.Create(inv, $"  succeeded: {all.Count - failed.Count:N0} ({all.Count(o => o.ExitCode == 0 && o.MeasureLeftEmpty):N0} with a measure left empty)"));
        context.Out.WriteLine(string.Create(inv, $"  failed:    {failed.Count:N0}"));
        foreach (var group in failed.GroupBy(o => (o.ExitCode, Code: ErrorCode(o.Message))).OrderByDescending(g => g.Count()))
        {
            var first = group.First();
            context.Out.WriteLine(string.Create(inv, $"    {group.Count(),5:N0} × exit {group.Key.ExitCode}: {first.Message ?? "(no error line)"}"));
            context.Out.WriteLine(string.Create(inv, $"            subsets (papers): {string.Join(", ", group.Take(12).Select(o => $"{o.Subset} ({o.Papers})"))}{(group.Count() > 12 ? ", ..." : "")}"));
        }

        return ExitCodes.Success;
    }

    private static string? ErrorCode(string? message) =>
        message is not null && message.StartsWith("error PG", StringComparison.Ordinal) && message.Length >= 12 ? message[6..12] : message;

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PaperGraph.Core;
using PaperGraph.Ingest.Input;

namespace PaperGraph.Pipeline.Robustness;

/// <summary>Settings of <see cref="RobustnessRun"/>.</summary>
/// <param name="File">A JSON Lines corpus, one paper per line.</param>
/// <param name="Subsets">How many random subsets to build.</param>
/// <param name="Smallest">Fewest papers in a subset.</param>
/// <param name="Largest">Most papers in a subset (capped by the file).</param>
/// <param name="Seed">Seed of the subset sizes and choices.</param>
/// <param name="Jobs">Builds run at once.</param>
/// <param name="Keep">Where each failing subset is copied, or null.</param>
/// <param name="Output">Where every outcome is written as JSON Lines, or null.</param>
/// <param name="Program">The program that builds (a papergraph executable, or dotnet).</param>
/// <param name="Prefix">Arguments before <c>build</c> (the papergraph.dll under dotnet).</param>
/// <param name="Timeout">Seconds a build may take before it is stopped and counted as failed.</param>
public sealed record RobustnessSettings(FileInfo File, int Subsets, int Smallest, int Largest, int Seed, int Jobs, DirectoryInfo? Keep, FileInfo? Output,
    string Program, IReadOnlyList<string> Prefix, int Timeout);

/// <summary>One build's outcome; <paramref name="Message"/> is the first <c>error</c> line on standard error, if any.</summary>
public sealed record RobustnessOutcome(int Subset, int Papers, int ExitCode, double Seconds, string? Message, bool MeasureLeftEmpty);

/// <summary>What <see cref="RobustnessRun"/> found: every build's outcome, in subset order.</summary>
/// <param name="Largest">The largest subset size drawn from (the file may hold fewer papers than asked).</param>
public sealed record RobustnessResult(IReadOnlyList<RobustnessOutcome> Outcomes, int Largest, double Seconds);

/// <summary>Builds seeded random subsets of a corpus, each with a separate papergraph process as a user would run it, and collects how each ended.</summary>
public static class RobustnessRun
{
    /// <summary>Runs every build of <paramref name="settings"/>, <see cref="RobustnessSettings.Jobs"/> at a time.</summary>
    public static async Task<RobustnessResult> RunAsync(RobustnessSettings settings, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var inv = CultureInfo.InvariantCulture;
        if (settings.Smallest > settings.Largest)
        {
            throw new PaperGraphException(ErrorCodes.InvalidArgument, string.Create(inv, $"--smallest ({settings.Smallest}) is larger than --largest ({settings.Largest})."));
        }

        if (!settings.File.Exists)
        {
            throw new PaperGraphException(ErrorCodes.PathNotFound, $"{settings.File.FullName}: no such file.");
        }

        var lines = InputLines.ReadNonEmpty(settings.File.FullName);
        if (lines.Count < settings.Smallest)
        {
            throw new PaperGraphException(ErrorCodes.NoPapersFound, string.Create(inv, $"{settings.File.FullName}: {lines.Count:N0} non-empty lines, fewer than --smallest ({settings.Smallest})."));
        }

        var largest = Math.Min(settings.Largest, lines.Count);
        var (program, prefix) = (settings.Program, settings.Prefix);
        var scratch = Directory.CreateTempSubdirectory("papergraph-robustness-");
        var outcomes = new ConcurrentBag<RobustnessOutcome>();
        var clock = Stopwatch.StartNew();
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, settings.Subsets), new ParallelOptions { MaxDegreeOfParallelism = settings.Jobs, CancellationToken = cancellationToken },
                async (subset, token) =>
                {
                    var papers = Subset(lines, subset, settings.Smallest, largest, settings.Seed);
                    var folder = Path.Combine(scratch.FullName, subset.ToString(inv));
                    Directory.CreateDirectory(folder);
                    var input = Path.Combine(folder, "subset.jsonl");
                    // A scratch input for the child build, deleted below: not an output, so not through AtomicFile.
                    await File.WriteAllLinesAsync(input, papers, new UTF8Encoding(false), token).ConfigureAwait(false);
                    var outcome = await BuildAsync(program, [.. prefix, "build", input, "--workspace", Path.Combine(folder, "ws"), "--quiet"], folder, subset, papers.Count,
                        TimeSpan.FromSeconds(settings.Timeout), token).ConfigureAwait(false);
                    if (outcome.ExitCode != 0 && settings.Keep is { } keep)
                    {
                        EnvironmentErrors.CreateFolder(keep.FullName);
                        AtomicFile.Write(Path.Combine(keep.FullName, $"subset-{subset.ToString(inv)}.jsonl"), kept =>
                        {
                            using var source = File.OpenRead(input);
                            source.CopyTo(kept);
                        });
                    }

                    Directory.Delete(folder, recursive: true);
                    outcomes.Add(outcome);
                    var done = outcomes.Count;
                    progress?.Report(new PipelineProgress("robustness", string.Create(inv, $"{outcomes.Count(o => o.ExitCode != 0):N0} failed"), done, settings.Subsets, "builds"));
                }).ConfigureAwait(false);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        var all = outcomes.OrderBy(o => o.Subset).ToList();
        if (settings.Output is { } output)
        {
            AtomicFile.WriteText(output.FullName, writer =>
            {
                foreach (var o in all)
                {
                    writer.WriteLine(JsonSerializer.Serialize(new { subset = o.Subset, papers = o.Papers, exitCode = o.ExitCode, seconds = Math.Round(o.Seconds, 3), error = o.Message, measureLeftEmpty = o.MeasureLeftEmpty }));
                }
            });
        }

        return new RobustnessResult(all, largest, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The papers of subset <paramref name="subset"/>: a log-uniform size, then that many distinct lines in file order.</summary>
    private static List<string> Subset(List<string> lines, int subset, int smallest, int largest, int seed)
    {
        var random = new Random(unchecked((seed * 1_000_003) + subset));
        var size = (int)Math.Round(Math.Exp(Math.Log(smallest) + random.NextDouble() * (Math.Log(largest) - Math.Log(smallest))));
        size = Math.Clamp(size, smallest, largest);
        // Floyd's sampling: size distinct indices, each set equally likely.
        var chosen = new HashSet<int>();
        for (var j = lines.Count - size; j < lines.Count; j++)
        {
            var t = random.Next(j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }

        return chosen.Order().Select(i => lines[i]).ToList();
    }

    private static async Task<RobustnessOutcome> BuildAsync(string program, List<string> arguments, string folder, int subset, int papers, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var process = ChildBuild.Start(program, arguments, folder);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return new RobustnessOutcome(subset, papers, -1, clock.Elapsed.TotalSeconds,
                string.Create(CultureInfo.InvariantCulture, $"timed out: stopped after {timeout.TotalSeconds:F0} s"), false);
        }

        await output.ConfigureAwait(false);
        var errors = await error.ConfigureAwait(false);
        var lines = errors.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var message = lines.FirstOrDefault(l => l.StartsWith("error", StringComparison.Ordinal)) ?? (process.ExitCode != 0 ? lines.LastOrDefault() : null);
        return new RobustnessOutcome(subset, papers, process.ExitCode, clock.Elapsed.TotalSeconds, message, Build.BuildOutputs.ReadSummary(Path.Combine(folder, "ws"))?.MeasureLeftEmpty ?? false);
    }
}

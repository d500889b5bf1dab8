using System.Diagnostics;
using System.Globalization;
using System.Text;
using PaperGraph.Core;
using PaperGraph.Ingest.Input;

namespace PaperGraph.Pipeline.Scale;

/// <summary>Settings of <see cref="ScaleRun"/>.</summary>
/// <param name="Files">JSON Lines corpora, read in order as one: the first N papers of them make the corpus of size N.</param>
/// <param name="Sizes">Corpus sizes to build, in papers.</param>
/// <param name="Program">The program that builds (a papergraph executable, or dotnet).</param>
/// <param name="Prefix">Arguments before <c>build</c> (the papergraph.dll under dotnet).</param>
/// <param name="Scratch">Folder for the inputs and workspaces, removed after each size; null for the system's temporary folder.</param>
public sealed record ScaleSettings(IReadOnlyList<string> Files, IReadOnlyList<int> Sizes, string Program, IReadOnlyList<string> Prefix, string? Scratch = null);

/// <summary>One size's build: its wall time, the build's peak memory and the workspace's size on disk.</summary>
/// <param name="Papers">Papers given to the build (fewer than asked when the files hold fewer).</param>
/// <param name="ExitCode">The build's exit code; the figures are only meaningful when it is 0.</param>
/// <param name="PeakMemoryBytes">The build process's peak working set, as its <c>summary.json</c> reports it.</param>
/// <param name="WorkspaceBytes">Every file of the workspace folder together.</param>
/// <param name="SecondsPerStage">The build's own timing of each stage.</param>
public sealed record ScalePoint(int Papers, int ExitCode, double Seconds, long PeakMemoryBytes, long WorkspaceBytes, IReadOnlyDictionary<string, double> SecondsPerStage);

/// <summary>
/// Builds growing prefixes of a corpus, each by a separate <c>papergraph build</c> process in a fresh workspace, and
/// measures wall time, peak memory and workspace size, so the curve of each against the corpus size can be seen.
/// </summary>
/// <remarks>Each build is its own process, so one size's memory cannot carry into the next.</remarks>
public static class ScaleRun
{
    /// <summary>Builds every size of <paramref name="settings"/>, smallest first, and reports after each.</summary>
    public static async Task<IReadOnlyList<ScalePoint>> RunAsync(ScaleSettings settings, Action<ScalePoint>? measured, IProgress<PipelineProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var inv = CultureInfo.InvariantCulture;
        var points = new List<ScalePoint>();
        foreach (var size in settings.Sizes.Order())
        {
            var folder = settings.Scratch is { } scratch
                ? Directory.CreateDirectory(Path.Combine(scratch, $"papergraph-scale-{size.ToString(inv)}")).FullName
                : Directory.CreateTempSubdirectory("papergraph-scale-").FullName;
            try
            {
                progress.Step("scale", string.Create(inv, $"writing the first {size:N0} papers"));
                var input = Path.Combine(folder, "corpus.jsonl");
                var papers = WritePrefix(settings.Files, size, input, cancellationToken);
                progress.Step("scale", string.Create(inv, $"building {papers:N0} papers"));
                var point = await BuildAsync(settings, input, Path.Combine(folder, "ws"), papers, cancellationToken).ConfigureAwait(false);
                points.Add(point);
                measured?.Invoke(point);
                if (papers < size)
                {
                    break; // the files hold no more papers: a larger size would build the same corpus again
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return points;
    }

    /// <summary>Writes the first <paramref name="count"/> non-empty lines of <paramref name="files"/> (gzipped or not) to <paramref name="output"/>; returns how many it wrote.</summary>
    private static int WritePrefix(IReadOnlyList<string> files, int count, string output, CancellationToken cancellationToken)
    {
        var written = 0;
        // A scratch input for the child build, deleted after it: not an output, so not through AtomicFile.
        using var writer = new StreamWriter(File.Create(output), new UTF8Encoding(false), 1 << 16, leaveOpen: false);
        foreach (var path in files)
        {
            foreach (var line in InputLines.EnumerateNonEmpty(path))
            {
                if (written == count)
                {
                    break;
                }

                writer.WriteLine(line);
                if (++written % 10_000 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            if (written == count)
            {
                break;
            }
        }

        return written;
    }

    private static async Task<ScalePoint> BuildAsync(ScaleSettings settings, string input, string workspace, int papers, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var process = ChildBuild.Start(settings.Program, settings.Prefix.Concat(["build", input, "--workspace", workspace, "--quiet"]), Path.GetDirectoryName(input)!);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await output.ConfigureAwait(false);
        await error.ConfigureAwait(false);
        var summary = Build.BuildOutputs.ReadSummary(workspace);
        var bytes = Directory.Exists(workspace) ? new DirectoryInfo(workspace).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
        return new ScalePoint(papers, process.ExitCode, seconds, summary?.PeakMemoryBytes ?? 0, bytes, summary?.SecondsPerStage ?? new Dictionary<string, double>());
    }
}

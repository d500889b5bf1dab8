using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests;

/// <summary>
/// A <c>papergraph build</c> killed (SIGKILL) while it writes its files leaves each file either as the previous build
/// wrote it or as this build writes it, whole: never a truncated CSV or GraphML that Gephi or VOSviewer would read as
/// valid.
/// </summary>
public sealed class KilledBuildTests
{
    private static readonly string[] GraphFiles =
        ["concepts.csv", "cooccurrence.csv", "graph.graphml", "graph.gexf", "vosviewer-map.txt", "vosviewer-network.txt", "trends.csv"];

    /// <summary>800 papers over 400 two-word terms, so the graph files take a while to write (megabytes of GraphML).</summary>
    internal static string Corpus()
    {
        string[] adjectives = ["sparse", "dense", "federated", "causal", "generative", "adversarial", "contrastive", "quantum", "bayesian", "stochastic",
            "convex", "molecular", "semantic", "visual", "temporal", "spectral", "robust", "hierarchical", "probabilistic", "multilingual"];
        string[] nouns = ["attention", "network", "model", "representation", "optimization", "inference", "embedding", "transformer", "classifier", "estimator",
            "kernel", "policy", "reward", "sampler", "encoder", "decoder", "retrieval", "segmentation", "alignment", "regularization"];
        var random = new Random(17);
        string Term() => adjectives[random.Next(adjectives.Length)] + " " + nouns[random.Next(nouns.Length)];
        var lines = new StringBuilder();
        for (var i = 0; i < 800; i++)
        {
            var t = Enumerable.Range(0, 8).Select(_ => Term()).ToArray();
            var paper = new
            {
                id = string.Create(CultureInfo.InvariantCulture, $"k{i}"),
                title = $"{t[0]} for {t[1]}",
                @abstract = $"We study {t[2]} and {t[3]}. The {t[4]} improves {t[5]} with {t[6]}. Our {t[7]} outperforms {t[0]} on {t[1]}.",
            };
            lines.Append(JsonSerializer.Serialize(paper)).Append('\n');
        }

        return lines.ToString();
    }

    [Theory]
    [InlineData("concepts.csv")]
    [InlineData("graph.gexf")]
    public async Task A_build_killed_while_writing_leaves_every_file_old_or_new_and_whole(string killWhileWriting)
    {
        using var temp = new TempDirectory();
        var input = temp.Write("papers.jsonl", Corpus());
        var workspace = temp.File("ws");
        var reference = temp.File("reference");
        Assert.Equal(0, (await CliRun.RunAsync("build", input, "-w", workspace, "--seed", "1", "-q")).ExitCode);
        var old = GraphFiles.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(workspace, f)));
        var oldSummary = File.ReadAllBytes(Path.Combine(workspace, "summary.json"));

        // The new files: the same rebuild, left to finish, in a copy of the workspace.
        Directory.CreateDirectory(reference);
        foreach (var file in Directory.GetFiles(workspace))
        {
            File.Copy(file, Path.Combine(reference, Path.GetFileName(file)));
        }

        Assert.Equal(0, (await CliRun.RunAsync("build", "-w", reference, "--seed", "2", "-q")).ExitCode);
        var rebuilt = GraphFiles.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(reference, f)));
        Assert.Contains(GraphFiles, f => !old[f].AsSpan().SequenceEqual(rebuilt[f]));

        var killed = KillWhileWriting(workspace, killWhileWriting);

        Assert.True(killed, $"the build ended before it started writing {killWhileWriting}; nothing was tested");
        foreach (var file in GraphFiles)
        {
            var now = File.ReadAllBytes(Path.Combine(workspace, file));
            Assert.True(now.AsSpan().SequenceEqual(old[file]) || now.AsSpan().SequenceEqual(rebuilt[file]),
                $"{file} is neither the previous build's ({old[file].Length} bytes) nor the new one's ({rebuilt[file].Length} bytes): {now.Length} bytes");
        }

        var summary = File.ReadAllBytes(Path.Combine(workspace, "summary.json"));
        Assert.True(summary.AsSpan().SequenceEqual(oldSummary) || JsonDocument.Parse(summary).RootElement.GetProperty("settings").GetProperty("seed").GetInt32() == 2);

        // Nothing a reader would take for an output: at most hidden temporary files.
        Assert.All(Directory.GetFiles(workspace).Select(Path.GetFileName), name => Assert.True(
            name!.StartsWith('.') || name == "summary.json" || GraphFiles.Contains(name) || name.StartsWith("papergraph", StringComparison.Ordinal), name));
    }

    /// <summary>Runs 'build --seed 2' in a child process and kills it as soon as it starts writing <paramref name="file"/>; false if it ended first.</summary>
    private static bool KillWhileWriting(string workspace, string file)
    {
        var destination = Path.Combine(workspace, file);
        var before = new FileInfo(destination);
        var (length, written) = (before.Length, before.LastWriteTimeUtc);
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(PaperGraphApp).Assembly.Location, "build", "-w", workspace, "--seed", "2", "-q" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("PAPERGRAPH_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            // Writing has started: a temporary file for it exists, or the file itself changed (truncated or growing).
            var now = new FileInfo(destination);
            var started = Directory.EnumerateFiles(workspace, "." + file + ".*").Any()
                || !now.Exists || now.Length != length || now.LastWriteTimeUtc != written;
            if (started)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return true;
            }
        }

        process.WaitForExit();
        return false;
    }
}

using PaperGraph.Core;
using PaperGraph.Tests;

namespace PaperGraph.Workspace.Tests;

/// <summary><see cref="AtomicFile"/> (in PaperGraph.Core, which has no test project of its own): a file is the old one or the new one, whole.</summary>
public sealed class AtomicFileTests
{
    [Fact]
    public void WriteText_replaces_the_file_whole_and_leaves_nothing_else()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("concepts.csv", "old\n");

        AtomicFile.WriteText(path, writer => writer.Write("new\n"));

        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Equal(["concepts.csv"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_writer_that_fails_half_way_leaves_the_previous_file_and_no_temporary_file()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("graph.graphml", "<old/>");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, writer =>
        {
            writer.Write(new string('x', 1 << 20));
            throw new InvalidOperationException("stopped half-way");
        }));

        Assert.Equal("<old/>", File.ReadAllText(path));
        Assert.Equal(["graph.graphml"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_run_killed_before_the_rename_leaves_the_previous_file_and_a_hidden_temporary_one()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("vosviewer-network.txt", "1\t2\t3\n");

        // What a killed process leaves: content written and flushed to the temporary file, no rename.
        var file = AtomicFile.Create(path);
        file.Stream.Write(new byte[1 << 16]);
        file.Stream.Flush();

        Assert.Equal("1\t2\t3\n", File.ReadAllText(path));
        Assert.Equal(temp.Path, Path.GetDirectoryName(file.TemporaryPath));
        Assert.StartsWith(".vosviewer-network.txt.", Path.GetFileName(file.TemporaryPath), StringComparison.Ordinal);
        Assert.EndsWith(".tmp", file.TemporaryPath, StringComparison.Ordinal);
        file.Dispose();
        Assert.False(File.Exists(file.TemporaryPath));
        Assert.Equal("1\t2\t3\n", File.ReadAllText(path));
    }

    [Fact]
    public void Commit_creates_a_file_that_did_not_exist()
    {
        using var temp = new TempDirectory();
        var path = temp.File("summary.json");

        AtomicFile.WriteAllText(path, "{}\n");

        Assert.Equal("{}\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_file_under_a_file_is_a_coded_error_naming_the_path()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("notes.txt", "x");
        var path = Path.Combine(file, "concepts.csv");

        var e = Assert.Throws<PaperGraphException>(() => AtomicFile.WriteAllText(path, "x"));

        Assert.Equal(ErrorCodes.NotAFolder, e.Code);
        Assert.Equal($"{path}: {file} is a file, not a folder; choose another path.", e.Message);
    }

    [UnixDevicesFact]
    public void A_device_is_written_straight_through_and_never_replaced()
    {
        AtomicFile.WriteAllText("/dev/null", "discarded");

        // Still the device: a file renamed over it would now hold the text.
        Assert.Equal("", File.ReadAllText("/dev/null"));
        Assert.Empty(Directory.GetFiles("/dev", ".null.*"));
    }

    [UnixDevicesFact]
    public void A_symbolic_link_is_kept_and_the_file_it_names_replaced()
    {
        using var temp = new TempDirectory();
        var target = temp.Write("real.csv", "old\n");
        var link = temp.File("link.csv");
        File.CreateSymbolicLink(link, target);

        AtomicFile.WriteAllText(link, "new\n");

        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Equal("new\n", File.ReadAllText(target));
    }

    /// <summary>One helper for every output: a new writer that opens files itself would bring truncated outputs back.</summary>
    [Fact]
    public void No_source_file_writes_an_output_without_AtomicFile()
    {
        Assert.NotNull(Repository.Root);
        var direct = new System.Text.RegularExpressions.Regex(@"(?<![\w.])File\.(WriteAll|AppendAll|Create\(|Copy\(|Move\(|OpenWrite\()|FileMode\.(Create|Append|OpenOrCreate|Truncate)\b");
        var offenders = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && Path.GetFileName(f) != "AtomicFile.cs")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => direct.IsMatch(l.Text) || (l.Text.Contains("new StreamWriter(", StringComparison.Ordinal) && !l.Text.Contains("leaveOpen", StringComparison.Ordinal)))
            // The robustness benchmark's scratch input for its child builds, deleted after each: not an output.
            .Where(l => !(l.File.EndsWith("RobustnessRun.cs", StringComparison.Ordinal) && l.Text.Contains("File.WriteAllLinesAsync(input,", StringComparison.Ordinal)))
            // The scaling benchmark's input for its child builds, deleted after each: not an output either.
            .Where(l => !(l.File.EndsWith("ScaleRun.cs", StringComparison.Ordinal) && l.Text.Contains("new StreamWriter(File.Create(output)", StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }
}

/// <summary>A fact about Unix device files (<c>/dev/null</c>); reported as skipped where there are none.</summary>
internal sealed class UnixDevicesFactAttribute : FactAttribute
{
    public UnixDevicesFactAttribute()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/dev/null"))
        {
            Skip = "Skipped: needs Unix device files (/dev/null) and symbolic links.";
        }
    }
}

using System.Globalization;
using PaperGraph.Ingest;
using PaperGraph.Pipeline.Extract;
using PaperGraph.Pipeline.Ingest;

namespace PaperGraph.Cli.Commands;

/// <summary>Prints the results of the ingest and extraction steps, which <c>ingest</c>, <c>extract</c> and <c>build</c> all show.</summary>
internal static class Summaries
{
    /// <summary>How many summary lines of skipped records are printed before "and N more".</summary>
    private const int SkipsListed = 200;

    /// <summary>How many paths of each kind of ignored input the summary names.</summary>
    private const int IgnoredListed = 3;

    /// <summary>Prints what an ingest read, merged and skipped.</summary>
    internal static void Ingest(TextWriter output, IngestResult result)
    {
        var (statistics, diagnostics) = (result.Statistics, result.Diagnostics);
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"Ingested into {result.Directory} in {result.Elapsed.TotalSeconds:F2} s"));
        output.WriteLine(string.Create(inv, $"  files:     {statistics.FilesRead:N0} read, {statistics.FilesSkipped:N0} skipped, {statistics.FilesIgnored:N0} ignored"));
        var heading = "  ignored:   ";
        foreach (var group in statistics.Ignored.GroupBy(i => i.Kind))
        {
            // One line per kind: how many, why, and the first few paths.
            var examples = string.Join(", ", group.Take(IgnoredListed).Select(i => i.Path));
            var more = group.Count() > IgnoredListed ? string.Create(inv, $" and {group.Count() - IgnoredListed:N0} more") : "";
            output.WriteLine(string.Create(inv, $"{heading}{group.Count():N0} {InputDiscovery.Describe(group.Key)}: {examples}{more}"));
            heading = "             ";
        }

        foreach (var converted in statistics.Converted)
        {
            output.WriteLine(string.Create(inv, $"  encoding:  {converted.File} is not UTF-8: {converted.Lines:N0} {(converted.Lines == 1 ? "line" : "lines")} (from line {converted.FirstLine:N0}) read as Windows-1252"));
        }

        output.WriteLine(string.Create(inv, $"  papers:    {statistics.Papers:N0} read: {result.Added:N0} new, {result.MergedDuplicates:N0} duplicates merged, {result.MergedExisting:N0} already in the workspace (merged)"));
        output.WriteLine(string.Create(inv, $"  skipped:   {diagnostics.SkippedCount:N0}"));
        foreach (var (code, count) in diagnostics.CountsByCode.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(inv, $"    {code}: {count:N0}"));
        }

        foreach (var skip in diagnostics.Skips.Take(SkipsListed))
        {
            output.WriteLine(string.Create(inv, $"    {skip.Location}: {skip.Code} {skip.Message}"));
        }

        if (diagnostics.SkippedCount > SkipsListed)
        {
            output.WriteLine(string.Create(inv, $"    ... and {diagnostics.SkippedCount - SkipsListed:N0} more (the first {IngestDiagnostics.MaxKept:N0} are in the workspace's 'skipped' table)"));
        }

        output.WriteLine(string.Create(inv, $"  workspace: {result.WorkspacePapers:N0} papers"));
    }

    /// <summary>Prints what an extraction analysed and found.</summary>
    internal static void Extract(TextWriter output, ExtractionResult result, string directory, bool all)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"Extracted concepts in {directory} in {result.Seconds:F2} s"));
        var which = result.ExtractorChanged ? "all: the extractor changed since they were analysed" : all ? "all" : "new or changed";
        output.WriteLine(string.Create(inv, $"  papers:        {result.Analysed:N0} analysed ({which}), {result.Papers:N0} in the corpus"));
        output.WriteLine(string.Create(inv, $"  concepts:      {result.Concepts:N0} ({result.Abbreviations:N0} abbreviations with their long form)"));
        output.WriteLine(string.Create(inv, $"  mentions:      {result.Mentions:N0} paper-concept links"));
        foreach (var correction in result.Corrections ?? [])
        {
            output.WriteLine($"  corrections:   {correction}");
        }

        output.WriteLine("  time:          " + string.Join(", ", result.Timings.Select(t => string.Create(inv, $"{t.Step} {t.Seconds:F1} s"))));
    }
}

using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperGraph.Core;
using PaperGraph.Ingest;
using PaperGraph.Pipeline.Ingest;
using PaperGraph.Workspace;

namespace PaperGraph.Cli.Commands;

/// <summary><c>papergraph ingest</c>: reads papers from files and folders into the workspace.</summary>
internal static class IngestCommand
{
    /// <summary>How many summary lines of skipped records are printed before "and N more".</summary>
    private const int SkipsListed = 200;

    /// <summary>How many paths of each kind of ignored input the summary names.</summary>
    private const int IgnoredListed = 3;

    public static readonly Option<string?> Workspace = new("--workspace", "-w")
    {
        Description = "Workspace folder (created when missing). Default: papergraph-workspace, or Workspace:Path in configuration.",
        HelpName = "dir",
    };

    /// <summary>The <c>--workspace</c> of the commands that only work on a workspace that exists (see <see cref="WorkspaceDatabase.OpenExisting"/>).</summary>
    public static readonly Option<string?> ExistingWorkspace = new("--workspace", "-w")
    {
        Description = "Workspace folder, made by 'papergraph ingest' or 'papergraph build'. Default: papergraph-workspace, or Workspace:Path in configuration.",
        HelpName = "dir",
    };

    public static Command Create(CommandRunner runner)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders of papers. Folders are read recursively. Formats: Daily Papers page text (.txt), JSON Lines (.jsonl, arXiv metadata snapshot too), CSV (.csv), TSV (.tsv); any of them gzipped (.gz).",
            Arity = ArgumentArity.OneOrMore,
        };
        paths.Validators.Add(result =>
        {
            // The parser takes an unknown "--option" as one more path; say what it most likely is.
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });
        var format = new Option<InputFormat?>("--format", "-f")
        {
            Description = "Read every input as this format instead of deciding per file (by name, then content).",
            HelpName = "auto|dailypapers|arxivlisting|jsonlines|csv|tsv",
        };
        var maxLine = new Option<int?>("--max-line-bytes")
        {
            Description = "Longest line (or CSV record) to read, in bytes; longer ones are skipped and reported. Default: 16777216.",
            HelpName = "bytes",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Exit with code 3 if any file or record was skipped (default: report skips, store the rest).",
        };

        var command = new Command("ingest", """
            Read papers into the workspace. The same paper met twice (in two files, or two formats) is stored once,
            its metadata merged. Prints a summary: files, papers, duplicates merged, and each skipped record with its
            reason and file:line. Running it again with more files adds to the workspace.
            """)
        {
            paths,
            Workspace,
            format,
            maxLine,
            strict,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = WorkspaceOverride(parse);

            if (parse.GetValue(format) is { } f)
            {
                overrides[$"{IngestOptions.SectionName}:{nameof(IngestOptions.Format)}"] = f.ToString();
            }

            if (parse.GetValue(maxLine) is { } m)
            {
                overrides[$"{IngestOptions.SectionName}:{nameof(IngestOptions.MaxLineBytes)}"] = m.ToString(CultureInfo.InvariantCulture);
            }

            if (parse.GetValue(strict))
            {
                overrides[$"{IngestOptions.SectionName}:{nameof(IngestOptions.Strict)}"] = "true";
            }

            return runner.RunAsync(parse, overrides, ConfigureServices,
                (context, token) => Task.Run(() => Run(context, parse.GetValue(paths)!, token), token), cancellationToken);
        });
        return command;
    }

    /// <summary>Configuration overrides from the flags every workspace command shares (<c>--workspace</c>).</summary>
    internal static Dictionary<string, string?> WorkspaceOverride(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>();
        if ((parse.GetValue(Workspace) ?? parse.GetValue(ExistingWorkspace)) is { } workspace)
        {
            overrides[$"{WorkspaceOptions.SectionName}:{nameof(WorkspaceOptions.Path)}"] = workspace;
        }

        return overrides;
    }

    /// <summary>Sets configuration key <c>section:key</c> from <paramref name="option"/> when the user gave it (a flag only when true).</summary>
    internal static void Override<T>(ParseResult parse, Dictionary<string, string?> overrides, Option<T> option, string section, string key)
    {
        if (parse.GetValue(option) is { } value && (value is not bool flag || flag))
        {
            overrides[$"{section}:{key}"] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    internal static void ConfigureServices(IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        services.AddOptions<WorkspaceOptions>().BindConfiguration(WorkspaceOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WorkspaceOptions>, WorkspaceOptionsValidator>();
    }

    private static int Run(CommandContext context, string[] paths, CancellationToken cancellationToken)
    {
        var result = IngestRun.Run(Settings(context, paths), context.Loggers, context.Progress, cancellationToken);
        context.Progress.Clear();
        WriteSummary(context.Out, result);
        result.ThrowIfNoPapers();
        return result.FailedStrict ? ExitCodes.BadInput : ExitCodes.Success;
    }

    /// <summary>The ingest settings from the <c>Ingest</c> and <c>Workspace</c> configuration sections.</summary>
    internal static IngestSettings Settings(CommandContext context, string[] paths)
    {
        var options = context.Options<IngestOptions>();
        return new IngestSettings(paths, context.Options<WorkspaceOptions>().Path, options.Format, options.MaxLineBytes, options.Strict);
    }

    /// <summary>Prints what an ingest read, merged and skipped.</summary>
    internal static void WriteSummary(TextWriter output, IngestResult result)
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

    private static string Percent(long done, long total) =>
        total == 0 ? "100%" : (100.0 * done / total).ToString("F0", CultureInfo.InvariantCulture) + "%";
}

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
            SharedOptions.Workspace,
            format,
            maxLine,
            strict,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = SharedOptions.WorkspaceOverride(parse);

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

            return runner.RunAsync(parse, overrides, SharedOptions.ConfigureWorkspace,
                (context, token) => Task.Run(() => Run(context, parse.GetValue(paths)!, token), token), cancellationToken);
        });
        return command;
    }

    private static int Run(CommandContext context, string[] paths, CancellationToken cancellationToken)
    {
        var result = IngestRun.Run(Bind.Ingest(context, paths), context.Loggers, context.Progress, cancellationToken);
        context.Progress.Clear();
        Summaries.Ingest(context.Out, result);
        result.ThrowIfNoPapers();
        return result.FailedStrict ? ExitCodes.BadInput : ExitCodes.Success;
    }

}

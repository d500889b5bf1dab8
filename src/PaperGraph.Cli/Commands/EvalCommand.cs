using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperGraph.Core;
using PaperGraph.Concepts;
using PaperGraph.Pipeline.Evaluation;

namespace PaperGraph.Cli.Commands;

/// <summary><c>papergraph eval keyphrases</c>: scores concept extraction on a keyphrase benchmark.</summary>
internal static class EvalCommand
{
    public static Command Create(CommandRunner runner) => new("eval", "Measure PaperGraph against benchmarks.")
    {
        CreateKeyphrases(runner),
        CreateFitRanker(runner),
    };

    private static Command CreateKeyphrases(CommandRunner runner)
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Benchmark file: JSON Lines with id, title, abstract and keyphrases (e.g. Inspec).", Required = true, HelpName = "file.jsonl" };
        var ks = new Option<string>("--k") { Description = "Cut-offs, comma-separated (default 5,10,15).", DefaultValueFactory = _ => "5,10,15", HelpName = "list" };
        var predictionsOut = new Option<FileInfo?>("--predictions-out") { Description = "Write {\"id\":..., \"keyphrases\":[ranked]} per document to this file.", HelpName = "file.jsonl" };
        var ranker = new Option<string?>("--ranker") { Description = "Rank with the weights in this file (from 'eval fit-ranker --out'; Concepts:RankerFile) instead of the shipped ones.", HelpName = "file" };
        ks.Validators.Add(r =>
        {
            if (ParseKs(r.GetValueOrDefault<string>()) is null)
            {
                r.AddError("--k must be positive whole numbers separated by commas, such as 5,10,15.");
            }
        });

        var command = new Command("keyphrases", """
            Run concept extraction on each document's "title. abstract" (corpus statistics from the benchmark file
            itself) and score the ranked concepts against the gold keyphrases with the standard protocol: lower case,
            Porter stems, exact match of stemmed phrases, duplicates removed after stemming, precision, recall and F1
            at k averaged over documents. Reported for all gold keyphrases and for those present in the text.
            """)
        {
            gold, ks, predictionsOut, ranker,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, RankerOverride(parse.GetValue(ranker)), SharedOptions.ConfigureConceptOptions, (context, token) => Task.Run(() =>
        {
            var inv = CultureInfo.InvariantCulture;
            var cutoffs = ParseKs(parse.GetValue(ks))!;
            var file = parse.GetValue(gold)!;
            var run = KeyphraseRuns.Evaluate(file.FullName, cutoffs, context.Options<ConceptOptions>().ToSettings(), context.Loggers, token);
            var (results, evaluation) = (run.Predictions, run.Scores);
            context.Out.WriteLine(string.Create(inv, $"{file.Name}: {results.Count:N0} documents, extracted in {run.Seconds:F2} s"));
            context.Out.WriteLine("        all gold keyphrases        present in the text");
            context.Out.WriteLine("  k     P      R      F1           P      R      F1");
            for (var i = 0; i < cutoffs.Length; i++)
            {
                var a = evaluation.All[i];
                var p = evaluation.Present[i];
                context.Out.WriteLine(string.Create(inv, $"  {a.K,-3} {100 * a.Precision,5:F1}  {100 * a.Recall,5:F1}  {100 * a.F1,5:F1}        {100 * p.Precision,5:F1}  {100 * p.Recall,5:F1}  {100 * p.F1,5:F1}"));
            }

            if (parse.GetValue(predictionsOut) is { } output)
            {
                AtomicFile.WriteText(output.FullName, writer =>
                {
                    foreach (var (document, predicted) in results)
                    {
                        writer.WriteLine(JsonSerializer.Serialize(new { id = document.Id, keyphrases = predicted }));
                    }
                });

                context.Out.WriteLine($"Predictions written to {output.FullName}");
            }

            return ExitCodes.Success;
        }, token), cancellationToken));
        return command;
    }

    private static Command CreateFitRanker(CommandRunner runner)
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Benchmark file to fit on (JSON Lines with id, title, abstract and keyphrases).", Required = true, HelpName = "file.jsonl" };
        var dev = new Option<FileInfo?>("--dev") { Description = "Benchmark file to measure the fitted ranker on.", HelpName = "file.jsonl" };
        var l2 = new Option<double>("--l2") { Description = "L2 regularisation of the weights (default 0.001).", DefaultValueFactory = _ => 1e-3 };
        l2.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is var value && (value < 0 || !double.IsFinite(value)))
            {
                r.AddError("--l2 must be zero or a positive number.");
            }
        });
        var output = new Option<FileInfo?>("--out") { Description = "Write the weights to this ranker file; use it with --ranker or Concepts:RankerFile.", HelpName = "file" };
        var command = new Command("fit-ranker", """
            Fit the weights of the concept ranker (logistic regression over scale-free features of each concept in each
            document) on a keyphrase benchmark, print them, and report F1 at 5, 10 and 15 on the benchmark and on --dev.
            The shipped weights come from this command on Inspec train (see README).
            """)
        {
            gold, dev, l2, output,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, new Dictionary<string, string?>(), SharedOptions.ConfigureConceptOptions, (context, token) => Task.Run(() =>
        {
            var goldFile = parse.GetValue(gold)!;
            var fit = KeyphraseRuns.FitRanker(goldFile.FullName, parse.GetValue(dev)?.FullName, parse.GetValue(l2), context.Options<ConceptOptions>().ToSettings(), context.Loggers, token);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Fitted on {fit.Documents:N0} documents: {fit.Candidates:N0} candidate concepts, {fit.Positives:N0} of them gold keyphrases."));
            context.Out.WriteLine("Weights on the raw features, as ConceptRanker.Default writes them:");
            context.Out.Write(fit.Ranker.Describe());
            if (parse.GetValue(output) is { } path)
            {
                fit.Ranker.Write(path.FullName, $"PaperGraph concept ranker, fitted by 'papergraph eval fit-ranker' on {goldFile.Name}");
                context.Out.WriteLine($"Ranker written to {path.FullName}");
            }

            foreach (var (name, evaluation) in fit.Scores)
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: F1@5 {100 * evaluation.All[0].F1:F1}  F1@10 {100 * evaluation.All[1].F1:F1}  F1@15 {100 * evaluation.All[2].F1:F1}"));
            }

            return ExitCodes.Success;
        }, token), cancellationToken));
        return command;
    }

    private static Dictionary<string, string?> RankerOverride(string? ranker) =>
        ranker is null ? [] : new() { [$"{ConceptOptions.SectionName}:{nameof(ConceptOptions.RankerFile)}"] = ranker };

    private static int[]? ParseKs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] <= 0)
            {
                return null;
            }
        }

        return values.Length == 0 ? null : values;
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperGraph.Core;
using PaperGraph.Nlp;
using PaperGraph.Nlp.Concepts;
using PaperGraph.Nlp.Evaluation;

namespace PaperGraph.Cli.Commands;

/// <summary><c>papergraph eval keyphrases</c>: scores concept extraction on a keyphrase benchmark.</summary>
internal static class EvalCommand
{
    public static Command Create(CommandRunner runner) => new("eval", "Measure PaperGraph against benchmarks.")
    {
        CreateKeyphrases(runner),
    };

    private static Command CreateKeyphrases(CommandRunner runner)
    {
        var gold = new Option<FileInfo>("--gold") { Description = "Benchmark file: JSON Lines with id, title, abstract and keyphrases (e.g. Inspec).", Required = true, HelpName = "file.jsonl" };
        var ks = new Option<string>("--k") { Description = "Cut-offs, comma-separated (default 5,10,15).", DefaultValueFactory = _ => "5,10,15", HelpName = "list" };
        var predictionsOut = new Option<FileInfo?>("--predictions-out") { Description = "Write {\"id\":..., \"keyphrases\":[ranked]} per document to this file.", HelpName = "file.jsonl" };
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
            gold, ks, predictionsOut,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, new Dictionary<string, string?>(), ExtractCommand.ConfigureConceptOptions, (context, token) => Task.Run(() =>
        {
            var inv = CultureInfo.InvariantCulture;
            var cutoffs = ParseKs(parse.GetValue(ks))!;
            var file = parse.GetValue(gold)!;
            var documents = KeyphraseEvaluator.Read(file.FullName);
            if (documents.Count == 0)
            {
                throw new PaperGraphException(ErrorCodes.NoPapersFound, $"{file.FullName}: no documents.");
            }

            var stopwatch = Stopwatch.StartNew();
            var extractor = ConceptExtractor.Default;
            var terms = new DocumentTerms[documents.Count];
            Parallel.For(0, documents.Count, new ParallelOptions { CancellationToken = token }, () => new AnalyzedText(), (i, _, scratch) =>
            {
                terms[i] = extractor.Extract(documents[i].Id, documents[i].Title, documents[i].Abstract, scratch);
                return scratch;
            }, _ => { });
            var index = ConceptIndex.Build(terms, context.Options<ConceptOptions>().ToSettings(), context.Logger<ConceptIndex>());
            var results = documents.Select(d => (d, (IReadOnlyList<string>)Predictions(index, d.Id))).ToList();
            var elapsed = stopwatch.Elapsed;
            var evaluation = KeyphraseEvaluator.Score(results, cutoffs);

            context.Out.WriteLine(string.Create(inv, $"{file.Name}: {documents.Count:N0} documents, extracted in {elapsed.TotalSeconds:F2} s"));
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
                using var writer = new StreamWriter(output.FullName);
                foreach (var (document, predicted) in results)
                {
                    writer.WriteLine(JsonSerializer.Serialize(new { id = document.Id, keyphrases = predicted }));
                }

                context.Out.WriteLine($"Predictions written to {output.FullName}");
            }

            return ExitCodes.Success;
        }, token), cancellationToken));
        return command;
    }

    /// <summary>A document's ranked concepts as it writes them; an abbreviation as its long form, as benchmark annotators do.</summary>
    private static List<string> Predictions(ConceptIndex index, string id) =>
        index.ByDocument.TryGetValue(id, out var ranked) ? ranked.Select(c => index.Concepts[c.Key] is { LongForm: { } longForm } ? longForm : c.Surface).ToList() : [];

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

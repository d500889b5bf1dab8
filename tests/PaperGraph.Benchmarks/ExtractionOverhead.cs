using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PaperGraph.Ingest;
using PaperGraph.Nlp;
using PaperGraph.Concepts;

namespace PaperGraph.Benchmarks;

/// <summary>
/// What concept extraction adds to the NLP pass, over a whole corpus on one thread: every paper's
/// <c>title. abstract</c> tokenized, split and tagged, against the same papers through
/// <see cref="ConceptExtractor.Extract"/> (the same pass plus chunking, abbreviations and concept keys).
/// </summary>
/// <remarks>
/// The two are timed in turns (pass, extraction, pass, extraction...) so that a slow spell of a shared machine falls
/// on both; each figure is the fastest of its runs.
/// </remarks>
internal static class ExtractionOverhead
{
    public static int Run(string[] args)
    {
        var runs = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 2;
        var path = Corpus.Path();
        var reader = new CorpusReader(new CorpusReaderSettings(), new IngestDiagnostics(NullLogger.Instance), NullLogger.Instance);
        var papers = reader.ReadFiles([path]).Select(p => (p.Id, p.Title, p.Abstract)).ToArray();
        var texts = papers.Select(p => string.IsNullOrEmpty(p.Title) ? p.Abstract : p.Title + ". " + p.Abstract).ToArray();
        Console.WriteLine($"{papers.Length:N0} papers from {path}; one thread; best of {runs} runs each");

        var analysis = new AnalyzedText();
        var extractor = ConceptExtractor.Default;
        long tokens = 0;
        long mentions = 0;
        var pass = double.MaxValue;
        var extraction = double.MaxValue;
        for (var run = 0; run < runs; run++)
        {
            var stopwatch = Stopwatch.StartNew();
            tokens = 0;
            foreach (var text in texts)
            {
                TextAnalyzer.Default.Analyze(text, analysis);
                tokens += analysis.Tokens.Length;
            }

            pass = Math.Min(pass, stopwatch.Elapsed.TotalSeconds);
            Console.WriteLine($"  run {run + 1}: tokenize + split + tag {stopwatch.Elapsed.TotalSeconds:F2} s");

            var (gen0, paused) = (GC.CollectionCount(0), GC.GetTotalPauseDuration());
            stopwatch.Restart();
            mentions = 0;
            foreach (var (id, title, text) in papers)
            {
                mentions += extractor.Extract(id, title, text, analysis).Mentions.Count;
            }

            extraction = Math.Min(extraction, stopwatch.Elapsed.TotalSeconds);
            Console.WriteLine($"  run {run + 1}: extraction {stopwatch.Elapsed.TotalSeconds:F2} s ({GC.CollectionCount(0) - gen0} collections, {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s paused)");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tokenize + split + tag: {pass:F2} s ({tokens / pass:N0} tokens/s, {tokens:N0} tokens)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"extraction:             {extraction:F2} s ({mentions:N0} term mentions)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"extraction adds {100 * (extraction - pass) / pass:F1}% to tokenize + split + tag (target: at most 30%)"));
        return 0;
    }
}

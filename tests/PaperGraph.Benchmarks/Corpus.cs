using Microsoft.Extensions.Logging.Abstractions;
using PaperGraph.Ingest;

namespace PaperGraph.Benchmarks;

/// <summary>The benchmark input: the first abstracts of the 200k corpus in ../shared (development data, not shipped).</summary>
internal static class Corpus
{
    public const int Abstracts = 10_000;

    private static readonly Lazy<string[]> Texts = new(Load);

    public static string[] FirstAbstracts => Texts.Value;

    /// <summary>The corpus file: PAPERGRAPH_BENCH_CORPUS, else the development corpus (shared/data/corpus/abstracts-200k.jsonl.gz) beside the repository.</summary>
    public static string Path()
    {
        if (Environment.GetEnvironmentVariable("PAPERGRAPH_BENCH_CORPUS") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PaperGraph.sln")))
            {
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "data", "corpus", "abstracts-200k.jsonl.gz"));
            }
        }

        throw new FileNotFoundException("Cannot find the repository root (PaperGraph.sln); set PAPERGRAPH_BENCH_CORPUS to a JSONL(.gz) file of abstracts.");
    }

    private static string[] Load()
    {
        var path = Path();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Benchmark corpus not found: {path}. Set PAPERGRAPH_BENCH_CORPUS to a JSONL(.gz) file of abstracts.");
        }

        var reader = new CorpusReader(new CorpusReaderSettings(), new IngestDiagnostics(NullLogger.Instance), NullLogger.Instance);
        return reader.ReadFiles([path]).Take(Abstracts).Select(p => p.Abstract).ToArray();
    }
}

using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using PaperGraph.Ingest;
using PaperGraph.Nlp.Tagging;
using PaperGraph.Nlp.Tagging.Training;
using PaperGraph.Core;

namespace PaperGraph.Pipeline.Tagger;

/// <summary>Settings of <see cref="ClusterRun"/>.</summary>
/// <param name="Corpus">Corpora of papers (any format <c>ingest</c> reads) whose titles and abstracts are the unlabelled text.</param>
/// <param name="Conllu">CoNLL-U files whose sentences are added to the text (their tags are not used).</param>
/// <param name="Limit">At most this many papers are read; null for all.</param>
/// <param name="Clustering">The clustering's levels, thresholds and seed.</param>
/// <param name="Output">The word-class table to write.</param>
public sealed record ClusterSettings(IReadOnlyList<string> Corpus, IReadOnlyList<string> Conllu, int? Limit, WordClusterSettings Clustering, string Output);

/// <summary>What <see cref="ClusterRun"/> read and wrote.</summary>
public sealed record ClusterResult(int Papers, int ConlluSentences, long Words, double ReadSeconds, WordClusteringSummary Summary, string Output, long OutputBytes, double Seconds);

/// <summary>Learns word classes for the tagger from unlabelled text, and writes the table the tagger loads.</summary>
public static class ClusterRun
{
    /// <summary>Reads the text, clusters its words and saves the table.</summary>
    /// <param name="read">Called once the text is read, before the long clustering: papers, sentences, words, seconds.</param>
    /// <param name="pass">Called after each exchange pass.</param>
    public static ClusterResult Run(ClusterSettings settings, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken,
        Action<int, int, long, double>? read = null, Action<ExchangePass>? pass = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var inv = CultureInfo.InvariantCulture;
        var stopwatch = Stopwatch.StartNew();
        var clusterer = new WordClusterer();
        var reader = new CorpusReader(new CorpusReaderSettings(), new IngestDiagnostics(NullLogger.Instance), NullLogger.Instance);
        var max = settings.Limit ?? int.MaxValue;
        var papers = 0;
        foreach (var paper in reader.ReadFiles(settings.Corpus, cancellationToken))
        {
            if (papers >= max)
            {
                break;
            }

            if (paper.Title is { Length: > 0 } title)
            {
                clusterer.AddText(title);
            }

            clusterer.AddText(paper.Abstract);
            papers++;
            if (papers % 1000 == 0)
            {
                progress?.Report(new PipelineProgress("clusters", string.Create(inv, $"read {papers:N0} papers"), clusterer.Tokens, Unit: "words"));
            }
        }

        var sentences = 0;
        foreach (var file in settings.Conllu)
        {
            foreach (var sentence in ConlluReader.Read(file))
            {
                clusterer.AddSentence(sentence.Forms());
                sentences++;
            }
        }

        var readSeconds = stopwatch.Elapsed.TotalSeconds;
        read?.Invoke(papers, sentences, clusterer.Tokens, readSeconds);
        var clustering = settings.Clustering;
        var (table, summary) = clusterer.Cluster(clustering, pass, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!);
        table.Save(settings.Output, [
            string.Create(inv, $"learned by 'papergraph tagger clusters' from {papers:N0} papers ({string.Join(", ", settings.Corpus.Select(Path.GetFileName))}) and {sentences:N0} CoNLL-U sentences ({string.Join(", ", settings.Conllu.Select(Path.GetFileName))}): {summary.Tokens:N0} words"),
            string.Create(inv, $"settings: levels {string.Join(',', clustering.Levels)}, min count {clustering.MinCount}, max words {clustering.MaxWords}, iterations {clustering.Iterations}, seed {clustering.Seed}"),
            "derived data: each line is a word and its class at each level; no text of the corpus is kept",
        ]);
        return new ClusterResult(papers, sentences, clusterer.Tokens, readSeconds, summary, settings.Output, new FileInfo(settings.Output).Length, stopwatch.Elapsed.TotalSeconds);
    }
}

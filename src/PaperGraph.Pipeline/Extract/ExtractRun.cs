using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PaperGraph.Concepts;
using PaperGraph.Core;
using PaperGraph.Nlp;
using PaperGraph.Workspace;

namespace PaperGraph.Pipeline.Extract;

/// <summary>Settings of <see cref="ExtractRun"/>.</summary>
/// <param name="Concepts">How concepts are merged, filtered and scored.</param>
/// <param name="StopListFile">A stop list given now: recorded in the workspace and used from then on; "" stops using the recorded one; null keeps it.</param>
/// <param name="ThesaurusFile">A thesaurus given now, recorded as the stop list is.</param>
/// <param name="All">Whether every paper is analysed again, not only new and changed ones.</param>
public sealed record ExtractSettings(ConceptSettings Concepts, string? StopListFile = null, string? ThesaurusFile = null, bool All = false)
{
    /// <summary>Papers read, analysed and saved together (8,192): the run holds the texts and terms of one batch, and saves one while it analyses the next.</summary>
    public int AnalysisBatch { get; init; } = 8192;
}

/// <summary>What <see cref="ExtractRun"/> did.</summary>
/// <param name="Directory">The workspace folder.</param>
/// <param name="Papers">Papers in the corpus.</param>
/// <param name="Concepts">Concepts found in them.</param>
/// <param name="Abbreviations">Concepts that are abbreviations with their long form.</param>
/// <param name="Mentions">Paper-concept links.</param>
/// <param name="ExtractorChanged">Whether every paper was analysed again because the stored terms came from another extractor version.</param>
/// <param name="Corrections">One line per stop list or thesaurus used: which, and whether it changed (see <see cref="ConceptCorrections"/>).</param>
public sealed record ExtractionResult(string Directory, int Papers, int Concepts, int Abbreviations, int Analysed, long Mentions, IReadOnlyList<(string Step, double Seconds)> Timings, bool ExtractorChanged = false,
    IReadOnlyList<string>? Corrections = null)
{
    /// <summary>Seconds of every step together.</summary>
    public double Seconds => Timings.Sum(t => t.Seconds);
}

/// <summary>Extracts concepts from the workspace's papers: analyses new or changed papers, then merges and scores concepts over the corpus.</summary>
public static class ExtractRun
{

    /// <summary>Extracts into the workspace at <paramref name="directory"/>, which must exist, and stores the concepts.</summary>
    public static ExtractionResult Run(string directory, ExtractSettings settings, ILoggerFactory loggers, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        using var workspace = WorkspaceDatabase.OpenExisting(directory);
        return Extract(workspace, settings, loggers, progress, cancellationToken, store: true).Result;
    }

    /// <summary>
    /// Analyses new or changed papers (all with <see cref="ExtractSettings.All"/>), stores their terms, then merges and
    /// scores concepts over the whole corpus. Papers are analysed and their terms saved a batch at a time; the index then
    /// reads every paper's terms from the workspace, through a file, a batch at a time.
    /// </summary>
    /// <param name="store">Whether to store the concepts before returning; if not, the caller calls <see cref="StoreConcepts"/>.</param>
    /// <returns>What was done, and the index, which the caller holds only as long as it needs it: it is the largest thing a build holds.</returns>
    internal static (ExtractionResult Result, ConceptIndex Index) Extract(WorkspaceDatabase workspace, ExtractSettings settings, ILoggerFactory loggers, IProgress<PipelineProgress>? progress,
        CancellationToken cancellationToken, bool store)
    {
        var inv = CultureInfo.InvariantCulture;
        var all = settings.All;
        if (workspace.CountPapers() == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoPapersFound, $"{workspace.Directory}: the workspace has no papers; run 'papergraph ingest <files> --workspace {workspace.Directory}' first.");
        }

        // The stop list and thesaurus given now, else those recorded by an earlier run: a build keeps an extract's corrections.
        var (conceptSettings, corrections) = ConceptCorrections.Resolve(settings.StopListFile, settings.ThesaurusFile, settings.Concepts, workspace);
        var timings = new List<(string, double)>();
        var clock = Stopwatch.StartNew();
        void Lap(string step)
        {
            timings.Add((step, clock.Elapsed.TotalSeconds));
            clock.Restart();
        }

        // Terms made by another version of the extractor are not mixed with new ones: every paper is analysed again.
        var storedVersion = workspace.ExtractorVersion;
        var extractorChanged = !all && storedVersion != ConceptExtractor.Version && workspace.Count("paper_terms") > 0;
        if (extractorChanged)
        {
            Log.ExtractorChanged(loggers.CreateLogger<ConceptExtractor>(), storedVersion is { } v ? $"extractor version {v.ToString(inv)}" : "an earlier PaperGraph", ConceptExtractor.Version);
            all = true;
        }

        // Papers are read, analysed and their terms saved a batch at a time, in id order: no run holds every paper's
        // text or terms. Each paper's terms are one byte array (DocumentTermsBinary): holding their many small objects
        // made every garbage collection copy them. A batch's terms are saved while the next batch is analysed; each
        // batch is committed on its own, so a run stopped part-way keeps what it analysed for the next.
        var analysedCount = workspace.CountPapersToExtract(all, DocumentTermsBinary.Version);
        var extractor = ConceptExtractor.Default;
        var counter = new ProgressCounter(progress, "extract", "analysing papers", analysedCount, "papers", every: PaperLoop.ReportEvery);
        var saving = Task.CompletedTask;
        try
        {
            // The database is used by one thing at a time: the next batch is read once the last one is saved.
            var papers = workspace.PapersToExtract(all, DocumentTermsBinary.Version, after: null, settings.AnalysisBatch);
            while (papers.Count > 0)
            {
                var batch = papers;
                var records = new (string Id, int Revision, byte[] Terms)[batch.Count];
                PaperLoop.ForEach(batch.Count, () => new AnalyzedText(), (i, scratch) =>
                {
                    var paper = batch[i];
                    records[i] = (paper.Id, paper.Revision, DocumentTermsBinary.Write(extractor.Extract(paper.Id, paper.Title, paper.Abstract, scratch)));
                    counter.Add();
                }, cancellationToken);
                saving.GetAwaiter().GetResult();
                papers = workspace.PapersToExtract(all, DocumentTermsBinary.Version, after: batch[^1].Id, settings.AnalysisBatch);
                saving = Task.Run(() => workspace.SavePaperTerms(records), cancellationToken);
            }

            saving.GetAwaiter().GetResult();
        }
        finally
        {
            saving.WaitQuietly();
        }

        Lap("analysis");
        // Every paper's terms, in id order, go from the workspace to a file the index reads a batch at a time, three
        // times: in memory they were 0.35 GB on the 200k corpus, and 1 GB decoded. Records of another format were
        // extracted again above, so one that does not read is damaged.
        progress.Step("extract", "reading the terms of every paper");
        using var terms = SpillTerms(workspace.Directory, workspace.ReadPaperTerms(), (id, e) => new PaperGraphException(ErrorCodes.WorkspaceCorrupt,
            $"{workspace.Directory}: the stored terms of paper {id} are damaged ({e.Message}); run 'papergraph extract --all --workspace {workspace.Directory}'.", e));
        Lap("reading terms");
        var index = ConceptIndex.Build(terms, conceptSettings, loggers.CreateLogger<ConceptIndex>(), progress: progress);
        workspace.ExtractorVersion = ConceptExtractor.Version;
        Lap("merging and scoring");
        if (store)
        {
            progress.Step("extract", string.Create(inv, $"storing {index.Concepts.Count:N0} concepts"));
            StoreConcepts(workspace, index, progress);
            Lap("storing concepts");
        }

        var result = new ExtractionResult(workspace.Directory, index.DocumentCount, index.Concepts.Count, index.Concepts.Values.Count(c => c.LongForm is not null),
            analysedCount, index.Links, timings, extractorChanged, corrections);
        return (result, index);
    }

    /// <summary>
    /// Writes the corpus's term records to a file in the workspace, deleted when the index is built; files left by a
    /// run that was killed are deleted first.
    /// </summary>
    private static EncodedDocuments SpillTerms(string directory, IEnumerable<(string Id, byte[] Terms)> records, Func<string, FormatException, Exception> damaged)
    {
        const string Prefix = ".terms-", Suffix = ".spill";
        foreach (var stale in Directory.EnumerateFiles(directory, Prefix + "*" + Suffix))
        {
            var pid = Path.GetFileName(stale)[Prefix.Length..^Suffix.Length];
            if (!int.TryParse(pid, CultureInfo.InvariantCulture, out var id) || !IsRunning(id))
            {
                File.Delete(stale);
            }
        }

        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Environment.ProcessId}{Suffix}"));
        File.Delete(path);
        try
        {
            return EncodedDocuments.Spill(records, path, damaged);
        }
        catch (Exception e) when (EnvironmentErrors.Classify(e, path) is { } error)
        {
            // A full disk is the likeliest: the file is about a third of the workspace's size.
            File.Delete(path);
            throw error;
        }

        static bool IsRunning(int id)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(id);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    /// <summary>Replaces the workspace's concepts and mentions with those of <paramref name="index"/>.</summary>
    /// <param name="progress">Told the paper-concept links stored; null where the storing runs beside other reported work (in <c>build</c>).</param>
    internal static void StoreConcepts(WorkspaceDatabase workspace, ConceptIndex index, IProgress<PipelineProgress>? progress = null)
    {
        var summaries = index.Concepts.Values.Select(c => c.ToSummary());
        var mentions = index.Documents.SelectMany(d => d.Concepts.Select(c => new PaperConcept(d.Id, c.Concept.Key, c.Count, c.Score, c.InTitle)));
        if (progress is not null)
        {
            mentions = ProgressCounter.Each(mentions, new ProgressCounter(progress, "extract", "storing paper-concept links", index.Links, "links", every: 10_000));
        }

        workspace.ReplaceConcepts(summaries, mentions);
    }
}

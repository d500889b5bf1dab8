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
public sealed record ExtractSettings(ConceptSettings Concepts, string? StopListFile = null, string? ThesaurusFile = null, bool All = false);

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
    /// scores concepts over the whole corpus. Terms analysed in this run are taken from memory; only the other papers'
    /// stored terms are read back from the workspace.
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

        var papers = workspace.PapersToExtract(all, DocumentTermsBinary.Version);
        var analysedCount = papers.Count;
        var extractor = ConceptExtractor.Default;
        // Each paper's terms are kept as one byte array (DocumentTermsBinary) and read back for the merge: holding the
        // terms' many small objects through the analysis made every garbage collection copy them (analysis of the
        // 200k corpus 19 s -> 34 s). Reading them back on every core takes about 3 s (JSON, before: 11 s).
        var records = new (string Id, int Revision, byte[] Terms)[papers.Count];
        PaperLoop.ForEach(papers.Count, () => new AnalyzedText(), (i, scratch) =>
        {
            var paper = papers[i];
            records[i] = (paper.Id, paper.Revision, DocumentTermsBinary.Write(extractor.Extract(paper.Id, paper.Title, paper.Abstract, scratch)));
        }, cancellationToken, progress, "extract", "analysing papers");
        papers = null;
        Lap("analysis");
        // The other papers' terms are read back from the workspace; every paper's record is then decoded in parallel.
        // When there are no others (a first extraction, or --all), the terms are saved while they are decoded.
        var stored = records.Select(r => (r.Id, r.Terms)).ToList();
        var toSave = records;
        records = null;
        var saving = Task.CompletedTask;
        var savedAlongside = analysedCount == workspace.CountPapers();
        if (!savedAlongside)
        {
            progress.Step("extract", string.Create(inv, $"saving the terms of {analysedCount:N0} papers"));
            workspace.SavePaperTerms(ProgressCounter.Each(toSave, new ProgressCounter(progress, "extract", "saving the terms", toSave.Length, "papers")));
            Lap("saving terms");
            progress.Step("extract", "reading the stored terms of the other papers");
            var analysed = new HashSet<string>(stored.Select(r => r.Id), StringComparer.Ordinal);
            stored.AddRange(workspace.ReadPaperTerms(id => !analysed.Contains(id)));
        }
        else
        {
            progress.Step("extract", string.Create(inv, $"saving and reading back the terms of {analysedCount:N0} papers"));
            saving = Task.Run(() =>
            {
                workspace.SavePaperTerms(toSave!);
                toSave = null;
            }, cancellationToken);
        }

        if (stored.Count > analysedCount)
        {
            // The index depends on document order only through ties; keep it the same as a run that read everything.
            stored.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        }

        // The index reads the records from a file, a batch at a time, as each of its phases goes through the corpus:
        // in memory they were 0.35 GB on the 200k corpus, and 1 GB decoded. Records of another format were extracted
        // again above, so one that does not read is damaged.
        using var terms = SpillTerms(workspace.Directory, stored, (id, e) => new PaperGraphException(ErrorCodes.WorkspaceCorrupt,
            $"{workspace.Directory}: the stored terms of paper {id} are damaged ({e.Message}); run 'papergraph extract --all --workspace {workspace.Directory}'.", e));
        stored = null;
        Lap(savedAlongside ? "saving and reading terms" : "reading terms");
        ConceptIndex index;
        try
        {
            index = ConceptIndex.Build(terms, conceptSettings, loggers.CreateLogger<ConceptIndex>(), progress: progress);
        }
        finally
        {
            saving.WaitQuietly();
        }

        saving.GetAwaiter().GetResult();
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
    private static EncodedDocuments SpillTerms(string directory, List<(string Id, byte[] Terms)> records, Func<string, FormatException, Exception> damaged)
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

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PaperGraph.Core;
using PaperGraph.Ingest;
using PaperGraph.Workspace;

namespace PaperGraph.Pipeline.Ingest;

/// <summary>Settings of <see cref="IngestRun"/>.</summary>
/// <param name="Paths">Files and folders of papers; folders are read recursively.</param>
/// <param name="Workspace">The workspace folder; created when missing.</param>
/// <param name="Format">Format of every input; <see cref="InputFormat.Auto"/> decides per file.</param>
/// <param name="MaxLineBytes">Longest line or CSV record read; longer ones are skipped and reported.</param>
/// <param name="Strict">Whether any skip fails the run (see <see cref="IngestResult.FailedStrict"/>).</param>
public sealed record IngestSettings(IReadOnlyList<string> Paths, string Workspace, InputFormat Format = InputFormat.Auto,
    int MaxLineBytes = CorpusReaderSettings.DefaultMaxLineBytes, bool Strict = false);

/// <summary>What <see cref="IngestRun"/> read and stored.</summary>
/// <param name="WorkspacePapers">Papers in the workspace after the run.</param>
public sealed record IngestResult(string Directory, int Files, CorpusStatistics Statistics, long Added, long MergedDuplicates, long MergedExisting,
    IngestDiagnostics Diagnostics, long WorkspacePapers, TimeSpan Elapsed, bool Strict)
{
    /// <summary>Whether <see cref="IngestSettings.Strict"/> was asked for and something was skipped.</summary>
    public bool FailedStrict => Strict && Diagnostics.SkippedCount > 0;

    /// <summary>Fails with <see cref="ErrorCodes.NoPapersFound"/> when the inputs held no paper at all.</summary>
    public void ThrowIfNoPapers()
    {
        if (Statistics.Papers == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoPapersFound,
                $"no papers found in {Files} file(s); expected Daily Papers page text, JSON Lines or CSV with titles and abstracts (see the skipped list above).");
        }
    }
}

/// <summary>Reads papers from files and folders into the workspace, the same paper met twice stored once.</summary>
public static class IngestRun
{
    private const int BatchSize = 512;

    /// <summary>Reads every input of <paramref name="settings"/> into its workspace.</summary>
    public static IngestResult Run(IngestSettings settings, ILoggerFactory loggers, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var logger = loggers.CreateLogger<CorpusReader>();
        var stopwatch = Stopwatch.StartNew();

        var diagnostics = new IngestDiagnostics(logger);
        var reader = new CorpusReader(new CorpusReaderSettings(settings.Format, settings.MaxLineBytes, [settings.Workspace]), diagnostics, logger)
        {
            OnProgress = p => progress.Count("ingest", string.Create(CultureInfo.InvariantCulture, $"{p.Papers:N0} papers — {p.File}"), p.BytesDone, p.BytesTotal, "bytes"),
        };
        var files = reader.ExpandPaths(settings.Paths);

        using var workspace = WorkspaceDatabase.Open(settings.Workspace);
        using var writer = workspace.BeginPapers();

        // Reading and parsing run on one thread, the database on another: the two halves cost about the same.
        // Papers cross in batches so the threads synchronise a few hundred times, not once per paper.
        using var queue = new BlockingCollection<List<Paper>>(boundedCapacity: 16);
        var producer = Task.Run(() =>
        {
            try
            {
                var batch = new List<Paper>(BatchSize);
                foreach (var paper in reader.ReadFiles(files, cancellationToken))
                {
                    batch.Add(paper);
                    if (batch.Count == BatchSize)
                    {
                        queue.Add(batch, cancellationToken);
                        batch = new List<Paper>(BatchSize);
                    }
                }

                queue.Add(batch, cancellationToken);
            }
            finally
            {
                queue.CompleteAdding();
            }
        }, cancellationToken);

        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(cancellationToken))
            {
                foreach (var paper in batch)
                {
                    writer.Add(paper);
                }
            }
        }
        finally
        {
            // Surface the reader's exception (it is the cause) rather than a consumer-side cancellation.
            producer.GetAwaiter().GetResult();
        }

        writer.Commit();
        workspace.ReplaceSkipped(diagnostics.Skips.Select(s => (s.Code, s.Location, s.Message)));
        return new IngestResult(workspace.Directory, files.Count, reader.Statistics, writer.Added, writer.MergedDuplicates, writer.MergedExisting,
            diagnostics, workspace.CountPapers(), stopwatch.Elapsed, settings.Strict);
    }
}

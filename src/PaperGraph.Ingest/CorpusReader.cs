using System.Diagnostics;
using Microsoft.Extensions.Logging;
using PaperGraph.Core;
using PaperGraph.Ingest.Input;
using PaperGraph.Ingest.Readers;

namespace PaperGraph.Ingest;

/// <summary>Settings of <see cref="CorpusReader"/>.</summary>
/// <param name="Format">Forces one format for every file; <see cref="InputFormat.Auto"/> decides per file.</param>
/// <param name="MaxLineBytes">Longest line (or CSV record) read; longer ones are skipped and reported.</param>
/// <param name="Workspaces">Workspace folders never read, even before they hold a database (the one being written to).</param>
public sealed record CorpusReaderSettings(InputFormat Format = InputFormat.Auto, int MaxLineBytes = CorpusReaderSettings.DefaultMaxLineBytes, IReadOnlyList<string>? Workspaces = null)
{
    public const int DefaultMaxLineBytes = 16 * 1024 * 1024;

    public int MaxLineBytes { get; } = MaxLineBytes >= 1024
        ? MaxLineBytes
        : throw new ArgumentOutOfRangeException(nameof(MaxLineBytes), MaxLineBytes, "The line limit must be at least 1024 bytes.");
}

/// <summary>How far reading has got, for progress display.</summary>
public readonly record struct ReadProgress(string File, long BytesDone, long BytesTotal, long Papers);

/// <summary>What a <see cref="CorpusReader"/> read.</summary>
public sealed class CorpusStatistics
{
    public int FilesRead { get; internal set; }

    public int FilesSkipped { get; internal set; }

    /// <summary>Files and folders met in folders and left alone (see <see cref="Ignored"/>).</summary>
    public int FilesIgnored => _ignored.Count;

    /// <summary>What was met in folders and left alone, and why, in the order met.</summary>
    public IReadOnlyList<IgnoredInput> Ignored => _ignored;

    private readonly List<IgnoredInput> _ignored = [];

    internal void AddIgnored(IgnoredInput ignored) => _ignored.Add(ignored);

    public long Papers { get; internal set; }

    public long BytesRead { get; internal set; }

    /// <summary>Files with lines that were not valid UTF-8, read as Windows-1252.</summary>
    public IReadOnlyList<ConvertedFile> Converted => _converted;

    private readonly List<ConvertedFile> _converted = [];

    internal void AddConverted(ConvertedFile file) => _converted.Add(file);
}

/// <summary>A file whose lines that were not valid UTF-8 (<paramref name="Lines"/> of them, the first at <paramref name="FirstLine"/>) were read as Windows-1252.</summary>
public sealed record ConvertedFile(string File, long Lines, long FirstLine);

/// <summary>Reads papers from files and folders in any supported format, one paper at a time.</summary>
/// <remarks>
/// Paths are checked before anything is read, and every missing one (or named file that cannot be input) is reported
/// in one error. Folders are walked recursively in ordinal order of their paths, taking the files
/// <see cref="InputDiscovery"/>'s rule reads, skipping hidden entries and linked folders. A file that cannot be read
/// is reported and skipped; the others go on. The format comes from <see cref="CorpusReaderSettings.Format"/>, else
/// the file name, else the content (see <see cref="InputDiscovery"/>).
/// </remarks>
public sealed class CorpusReader(CorpusReaderSettings settings, IngestDiagnostics diagnostics, ILogger logger)
{
    private const int ProgressEvery = 1024;

    /// <summary>The format <see cref="ExpandPaths"/> chose for each file, by name or content.</summary>
    private readonly Dictionary<string, InputFormat> _formats = new(StringComparer.Ordinal);

    public CorpusStatistics Statistics { get; } = new();

    /// <summary>Called every thousand or so papers and at the end of each file.</summary>
    public Action<ReadProgress>? OnProgress { get; init; }

    /// <summary>The files <paramref name="paths"/> name, folders expanded by <see cref="InputDiscovery"/>'s rule.</summary>
    /// <remarks>
    /// Throws if a path does not exist, or if a file named in <paramref name="paths"/> cannot be input (a format
    /// PaperGraph does not read, or a workspace's file); every such path is named in one error. What a folder holds
    /// that is not read goes to <see cref="CorpusStatistics.Ignored"/>, and is logged once per kind.
    /// </remarks>
    public IReadOnlyList<string> ExpandPaths(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            var list = string.Join(", ", missing.Select(p => $"'{p}'"));
            throw new PaperGraphException(ErrorCodes.PathNotFound,
                $"{(missing.Count == 1 ? "path" : "paths")} not found: {list}; expected files or folders of papers (.txt, .jsonl, .csv, .tsv, optionally .gz).");
        }

        var workspaces = settings.Workspaces ?? [];
        var refused = new List<(string Path, IgnoredKind Kind)>();
        foreach (var path in paths.Where(File.Exists))
        {
            var (format, refusal) = InputDiscovery.Named(path, settings.Format, workspaces);
            if (refusal is { } kind)
            {
                refused.Add((path, kind));
            }
            else
            {
                _formats[path] = format;
            }
        }

        if (refused.Count > 0)
        {
            throw Refuse(refused);
        }

        var files = new List<string>();
        var ignoredBefore = Statistics.FilesIgnored;
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
                continue;
            }

            var found = new List<string>();
            var ignoredHere = Statistics.FilesIgnored;
            Walk(path, workspaces, found, named: true);
            found.Sort(StringComparer.Ordinal);
            files.AddRange(found);
            if (found.Count == 0)
            {
                var ignored = Statistics.FilesIgnored - ignoredHere;
                diagnostics.Add(ErrorCodes.NoReadableFiles, path,
                    $"the folder has no files PaperGraph reads{(ignored > 0 ? $" ({ignored} ignored, listed in the summary)" : "")}; expected names ending in {string.Join(", ", FormatDetector.KnownExtensions)} (optionally .gz), or text whose content is one of its formats.");
            }
        }

        foreach (var group in Statistics.Ignored.Skip(ignoredBefore).GroupBy(i => i.Kind))
        {
            Log.InputsIgnored(logger, group.Count(), InputDiscovery.Describe(group.Key), string.Join(", ", group.Take(3).Select(i => i.Path)));
        }

        return files;
    }

    /// <summary>Adds the files under <paramref name="directory"/> to read to <paramref name="found"/>; records the rest as ignored.</summary>
    /// <param name="named">
    /// Whether the folder was named on the command line: a workspace named as input (<c>ingest data -w data</c>) is
    /// walked, its PaperGraph files passed over by name, while a workspace met inside a folder is passed over whole.
    /// </param>
    private void Walk(string directory, IReadOnlyList<string> workspaces, List<string> found, bool named = false)
    {
        if (!named && InputDiscovery.IsWorkspace(directory, workspaces))
        {
            Statistics.AddIgnored(new IgnoredInput(DisplayPath(directory), IgnoredKind.Workspace));
            return;
        }

        if (!named && InputDiscovery.IsAdminExport(directory))
        {
            Statistics.AddIgnored(new IgnoredInput(DisplayPath(directory), IgnoredKind.PaperGraphFile));
            return;
        }

        // Not IgnoreInaccessible: a folder that cannot be listed is reported, never passed over in silence.
        var options = new EnumerationOptions { AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = false };
        List<string> files;
        List<string> subfolders;
        try
        {
            files = [.. Directory.EnumerateFiles(directory, "*", options).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)];
            var folders = new EnumerationOptions { AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint, IgnoreInaccessible = false };
            subfolders = [.. Directory.EnumerateDirectories(directory, "*", folders).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(ErrorCodes.UnreadableFile, DisplayPath(directory), $"cannot list the folder ({e.Message}); check its permissions.");
            return;
        }

        foreach (var file in files)
        {
            var (format, ignored) = InputDiscovery.InFolder(file, settings.Format);
            if (ignored is { } kind)
            {
                Statistics.AddIgnored(new IgnoredInput(DisplayPath(file), kind));
                Log.FileIgnored(logger, file, InputDiscovery.Describe(kind));
            }
            else
            {
                _formats[file] = format;
                found.Add(file);
            }
        }

        // Linked folders are not followed (ReparsePoint skipped above): a link to a parent folder would loop.
        foreach (var sub in subfolders)
        {
            Walk(sub, workspaces, found);
        }
    }

    private static PaperGraphException Refuse(List<(string Path, IgnoredKind Kind)> refused)
    {
        var workspace = refused.Where(r => r.Kind == IgnoredKind.Workspace).Select(r => r.Path).ToList();
        var formats = refused.Where(r => r.Kind != IgnoredKind.Workspace).ToList();
        var parts = new List<string>();
        if (formats.Count > 0)
        {
            parts.Add("not a format PaperGraph reads: " + string.Join("; ", formats.Select(r => $"{r.Path}: {InputDiscovery.Describe(r.Kind)}"))
                + ". Expected Daily Papers page text (.txt), arXiv listing text, JSON Lines (.jsonl), CSV (.csv) or TSV (.tsv), optionally gzipped; --format reads a file as one of them");
        }

        if (workspace.Count > 0)
        {
            parts.Add(string.Join("; ", workspace.Select(p => $"{p}: a file PaperGraph wrote into a workspace or export folder"))
                + "; a workspace's database and the files PaperGraph wrote are never read as papers, so pass the files or folders of papers instead");
        }

        return new PaperGraphException(formats.Count > 0 ? ErrorCodes.UnknownFormat : ErrorCodes.WorkspaceFileAsInput, string.Join(". ", parts) + ".");
    }

    /// <summary>Reads every paper in <paramref name="paths"/>, in order; unreadable input goes to the diagnostics.</summary>
    public IEnumerable<Paper> Read(IReadOnlyList<string> paths, CancellationToken cancellationToken = default) =>
        ReadFiles(ExpandPaths(paths), cancellationToken);

    /// <summary>Reads every paper in <paramref name="files"/> (as returned by <see cref="ExpandPaths"/>), in order.</summary>
    public IEnumerable<Paper> ReadFiles(IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var bytesTotal = files.Sum(f => new FileInfo(f).Length);
        var bytesBefore = 0L;
        foreach (var path in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var display = DisplayPath(path);
            var stopwatch = Stopwatch.StartNew();
            var before = Statistics.Papers;
            using var input = TryOpen(path, display);
            if (input is null)
            {
                Statistics.FilesSkipped++;
                bytesBefore += new FileInfo(path).Length;
                continue;
            }

            var format = ChooseFormat(input, path);
            Log.ReadingFile(logger, display, format.ToString());
            if (format == InputFormat.JsonLines && input.Peek.Span.TrimStart(" \t\r\n"u8) is [(byte)'[', ..])
            {
                diagnostics.Add(ErrorCodes.MalformedJson, display,
                    "this is a JSON array; expected JSON Lines, one object per line (convert with: jq -c '.[]' FILE > FILE.jsonl).");
                Statistics.FilesSkipped++;
                bytesBefore += input.Length;
                continue;
            }

            if (format == InputFormat.JsonLines && input.Peek.Span.TrimStart(" \t\r\n"u8) is [(byte)'{', .. var afterBrace] && afterBrace.TrimStart(" \t\r"u8) is [(byte)'\n', ..])
            {
                // One object spread over lines (pretty-printed, like PaperGraph's summary.json): every line alone is invalid JSON.
                diagnostics.Add(ErrorCodes.MalformedJson, display,
                    "this is JSON written over several lines (pretty-printed); expected JSON Lines, one object per line (convert with: jq -c . FILE > FILE.jsonl).");
                Statistics.FilesSkipped++;
                bytesBefore += input.Length;
                continue;
            }

            using var lines = new LineSource(input, display, settings.MaxLineBytes, diagnostics);
            using var records = CreateReader(format).Read(lines).GetEnumerator();
            var fileFailed = false;
            while (true)
            {
                PaperRecord record;
                try
                {
                    if (!records.MoveNext())
                    {
                        break;
                    }

                    record = records.Current;
                }
                catch (PaperGraphException e)
                {
                    // A file-level problem found while reading, such as a CSV header without the needed columns.
                    diagnostics.Add(e.Code, display, StripLocation(e.Message, display));
                    fileFailed = true;
                    break;
                }

                if (PaperNormalizer.Normalize(record, diagnostics) is not { } paper)
                {
                    continue;
                }

                Statistics.Papers++;
                if (Statistics.Papers % ProgressEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    OnProgress?.Invoke(new ReadProgress(display, bytesBefore + input.Position, bytesTotal, Statistics.Papers));
                }

                yield return paper;
            }

            if (fileFailed && Statistics.Papers == before)
            {
                Statistics.FilesSkipped++;
            }
            else
            {
                Statistics.FilesRead++;
            }

            if (lines.Windows1252Lines > 0)
            {
                Statistics.AddConverted(new ConvertedFile(display, lines.Windows1252Lines, lines.FirstWindows1252Line));
                Log.ReadAsWindows1252(logger, display, lines.Windows1252Lines, lines.FirstWindows1252Line);
            }

            bytesBefore += input.Length;
            Statistics.BytesRead = bytesBefore;
            OnProgress?.Invoke(new ReadProgress(display, bytesBefore, bytesTotal, Statistics.Papers));
            Log.FileRead(logger, display, Statistics.Papers - before, stopwatch.Elapsed.TotalSeconds);
        }
    }

    private InputFile? TryOpen(string path, string display)
    {
        try
        {
            return InputFile.Open(path);
        }
        catch (PaperGraphException e)
        {
            diagnostics.Add(e.Code, display, StripLocation(e.Message, path));
            return null;
        }
    }

    private InputFormat ChooseFormat(InputFile input, string path)
    {
        if (_formats.TryGetValue(path, out var chosen))
        {
            return chosen;
        }

        if (settings.Format != InputFormat.Auto)
        {
            return settings.Format;
        }

        var byName = FormatDetector.FromExtension(path);
        return byName != InputFormat.Auto ? byName : FormatDetector.FromContent(input.Peek.Span);
    }

    private IPaperReader CreateReader(InputFormat format) => format switch
    {
        InputFormat.JsonLines => new JsonLinesPaperReader(),
        InputFormat.Csv => new CsvPaperReader(null, settings.MaxLineBytes),
        InputFormat.Tsv => new CsvPaperReader('\t', settings.MaxLineBytes),
        InputFormat.DailyPapers => new DailyPapersTextReader(),
        InputFormat.ArxivListing => new ArxivListingTextReader(),
        _ => throw new UnreachableException($"No reader for {format}."),
    };

    /// <summary>The path as the user would recognise it: relative to the working folder when inside it.</summary>
    private static string DisplayPath(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    /// <summary>Messages from lower layers start with "path: " or "path:line: "; the location is reported separately.</summary>
    private static string StripLocation(string message, string path)
    {
        if (!message.StartsWith(path, StringComparison.Ordinal))
        {
            return message;
        }

        var rest = message.AsSpan(path.Length);
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 ? rest[(colon + 2)..].ToString() : message;
    }
}

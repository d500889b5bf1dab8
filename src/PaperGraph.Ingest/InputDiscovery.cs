using PaperGraph.Core;
using PaperGraph.Ingest.Input;

namespace PaperGraph.Ingest;

/// <summary>Why a file or folder met in a folder was not read.</summary>
public enum IgnoredKind
{
    /// <summary>A PaperGraph workspace: a folder holding <c>papergraph.db</c>, or the workspace being written.</summary>
    Workspace,

    /// <summary>A file PaperGraph wrote or reads as settings: its exports, configuration, a thesaurus or VOSviewer file.</summary>
    PaperGraphFile,

    Notes,

    /// <summary>Text of short lines only, none long enough for an abstract: a stop list, a list of names.</summary>
    WordList,

    Bibliography,
    Pdf,
    WebPage,
    Image,
    Office,
    Archive,
    GraphOrDatabase,

    /// <summary>Neither the name nor the content is a format PaperGraph reads.</summary>
    Unknown,
}

/// <summary>A file or folder met while walking a folder and left alone, with why.</summary>
public sealed record IgnoredInput(string Path, IgnoredKind Kind);

/// <summary>The one rule that decides which files are read as papers (documented in the README's ingest section).</summary>
/// <remarks>
/// <para>In a folder (walked recursively, hidden entries skipped): a folder holding <c>papergraph.db</c> is a
/// workspace and is passed over whole, as are the workspace being written and a <c>papergraph export</c> folder (its
/// <c>schema.cypher</c> beside <c>papers.header.csv</c>); files PaperGraph writes or reads as settings
/// (<see cref="PaperGraphFileNames"/>) are passed over by name. A file is read when its name says a format
/// (<c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c>, <c>.csv</c>, <c>.tsv</c>, <c>.tab</c>, each optionally <c>.gz</c>),
/// or when it is text (<c>.txt</c>, or no known name) whose content says one: an arXiv listing, a CSV header, a
/// JSON object, Daily Papers text (plain text is taken as Daily Papers only in a <c>.txt</c>). Markdown and VOSviewer
/// text in a <c>.txt</c>, text files named as notes (<c>README.txt</c>, <c>NOTES</c>, <c>LICENSE</c>…), and every other
/// kind of file (<see cref="IgnoredKind"/>), are listed as ignored.</para>
/// <para>A file named on the command line is read by the same rule, except that what would be ignored in a folder is
/// an error (<see cref="ErrorCodes.UnknownFormat"/>, or <see cref="ErrorCodes.WorkspaceFileAsInput"/> for a file
/// PaperGraph wrote: one of <see cref="PaperGraphFileNames"/> in a workspace, or a file of an export folder), and
/// <c>--format</c> reads any other file as the format it names. A workspace folder named on the command line is
/// walked (its own files are passed over by name), so that <c>build data --workspace data</c> can be run again.</para>
/// </remarks>
public static class InputDiscovery
{
    /// <summary>Files PaperGraph writes into a workspace or reads as settings; never papers, wherever they are met.</summary>
    /// <remarks>Kept equal to the names <c>papergraph build</c> writes by a test in the CLI tests.</remarks>
    public static readonly IReadOnlySet<string> PaperGraphFileNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "papergraph.db", "papergraph.db-journal", "papergraph-sync.db", "papergraph-sync.db-journal", "papergraph.json",
        "concepts.csv", "cooccurrence.csv", "graph.graphml", "graph.gexf", "vosviewer-map.txt", "vosviewer-network.txt", "trends.csv", "summary.json",
    };

    private const string WorkspaceDatabase = "papergraph.db";

    /// <summary>Names (without extension) of the text files that sit beside data to describe it, read as notes when text.</summary>
    private static readonly HashSet<string> NoteNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "README", "READ_ME", "READ-ME", "NOTES", "NOTE", "LICENSE", "LICENCE", "COPYING", "CHANGELOG", "CHANGES", "TODO",
        "AUTHORS", "CONTRIBUTING", "CITATION", "MANIFEST", "NOTICE",
    };

    private static readonly Dictionary<string, IgnoredKind> IgnoredExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".md"] = IgnoredKind.Notes, [".markdown"] = IgnoredKind.Notes, [".rst"] = IgnoredKind.Notes, [".org"] = IgnoredKind.Notes,
        [".tex"] = IgnoredKind.Notes, [".log"] = IgnoredKind.Notes, [".adoc"] = IgnoredKind.Notes, [".ipynb"] = IgnoredKind.Notes,
        [".bib"] = IgnoredKind.Bibliography, [".ris"] = IgnoredKind.Bibliography, [".enw"] = IgnoredKind.Bibliography, [".nbib"] = IgnoredKind.Bibliography,
        [".pdf"] = IgnoredKind.Pdf, [".ps"] = IgnoredKind.Pdf, [".djvu"] = IgnoredKind.Pdf, [".epub"] = IgnoredKind.Pdf,
        [".html"] = IgnoredKind.WebPage, [".htm"] = IgnoredKind.WebPage, [".xhtml"] = IgnoredKind.WebPage, [".mhtml"] = IgnoredKind.WebPage, [".xml"] = IgnoredKind.WebPage,
        [".png"] = IgnoredKind.Image, [".jpg"] = IgnoredKind.Image, [".jpeg"] = IgnoredKind.Image, [".gif"] = IgnoredKind.Image, [".svg"] = IgnoredKind.Image,
        [".webp"] = IgnoredKind.Image, [".bmp"] = IgnoredKind.Image, [".tif"] = IgnoredKind.Image, [".tiff"] = IgnoredKind.Image, [".ico"] = IgnoredKind.Image, [".heic"] = IgnoredKind.Image,
        [".doc"] = IgnoredKind.Office, [".docx"] = IgnoredKind.Office, [".odt"] = IgnoredKind.Office, [".rtf"] = IgnoredKind.Office, [".xls"] = IgnoredKind.Office,
        [".xlsx"] = IgnoredKind.Office, [".xlsm"] = IgnoredKind.Office, [".ods"] = IgnoredKind.Office, [".ppt"] = IgnoredKind.Office, [".pptx"] = IgnoredKind.Office, [".numbers"] = IgnoredKind.Office,
        [".zip"] = IgnoredKind.Archive, [".tar"] = IgnoredKind.Archive, [".tgz"] = IgnoredKind.Archive, [".7z"] = IgnoredKind.Archive, [".rar"] = IgnoredKind.Archive,
        [".bz2"] = IgnoredKind.Archive, [".xz"] = IgnoredKind.Archive, [".zst"] = IgnoredKind.Archive, [".lz4"] = IgnoredKind.Archive,
        [".graphml"] = IgnoredKind.GraphOrDatabase, [".gexf"] = IgnoredKind.GraphOrDatabase, [".gml"] = IgnoredKind.GraphOrDatabase, [".db"] = IgnoredKind.GraphOrDatabase,
        [".sqlite"] = IgnoredKind.GraphOrDatabase, [".cypher"] = IgnoredKind.GraphOrDatabase, [".net"] = IgnoredKind.GraphOrDatabase, [".parquet"] = IgnoredKind.GraphOrDatabase,
    };

    /// <summary>What the summary says of each kind: a label, and what to do about it.</summary>
    public static string Describe(IgnoredKind kind) => kind switch
    {
        IgnoredKind.Workspace => "PaperGraph workspace (its database and the files PaperGraph wrote are never input)",
        IgnoredKind.PaperGraphFile => "written or read by PaperGraph as settings (exports, configuration, thesaurus, VOSviewer files), not papers",
        IgnoredKind.Notes => "notes, not papers (Markdown, reStructuredText, LaTeX, logs, notebooks)",
        IgnoredKind.WordList => "word list, not papers (no line is long enough for an abstract; a stop list or thesaurus?)",
        IgnoredKind.Bibliography => "bibliography (.bib and .ris are not read; export titles and abstracts as CSV or JSON Lines)",
        IgnoredKind.Pdf => "PDF or e-book (export the text first)",
        IgnoredKind.WebPage => "web page or XML (copy the page's text into a .txt file)",
        IgnoredKind.Image => "image",
        IgnoredKind.Office => "office document (save the table as CSV)",
        IgnoredKind.Archive => "archive (extract it first; only .gz is read directly)",
        IgnoredKind.GraphOrDatabase => "graph or database file (an output, not papers)",
        IgnoredKind.Unknown => "unknown format (neither the name nor the content is one PaperGraph reads)",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Whether <paramref name="directory"/> is a workspace: it holds <c>papergraph.db</c>, or it is one of <paramref name="workspaces"/>.</summary>
    internal static bool IsWorkspace(string directory, IReadOnlyList<string> workspaces) =>
        File.Exists(Path.Combine(directory, WorkspaceDatabase)) || workspaces.Any(w => SamePath(w, directory));

    /// <summary>Whether <paramref name="directory"/> holds the files <c>papergraph export</c> writes for <c>neo4j-admin</c>.</summary>
    internal static bool IsAdminExport(string directory) =>
        File.Exists(Path.Combine(directory, "schema.cypher")) && File.Exists(Path.Combine(directory, "papers.header.csv"));

    /// <summary>The format to read a file met in a folder as, or why it is ignored.</summary>
    internal static (InputFormat Format, IgnoredKind? Ignored) InFolder(string file, InputFormat forced)
    {
        if (PaperGraphFileNames.Contains(Path.GetFileName(file)))
        {
            return (InputFormat.Auto, IgnoredKind.PaperGraphFile);
        }

        var (format, ignored) = Classify(file, explicitFile: false);
        return (ignored is null && forced != InputFormat.Auto ? forced : format, ignored);
    }

    /// <summary>The format to read a file named on the command line as; throws when it cannot be input.</summary>
    /// <returns>The format, or why it is not read (reported by the caller as an error naming the file).</returns>
    internal static (InputFormat Format, IgnoredKind? Refused) Named(string file, InputFormat forced, IReadOnlyList<string> workspaces)
    {
        // Recognised by name and place: a file named as PaperGraph names its outputs, in a workspace or export folder.
        var directory = Path.GetDirectoryName(Path.GetFullPath(file))!;
        if ((IsWorkspace(directory, workspaces) && PaperGraphFileNames.Contains(Path.GetFileName(file))) || IsAdminExport(directory))
        {
            return (InputFormat.Auto, IgnoredKind.Workspace);
        }

        return forced != InputFormat.Auto ? (forced, null) : Classify(file, explicitFile: true);
    }

    private static (InputFormat, IgnoredKind?) Classify(string file, bool explicitFile)
    {
        var byName = FormatDetector.FromExtension(file);
        if (byName is InputFormat.JsonLines or InputFormat.Csv or InputFormat.Tsv)
        {
            return (byName, null);
        }

        var name = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? file[..^3] : file;
        if (byName == InputFormat.Auto && IgnoredExtensions.TryGetValue(Path.GetExtension(name), out var kind))
        {
            return (InputFormat.Auto, kind);
        }

        // Text, or a name that says nothing: a README or licence beside the data is notes, else the content decides.
        if (NoteNames.Contains(Path.GetFileNameWithoutExtension(name)))
        {
            return (InputFormat.Auto, IgnoredKind.Notes);
        }

        ContentKind content;
        try
        {
            using var input = InputFile.Open(file);
            content = FormatDetector.Sniff(input.Peek.Span, whole: input.Peek.Length < InputFile.PeekSize);
        }
        catch (PaperGraphException)
        {
            // Empty, binary, another compression: a .txt or a named file is read, so the reader reports why it cannot be.
            return byName != InputFormat.Auto || explicitFile ? (InputFormat.DailyPapers, null) : (InputFormat.Auto, IgnoredKind.Unknown);
        }

        return content switch
        {
            ContentKind.JsonLines => (InputFormat.JsonLines, null),
            ContentKind.Csv => (InputFormat.Csv, null),
            ContentKind.Tsv => (InputFormat.Tsv, null),
            ContentKind.ArxivListing => (InputFormat.ArxivListing, null),
            ContentKind.Markdown => (InputFormat.Auto, IgnoredKind.Notes),
            ContentKind.VosViewer => (InputFormat.Auto, IgnoredKind.PaperGraphFile),
            ContentKind.WordList => (InputFormat.Auto, IgnoredKind.WordList),
            ContentKind.DailyPapers => (InputFormat.DailyPapers, null),
            _ when byName == InputFormat.DailyPapers => (InputFormat.DailyPapers, null),
            _ => (InputFormat.Auto, IgnoredKind.Unknown),
        };
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)),
            OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

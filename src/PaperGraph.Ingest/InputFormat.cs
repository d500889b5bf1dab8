namespace PaperGraph.Ingest;

/// <summary>The input formats PaperGraph reads.</summary>
public enum InputFormat
{
    /// <summary>Decide from the file name and content.</summary>
    Auto,

    /// <summary>Text copied from Hugging Face Daily Papers pages (listing or alternating layout).</summary>
    DailyPapers,

    /// <summary>JSON Lines: <c>id, title, abstract, date?, categories?</c>, or the arXiv metadata snapshot's fields.</summary>
    JsonLines,

    /// <summary>Comma- (or semicolon-) separated values with a header row, RFC 4180 quoting.</summary>
    Csv,

    /// <summary>Tab-separated values with a header row.</summary>
    Tsv,

    /// <summary>Text copied from an arXiv listing page: <c>[1] arXiv:2401.00011</c>, <c>Title:</c>, <c>Authors:</c>, <c>Subjects:</c>, abstract.</summary>
    ArxivListing,
}

/// <summary>What the first bytes of a file look like (see <see cref="FormatDetector.Sniff"/>).</summary>
internal enum ContentKind
{
    /// <summary>Text with nothing that marks a format: Daily Papers text in the alternating layout, or anything else.</summary>
    PlainText,

    /// <summary>Text with a Daily Papers marker: an author count, a date line, page chrome.</summary>
    DailyPapers,

    JsonLines,
    Csv,
    Tsv,
    ArxivListing,

    /// <summary>Markdown: a <c>#</c> heading first, or a table.</summary>
    Markdown,

    /// <summary>A VOSviewer map, network or thesaurus file.</summary>
    VosViewer,

    /// <summary>A whole file of short lines, none long enough for an abstract: a stop list, a list of names.</summary>
    WordList,
}

/// <summary>Chooses a reader for a file.</summary>
public static class FormatDetector
{
    /// <summary>A whole text file whose lines are all shorter than this is a word list, not papers (no abstract is this short).</summary>
    private const int WordListMaxLine = 60;

    /// <summary>File name endings read when a folder is walked (each may be followed by <c>.gz</c>).</summary>
    public static readonly IReadOnlyList<string> KnownExtensions = [".txt", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".tab"];

    public static bool HasKnownExtension(string path) => FromExtension(path) != InputFormat.Auto;

    /// <summary>The format a file name suggests, or <see cref="InputFormat.Auto"/> when it suggests none.</summary>
    public static InputFormat FromExtension(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".txt" or ".text" => InputFormat.DailyPapers,
            ".jsonl" or ".ndjson" or ".json" => InputFormat.JsonLines,
            ".csv" => InputFormat.Csv,
            ".tsv" or ".tab" => InputFormat.Tsv,
            _ => InputFormat.Auto,
        };
    }

    /// <summary>The format the first bytes of the content suggest.</summary>
    public static InputFormat FromContent(ReadOnlySpan<byte> peek) => Sniff(peek) switch
    {
        ContentKind.JsonLines => InputFormat.JsonLines,
        ContentKind.Csv => InputFormat.Csv,
        ContentKind.Tsv => InputFormat.Tsv,
        ContentKind.ArxivListing => InputFormat.ArxivListing,
        _ => InputFormat.DailyPapers,
    };

    /// <summary>What the first bytes of a file (decompressed, UTF-8) look like.</summary>
    /// <param name="whole">Whether <paramref name="peek"/> is the whole file, so that what it lacks, the file lacks.</param>
    internal static ContentKind Sniff(ReadOnlySpan<byte> peek, bool whole = false)
    {
        var text = peek.TrimStart(" \t\r\n"u8);
        // A JSON object, or a JSON array of objects (which the JSON Lines reader reports as such).
        if (text.Length > 0 && (text[0] == (byte)'{' || (text[0] == (byte)'[' && text[1..].TrimStart(" \t\r\n"u8) is [(byte)'{', ..])))
        {
            return ContentKind.JsonLines;
        }

        var firstLineEnd = text.IndexOf((byte)'\n');
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var tabs = firstLine.Count((byte)'\t');
        var commas = firstLine.Count((byte)',') + firstLine.Count((byte)';');
        // A header names its columns exactly ("title", "abstract", or an alias): a page title such as "Title and Abstract
        // Generation, Revisited" holds both words and a comma, and is not one.
        var delimiter = tabs > commas ? '\t' : firstLine.Count((byte)';') > firstLine.Count((byte)',') ? ';' : ',';
        var looksLikeHeader = firstLine.Length < 2000 && (tabs > 0 || commas > 0)
            && ContainsIgnoreCase(firstLine, "abstract"u8) && ContainsIgnoreCase(firstLine, "title"u8)
            && Readers.CsvPaperReader.IsHeader(System.Text.Encoding.UTF8.GetString(firstLine).TrimEnd('\r'), delimiter);
        if (looksLikeHeader)
        {
            return tabs > commas ? ContentKind.Tsv : ContentKind.Csv;
        }

        return SniffText(System.Text.Encoding.UTF8.GetString(text), whole);
    }

    /// <summary>Tells arXiv listings, Markdown, VOSviewer files and Daily Papers text apart by their first lines.</summary>
    private static ContentKind SniffText(string text, bool whole)
    {
        var significant = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(200).ToList();
        if (significant.Count == 0)
        {
            return ContentKind.PlainText;
        }

        // A listing starts with its first entry, after short headings only: an entry pasted below page text is not one.
        var firstEntry = significant.FindIndex(l => Readers.ArxivListingTextReader.EntryPattern().IsMatch(l));
        var firstLong = significant.FindIndex(l => l.Length >= 100);
        if (firstEntry >= 0 && (firstLong < 0 || firstEntry < firstLong))
        {
            return ContentKind.ArxivListing;
        }

        var first = significant[0];
        if (IsMarkdownHeading(first) || significant.Exists(l => l.StartsWith('|') && l.EndsWith('|') && l.Contains("---", StringComparison.Ordinal)))
        {
            return ContentKind.Markdown;
        }

        if (first.Equals("label\treplace by", StringComparison.OrdinalIgnoreCase)
            || first.StartsWith("id\tlabel", StringComparison.OrdinalIgnoreCase)
            || significant.TrueForAll(l => l.Split('\t') is { Length: 2 or 3 } cells && cells.All(c => double.TryParse(c, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))))
        {
            return ContentKind.VosViewer;
        }

        // Page text has abstracts; a whole file without a line long enough for one would give papers made of words.
        if (whole && significant.TrueForAll(l => l.Length < WordListMaxLine))
        {
            return ContentKind.WordList;
        }

        return significant.Exists(l => !Readers.DailyPapersTextReader.IsMarkup(l) && Readers.DailyPapersTextReader.Classify(l, 0).Kind is not (Readers.DailyPapersTextReader.ItemKind.Text or Readers.DailyPapersTextReader.ItemKind.Separator))
            ? ContentKind.DailyPapers
            : ContentKind.PlainText;
    }

    /// <summary>A Markdown heading: one to six <c>#</c> and a space (<c>#InsTag</c>, a hashtag, is not one).</summary>
    internal static bool IsMarkdownHeading(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        return level is >= 1 and <= 6 && (level == line.Length || line[level] == ' ');
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
    {
        for (var i = 0; i + lowerNeedle.Length <= haystack.Length; i++)
        {
            var match = true;
            for (var j = 0; j < lowerNeedle.Length && match; j++)
            {
                match = (haystack[i + j] | 0x20) == lowerNeedle[j];
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }
}

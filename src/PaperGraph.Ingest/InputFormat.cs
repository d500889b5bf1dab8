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
}

/// <summary>Chooses a reader for a file.</summary>
public static class FormatDetector
{
    /// <summary>File name endings read when a folder is walked (each may be followed by <c>.gz</c>).</summary>
    public static readonly IReadOnlyList<string> KnownExtensions = [".txt", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".tab"];

    public static bool HasKnownExtension(string path) => FromExtension(path) != InputFormat.Auto;

    /// <summary>The format a file name suggests, or <see cref="InputFormat.Auto"/> when it suggests none.</summary>
    public static InputFormat FromExtension(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".txt" or ".text" or ".md" => InputFormat.DailyPapers,
            ".jsonl" or ".ndjson" or ".json" => InputFormat.JsonLines,
            ".csv" => InputFormat.Csv,
            ".tsv" or ".tab" => InputFormat.Tsv,
            _ => InputFormat.Auto,
        };
    }

    /// <summary>The format the first bytes of the content suggest.</summary>
    public static InputFormat FromContent(ReadOnlySpan<byte> peek)
    {
        var text = peek.TrimStart(" \t\r\n"u8);
        if (text.Length > 0 && text[0] == (byte)'{')
        {
            return InputFormat.JsonLines;
        }

        var firstLineEnd = text.IndexOf((byte)'\n');
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var tabs = firstLine.Count((byte)'\t');
        var commas = firstLine.Count((byte)',') + firstLine.Count((byte)';');
        var looksLikeHeader = firstLine.Length < 2000 && (tabs > 0 || commas > 0)
            && ContainsIgnoreCase(firstLine, "abstract"u8) && ContainsIgnoreCase(firstLine, "title"u8);
        if (looksLikeHeader)
        {
            return tabs > commas ? InputFormat.Tsv : InputFormat.Csv;
        }

        return InputFormat.DailyPapers;
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

using System.Text;
using PaperGraph.Core;
using PaperGraph.Ingest.Input;

namespace PaperGraph.Ingest.Readers;

/// <summary>Reads CSV or TSV with a header row that names the title and abstract columns.</summary>
/// <remarks>
/// RFC 4180: fields may be quoted with <c>"</c>, a quoted field may hold delimiters, doubled quotes and line
/// breaks. The delimiter is a tab for TSV; for CSV, whichever of comma, semicolon and tab the header uses most.
/// Header names are matched case-insensitively, ignoring spaces and punctuation, against the aliases in
/// <see cref="Columns"/>. A row whose field count differs from the header's is skipped with its line, since it
/// usually means a broken quote.
/// </remarks>
internal sealed class CsvPaperReader(char? delimiter, int maxRecordBytes) : IPaperReader
{
    /// <summary>Accepted header names per field, after lower-casing and removing non-alphanumerics.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>
    {
        ["title"] = ["title", "papertitle", "articletitle"],
        ["abstract"] = ["abstract", "summary", "abstracttext", "paperabstract"],
        ["id"] = ["id", "arxivid", "arxiv", "eprint", "paperid"],
        ["date"] = ["date", "published", "publicationdate", "publisheddate", "created", "submitted", "updatedate", "year"],
        ["categories"] = ["categories", "category", "subjects", "primarycategory"],
        ["authors"] = ["authors", "author", "numauthors", "authorcount"],
        ["upvotes"] = ["upvotes", "votes", "likes"],
    };

    public IEnumerable<PaperRecord> Read(LineSource source)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        Dictionary<string, int>? map = null;
        var headerCount = 0;
        var separator = delimiter ?? ',';

        while (true)
        {
            var status = ReadRecord(source, separator, fields, field, out var startLine);
            if (status == RecordStatus.End)
            {
                yield break;
            }

            if (status == RecordStatus.Broken)
            {
                continue;
            }

            if (map is null)
            {
                if (fields.Count == 1 && fields[0].Length == 0)
                {
                    continue;
                }

                if (delimiter is null && fields.Count == 1)
                {
                    // The header was split on the wrong delimiter; pick the most frequent one and split again.
                    separator = GuessDelimiter(fields[0]);
                    fields = [.. fields[0].Split(separator)];
                }

                map = MapHeader(fields, source);
                headerCount = fields.Count;
                continue;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != headerCount)
            {
                source.Diagnostics.Add(ErrorCodes.MalformedCsv, $"{source.DisplayPath}:{startLine}",
                    $"the row has {fields.Count} fields but the header has {headerCount}; check the quoting of this row.");
                continue;
            }

            string? Get(string name) => map.TryGetValue(name, out var index) && fields[index].Length > 0 ? fields[index] : null;

            var authorsText = Get("authors");
            yield return new PaperRecord(
                source.DisplayPath,
                startLine,
                Get("id"),
                Get("title"),
                Get("abstract"),
                AuthorList.Count(authorsText),
                Get("date"),
                int.TryParse(Get("upvotes"), out var upvotes) ? upvotes : null,
                Categories: Get("categories") is { } categories
                    ? categories.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : null,
                AuthorNames: AuthorList.Names(authorsText) is { Count: > 0 } names ? names : null);
        }
    }

    private enum RecordStatus
    {
        Record,
        Broken,
        End,
    }

    /// <summary>Reads one record, which spans several lines when a quoted field holds line breaks.</summary>
    private RecordStatus ReadRecord(LineSource source, char separator, List<string> fields, StringBuilder field, out long startLine)
    {
        fields.Clear();
        field.Clear();
        startLine = 0;
        var inQuotes = false;
        var quoteOpenedOn = 0L;
        var recordChars = 0L;
        while (source.Next(out var bytes))
        {
            if (startLine == 0)
            {
                startLine = source.LineNumber;
            }

            var line = LineSource.Decode(bytes);
            recordChars += line.Length;
            if (recordChars > maxRecordBytes)
            {
                source.Diagnostics.Add(ErrorCodes.MalformedCsv, $"{source.DisplayPath}:{quoteOpenedOn}",
                    $"a quoted field opened here runs on past {maxRecordBytes:N0} characters (to line {source.LineNumber}); is a closing quote missing? Reading goes on from line {source.LineNumber + 1}.");
                fields.Clear();
                return RecordStatus.Broken;
            }

            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (inQuotes)
                {
                    if (c != '"')
                    {
                        field.Append(c);
                    }
                    else if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else if (c == separator)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '"' && IsBlank(field))
                {
                    field.Clear();
                    inQuotes = true;
                    quoteOpenedOn = source.LineNumber;
                }
                else
                {
                    field.Append(c);
                }
            }

            if (inQuotes)
            {
                field.Append('\n');
                continue;
            }

            fields.Add(field.ToString().Trim());
            return RecordStatus.Record;
        }

        if (inQuotes)
        {
            source.Diagnostics.Add(ErrorCodes.MalformedCsv, $"{source.DisplayPath}:{quoteOpenedOn}",
                "a quoted field opened here is never closed; expected a closing \" before the end of the file.");
            return RecordStatus.Broken;
        }

        return RecordStatus.End;
    }

    private static bool IsBlank(StringBuilder field)
    {
        for (var i = 0; i < field.Length; i++)
        {
            if (!char.IsWhiteSpace(field[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static char GuessDelimiter(string header)
    {
        var best = ',';
        var bestCount = 0;
        foreach (var candidate in (ReadOnlySpan<char>)[',', ';', '\t', '|'])
        {
            var count = header.AsSpan().Count(candidate);
            if (count > bestCount)
            {
                (best, bestCount) = (candidate, count);
            }
        }

        return best;
    }

    /// <summary>Whether <paramref name="line"/>, split on <paramref name="delimiter"/>, names a title and an abstract column.</summary>
    internal static bool IsHeader(string line, char delimiter)
    {
        var names = line.Split(delimiter).Select(Simplify).ToHashSet(StringComparer.Ordinal);
        return Columns["title"].Any(names.Contains) && Columns["abstract"].Any(names.Contains);
    }

    private static Dictionary<string, int> MapHeader(List<string> header, LineSource source)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = Simplify(header[i]);
            foreach (var (field, aliases) in Columns)
            {
                if (!map.ContainsKey(field) && aliases.Contains(name))
                {
                    map[field] = i;
                }
            }
        }

        var missing = new[] { "title", "abstract" }.Where(f => !map.ContainsKey(f)).ToArray();
        if (missing.Length > 0)
        {
            var found = string.Join(", ", header.Select(h => $"'{h}'"));
            var expected = string.Join(" and ", missing.Select(f => $"a '{f}' column (or {string.Join(", ", Columns[f].Skip(1))})"));
            throw new PaperGraphException(ErrorCodes.MissingColumns,
                $"{source.DisplayPath}:{source.LineNumber}: the header has columns {found}; expected {expected}.");
        }

        return map;
    }

    private static string Simplify(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}

using System.Text;
using System.Text.RegularExpressions;
using PaperGraph.Core;
using PaperGraph.Ingest.Input;

namespace PaperGraph.Ingest.Readers;

/// <summary>Reads text copied from an arXiv listing page ("new submissions"), or an arXiv mailing-list digest.</summary>
/// <remarks>
/// <para>Each entry starts with its id line, <c>[1] arXiv:2401.00011 [pdf, other]</c> (also with <c>(cross-list from
/// cs.AI)</c> or <c>(replaced)</c>, or without the <c>[n]</c>), followed by fields, one per line: <c>Title:</c>,
/// <c>Authors:</c>, <c>Comments:</c>, <c>Journal-ref:</c>, <c>Subjects:</c> (or <c>Categories:</c> in the digest),
/// then the abstract, up to the next entry or section heading. A field runs on over the lines that follow it until
/// the next field, a blank line or a <c>\\</c> line; a title wrapped onto several lines is joined. The categories are
/// the codes in parentheses of <c>Subjects:</c> (<c>Machine Learning (cs.LG)</c> gives <c>cs.LG</c>), or the
/// space-separated codes of <c>Categories:</c>. Text before the first entry (page headings) is passed over. A
/// replaced entry, listed without its abstract, is reported as such.</para>
/// </remarks>
internal sealed partial class ArxivListingTextReader : IPaperReader
{
    [GeneratedRegex(@"^(?:\[\d+\]\s*)?arXiv:(?<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z][a-z\-]*(?:\.[A-Za-z]{2})?/\d{7}(?:v\d+)?)(?<rest>.*)$")]
    internal static partial Regex EntryPattern();

    [GeneratedRegex(@"^(?<key>Title|Authors|Comments|Journal-ref|Subjects|Categories|DOI|Report-no|MSC-class|ACM-class|License|Date|From):\s*(?<value>.*)$")]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"^(?:New submissions|Cross submissions|Cross-lists|Replacement submissions|Replacements|Showing new listings|Total of \d+ entries)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\((?<code>[a-z][a-z\-]*(?:\.[A-Za-z\-]{2,})?)\)")]
    private static partial Regex SubjectCode();

    public IEnumerable<PaperRecord> Read(LineSource source)
    {
        Entry? entry = null;
        while (source.Next(out var bytes))
        {
            var raw = LineSource.Decode(bytes);
            var line = raw.Trim();
            if (EntryPattern().Match(line) is { Success: true } start)
            {
                if (Complete(entry, source) is { } done)
                {
                    yield return done;
                }

                entry = new Entry(start.Groups["id"].Value, source.LineNumber,
                    start.Groups["rest"].Value.Contains("(replaced)", StringComparison.OrdinalIgnoreCase));
                continue;
            }

            if (entry is null)
            {
                continue;
            }

            if (HeadingPattern().IsMatch(line))
            {
                if (Complete(entry, source) is { } done)
                {
                    yield return done;
                }

                entry = null;
                continue;
            }

            entry.Add(raw, line);
        }

        if (Complete(entry, source) is { } last)
        {
            yield return last;
        }
    }

    private static PaperRecord? Complete(Entry? entry, LineSource source)
    {
        if (entry is null)
        {
            return null;
        }

        var location = $"{source.DisplayPath}:{entry.Line}";
        var title = entry.Field("Title");
        if (entry.Abstract.Length == 0 && entry.Replaced)
        {
            source.Diagnostics.Add(ErrorCodes.MissingAbstract, location,
                $"arXiv:{entry.Id} is a replaced entry, which listing pages show without its abstract; read the new version from the arXiv metadata (JSON Lines) instead.");
            return null;
        }

        var categories = entry.Field("Subjects") is { } subjects
            ? SubjectCode().Matches(subjects).Select(m => m.Groups["code"].Value).ToList()
            : entry.Field("Categories") is { } codes ? codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList() : null;
        return new PaperRecord(source.DisplayPath, entry.Line, entry.Id, title, entry.Abstract.ToString(),
            AuthorList.Count(entry.Field("Authors")), Categories: categories,
            AuthorNames: AuthorList.Names(entry.Field("Authors")) is { Count: > 0 } names ? names : null);
    }

    /// <summary>One entry as it is read: its fields, then its abstract.</summary>
    private sealed class Entry(string id, long line, bool replaced)
    {
        private readonly List<(string Key, StringBuilder Value)> _fields = [];
        private bool _headerDone;
        private bool _ended;

        public string Id { get; } = id;

        public long Line { get; } = line;

        public bool Replaced { get; } = replaced;

        public StringBuilder Abstract { get; } = new();

        public string? Field(string key) =>
            _fields.FirstOrDefault(f => f.Key == key).Value?.ToString().Trim() is { Length: > 0 } value ? value : null;

        public void Add(string raw, string line)
        {
            if (_ended)
            {
                return;
            }

            if (line.StartsWith(@"\\", StringComparison.Ordinal))
            {
                // The digest's "\\" stands before the abstract and after it (with the abstract's address).
                _ended = _headerDone && Abstract.Length > 0;
                _headerDone |= HasTitle;
                return;
            }

            if (line.Length == 0)
            {
                // A blank line after the fields ends them; one before the title (after the digest's Date:) is spacing.
                _headerDone |= HasTitle;
                return;
            }

            if (!_headerDone)
            {
                if (FieldPattern().Match(line) is { Success: true } field)
                {
                    _fields.Add((field.Groups["key"].Value, new StringBuilder(field.Groups["value"].Value)));
                    return;
                }

                if (_fields.Count > 0 && ContinuesField(raw))
                {
                    _fields[^1].Value.Append(' ').Append(line);
                    return;
                }

                _headerDone = HasTitle;
                if (!_headerDone)
                {
                    // Text between the id line and the title: sizes such as "(12kb)" and the like.
                    return;
                }
            }

            if (Abstract.Length > 0)
            {
                Abstract.Append(' ');
            }

            Abstract.Append(line);
        }

        private bool HasTitle => _fields.Exists(f => f.Key == "Title");

        /// <summary>
        /// Whether a line without a field name belongs to the field above: when indented, or while the listing has not
        /// reached its subject line (the fields' last), a wrapped title, author list or comment.
        /// </summary>
        private bool ContinuesField(string raw) =>
            (raw.Length > 0 && char.IsWhiteSpace(raw[0]))
            || (_fields[^1].Key is "Title" or "Authors" or "Comments" && !_fields.Exists(f => f.Key is "Subjects" or "Categories"));
    }
}

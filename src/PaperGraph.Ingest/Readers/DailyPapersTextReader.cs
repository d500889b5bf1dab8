using System.Globalization;
using System.Text.RegularExpressions;
using PaperGraph.Core;
using PaperGraph.Ingest.Input;

namespace PaperGraph.Ingest.Readers;

/// <summary>Reads text copied from Hugging Face Daily Papers pages.</summary>
/// <remarks>
/// <para>Two layouts occur. Listing: title, blank line, abstract, then optionally <c>• N authors</c> (or an
/// organisation name), a <c>·</c> line and a date such as <c>Aug 28, 2025</c> or <c>Jan 28</c>, optionally followed by
/// an upvote count. Alternating: a title line, then an abstract line, with no blank lines or metadata. Both are read
/// by one state machine, so a file may mix them.</para>
/// <para>Page chrome (<c>Subscribe</c>, <c>Daily Papers</c>, bare date headers such as <c>Jul 1</c>, …) is passed
/// over, also when glued to a title (<c>SubscribeComputational Limits…</c>). A text line is an abstract when it is
/// long or several sentences; a short line after a title is the title's (short) abstract unless the line after it
/// is an abstract, in which case the first title had no abstract and is reported.</para>
/// </remarks>
internal sealed partial class DailyPapersTextReader : IPaperReader
{
    private const int AbstractMinLength = 200;

    private static readonly HashSet<string> Chrome = new(StringComparer.OrdinalIgnoreCase)
    {
        "new", "Subscribe", "Daily Papers", "byAK and the research community", "Trending Papers",
    };

    [GeneratedRegex(@"^•?\s*(?<n>\d+)\s+authors?$")]
    private static partial Regex AuthorsPattern();

    [GeneratedRegex(@"^(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?<day>\d{1,2})(?:(?:,\s*|\s+)(?<year>\d{4}))?(?:\s+(?<votes>\d{1,6}))?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"[.!?]\s+[A-Z(]")]
    private static partial Regex SentenceBreak();

    public IEnumerable<PaperRecord> Read(LineSource source)
    {
        var lines = Classify(source).GetEnumerator();
        var lookahead = new Queue<Item>();
        Entry? current = null;

        while (TryTake(lines, lookahead, out var item))
        {
            switch (item.Kind)
            {
                case ItemKind.Authors when current is not null:
                    current.Authors = item.Number;
                    current.InMeta = true;
                    break;

                case ItemKind.Separator when current is not null:
                    current.InMeta = true;
                    break;

                case ItemKind.Date when current is { Closed: false } && (current.InMeta || item.Year is not null) && current.Abstract is not null:
                    current.Date = item.Text;
                    current.Upvotes = item.Number;
                    current.Closed = true;
                    break;

                case ItemKind.Text:
                {
                    var next = Peek(lines, lookahead);
                    if (next.Kind == ItemKind.Separator && current is not null && current.Abstract is not null && !current.InMeta)
                    {
                        current.Organization = item.Text;
                        current.InMeta = true;
                        break;
                    }

                    var isAbstract = IsAbstractLike(item.Text);
                    if (current is null || current.Closed || current.InMeta || current.Abstract is not null)
                    {
                        if (Complete(current, source) is { } done)
                        {
                            yield return done;
                        }

                        current = new Entry();
                        if (isAbstract)
                        {
                            current.Abstract = item.Text;
                            current.Line = item.Line;
                        }
                        else
                        {
                            current.Title = item.Text;
                            current.Line = item.Line;
                        }
                    }
                    else if (isAbstract || !(next.Kind == ItemKind.Text && IsAbstractLike(next.Text)))
                    {
                        // After a title: an abstract, or a short line that is this title's short abstract.
                        current.Abstract = item.Text;
                    }
                    else
                    {
                        // Two titles in a row: the first one has no abstract.
                        if (Complete(current, source) is { } done)
                        {
                            yield return done;
                        }

                        current = new Entry { Title = item.Text, Line = item.Line };
                    }

                    break;
                }

                default:
                    // Chrome, date headers, and metadata with no entry to attach to.
                    break;
            }
        }

        if (Complete(current, source) is { } last)
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

        if (entry.Abstract is null)
        {
            source.Diagnostics.Add(ErrorCodes.TitleWithoutAbstract, $"{source.DisplayPath}:{entry.Line}",
                $"the title \"{Shorten(entry.Title)}\" is not followed by an abstract; expected an abstract on the next text line.");
            return null;
        }

        return new PaperRecord(source.DisplayPath, entry.Line, null, entry.Title, entry.Abstract, entry.Authors, entry.Date,
            entry.Upvotes, entry.Organization);
    }

    private static bool IsAbstractLike(string text) =>
        text.Length >= AbstractMinLength || (text.Length >= 60 && text.EndsWith('.') && SentenceBreak().IsMatch(text));

    private IEnumerable<Item> Classify(LineSource source)
    {
        while (source.Next(out var bytes))
        {
            var line = LineSource.Decode(bytes).Trim();
            yield return Classify(line, source.LineNumber);
        }
    }

    internal static Item Classify(string line, long number)
    {
        if (line.Length == 0)
        {
            return new Item(ItemKind.Blank, line, number);
        }

        if (Chrome.Contains(line) || line.StartsWith("Get trending papers", StringComparison.OrdinalIgnoreCase) || IsMarkup(line))
        {
            return new Item(ItemKind.Chrome, line, number);
        }

        if (line is "·" or "•" or "-")
        {
            return new Item(ItemKind.Separator, line, number);
        }

        if (line.Length < 40)
        {
            if (AuthorsPattern().Match(line) is { Success: true } authors)
            {
                return new Item(ItemKind.Authors, line, number, int.Parse(authors.Groups["n"].ValueSpan, CultureInfo.InvariantCulture));
            }

            if (DatePattern().Match(line) is { Success: true } date)
            {
                var month = DateTime.ParseExact(date.Groups["month"].Value, "MMM", CultureInfo.InvariantCulture).Month;
                var day = int.Parse(date.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
                var year = date.Groups["year"].Success ? int.Parse(date.Groups["year"].ValueSpan, CultureInfo.InvariantCulture) : (int?)null;
                var votes = date.Groups["votes"].Success ? int.Parse(date.Groups["votes"].ValueSpan, CultureInfo.InvariantCulture) : (int?)null;
                var iso = year is { } y ? $"{y:D4}-{month:D2}-{day:D2}" : $"--{month:D2}-{day:D2}";
                return new Item(ItemKind.Date, iso, number, votes, year);
            }
        }

        // Page chrome glued to the first title when the page was copied: "SubscribeComputational Limits of ...".
        if (line.Length > "Subscribe".Length && line.StartsWith("Subscribe", StringComparison.Ordinal)
            && (char.IsUpper(line["Subscribe".Length]) || char.IsDigit(line["Subscribe".Length])))
        {
            line = line["Subscribe".Length..];
        }

        return new Item(ItemKind.Text, line, number);
    }

    /// <summary>
    /// A line that no Daily Papers title or abstract starts with: Markdown (<c>#</c> headings, <c>|</c> table rows),
    /// <c>[1] arXiv:…</c> ids and the <c>Title:</c>, <c>Authors:</c>… fields of arXiv listings (a listing is read by
    /// its own reader; these guard text that mixes them in past the part the format was chosen from).
    /// </summary>
    internal static bool IsMarkup(string line) =>
        line[0] is '#' or '|' or '['
        || line.StartsWith("Title:", StringComparison.Ordinal) || line.StartsWith("Authors:", StringComparison.Ordinal)
        || line.StartsWith("Comments:", StringComparison.Ordinal) || line.StartsWith("Subjects:", StringComparison.Ordinal)
        || line.StartsWith("Journal-ref:", StringComparison.Ordinal);

    private static bool TryTake(IEnumerator<Item> lines, Queue<Item> lookahead, out Item item)
    {
        if (lookahead.TryDequeue(out item))
        {
            return true;
        }

        while (lines.MoveNext())
        {
            item = lines.Current;
            if (item.Kind is not (ItemKind.Blank or ItemKind.Chrome))
            {
                return true;
            }
        }

        item = default;
        return false;
    }

    /// <summary>The next significant item without consuming it (<see cref="ItemKind.Blank"/> at the end).</summary>
    private static Item Peek(IEnumerator<Item> lines, Queue<Item> lookahead)
    {
        if (lookahead.TryPeek(out var queued))
        {
            return queued;
        }

        if (TryTake(lines, lookahead, out var next))
        {
            lookahead.Enqueue(next);
            return next;
        }

        return default;
    }

    private static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    internal enum ItemKind
    {
        Blank,
        Chrome,
        Separator,
        Authors,
        Date,
        Text,
    }

    /// <param name="Number">Author count for <see cref="ItemKind.Authors"/>, upvotes for <see cref="ItemKind.Date"/>.</param>
    internal readonly record struct Item(ItemKind Kind, string Text, long Line, int? Number = null, int? Year = null);

    private sealed class Entry
    {
        public string? Title { get; set; }

        public string? Abstract { get; set; }

        public long Line { get; set; }

        public int? Authors { get; set; }

        public string? Organization { get; set; }

        public string? Date { get; set; }

        public int? Upvotes { get; set; }

        /// <summary>Metadata has started (authors, organisation or separator): the next text starts a new entry.</summary>
        public bool InMeta { get; set; }

        /// <summary>The date was read: the entry is complete.</summary>
        public bool Closed { get; set; }
    }
}

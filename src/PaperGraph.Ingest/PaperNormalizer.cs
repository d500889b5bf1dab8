using System.Globalization;
using System.Text.RegularExpressions;
using PaperGraph.Core;
using PaperGraph.Ingest.Text;

namespace PaperGraph.Ingest;

/// <summary>Turns a <see cref="PaperRecord"/> into a <see cref="Paper"/>: normalised text, LaTeX marks, id, ISO date.</summary>
public static partial class PaperNormalizer
{
    [GeneratedRegex(@"^(?:(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/|arxiv:)?(?<id>\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?(?:\.pdf)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ArxivIdPattern();

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-dd HH:mm:ss",
        "ddd, d MMM yyyy HH:mm:ss 'GMT'", "d MMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "yyyy/MM/dd", "yyyy-MM", "yyyy",
    ];

    /// <summary>The paper, or null (with the reason added to <paramref name="diagnostics"/>) when it has no abstract.</summary>
    public static Paper? Normalize(PaperRecord record, IngestDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(diagnostics);

        var abstractText = record.Abstract is null ? "" : TextNormalizer.Normalize(record.Abstract);
        var title = record.Title is null ? null : TextNormalizer.Normalize(record.Title);
        if (title is { Length: 0 })
        {
            title = null;
        }

        if (abstractText.Length == 0)
        {
            diagnostics.Add(ErrorCodes.MissingAbstract, record.Location,
                title is null ? "the record has neither title nor abstract." : $"\"{title}\" has no abstract; expected a non-empty abstract.");
            return null;
        }

        return new Paper
        {
            Id = ArxivId(record.Id) ?? IdFromText(title, abstractText),
            Title = title,
            Abstract = abstractText,
            Authors = record.Authors,
            AuthorNames = record.AuthorNames is { Count: > 0 } names ? [.. names.Select(TextNormalizer.Normalize).Where(n => n.Length > 0)] : [],
            Published = IsoDate(record.Date),
            Upvotes = record.Upvotes,
            Organization = record.Organization is null ? null : TextNormalizer.Normalize(record.Organization),
            Categories = record.Categories is { Count: > 0 } categories ? [.. categories.Distinct(StringComparer.Ordinal)] : [],
            TitleLatex = title is null ? [] : LatexScanner.Find(title),
            AbstractLatex = LatexScanner.Find(abstractText),
            Sources = [record.Location],
        };
    }

    /// <summary>The canonical arXiv id (no prefix, URL or version) or null when <paramref name="id"/> is not one.</summary>
    public static string? ArxivId(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var match = ArxivIdPattern().Match(id.Trim());
        if (!match.Success)
        {
            return null;
        }

        var value = match.Groups["id"].Value;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return value;
        }

        // Old-style ids: archive in lower case, subject class in upper case (math.GT/0309136).
        var archive = value[..slash];
        var dot = archive.IndexOf('.', StringComparison.Ordinal);
        archive = dot < 0 ? archive.ToLowerInvariant() : archive[..dot].ToLowerInvariant() + archive[dot..].ToUpperInvariant();
        return archive + value[slash..];
    }

    /// <summary>The id of a paper with no arXiv id: from its title, or its abstract when it has no title.</summary>
    public static string IdFromText(string? title, string abstractText)
    {
        var key = title is not null ? PaperKeys.TitleKey(title) : "";
        if (key.Length == 0)
        {
            var abstractKey = PaperKeys.TitleKey(abstractText);
            key = "abstract:" + abstractKey[..Math.Min(abstractKey.Length, 400)];
        }

        return PaperKeys.HashId(key);
    }

    /// <summary>ISO 8601 text for a date in one of the common forms; <c>--MM-dd</c> stays yearless; null if unparseable.</summary>
    public static string? IsoDate(string? date)
    {
        if (string.IsNullOrWhiteSpace(date))
        {
            return null;
        }

        date = date.Trim();
        if (date.Length == 7 && date.StartsWith("--", StringComparison.Ordinal))
        {
            return date;
        }

        if (DateTime.TryParseExact(date, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return date.Length == 4 ? date : date.Length == 7 && date[4] == '-' ? date : parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return DateTime.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out parsed)
            ? parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }
}

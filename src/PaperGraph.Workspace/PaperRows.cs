using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using PaperGraph.Core;

namespace PaperGraph.Workspace;

/// <summary>Maps <see cref="Paper"/> to and from rows of the <c>papers</c> table.</summary>
internal static class PaperRows
{
    public const string Columns = "id, title, abstract, authors, published, upvotes, organization, categories, title_latex, abstract_latex, sources, title_key, revision, author_names";

    public static Paper Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Title = reader.IsDBNull(1) ? null : reader.GetString(1),
        Abstract = reader.GetString(2),
        Authors = reader.IsDBNull(3) ? null : reader.GetInt32(3),
        Published = reader.IsDBNull(4) ? null : reader.GetString(4),
        Upvotes = reader.IsDBNull(5) ? null : reader.GetInt32(5),
        Organization = reader.IsDBNull(6) ? null : reader.GetString(6),
        Categories = Split(reader.GetString(7), ' '),
        TitleLatex = ParseRanges(reader.GetString(8)),
        AbstractLatex = ParseRanges(reader.GetString(9)),
        Sources = Split(reader.GetString(10), '\n'),
        AuthorNames = Split(reader.GetString(13), '\n'),
    };

    public static string FormatRanges(IReadOnlyList<TextRange> ranges)
    {
        if (ranges.Count == 0)
        {
            return "";
        }

        var builder = new StringBuilder(ranges.Count * 8);
        foreach (var range in ranges)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(CultureInfo.InvariantCulture, $"{range.Start}+{range.Length}");
        }

        return builder.ToString();
    }

    public static IReadOnlyList<TextRange> ParseRanges(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var ranges = new List<TextRange>();
        foreach (var part in text.Split(' '))
        {
            var plus = part.IndexOf('+', StringComparison.Ordinal);
            ranges.Add(new TextRange(
                int.Parse(part.AsSpan(0, plus), CultureInfo.InvariantCulture),
                int.Parse(part.AsSpan(plus + 1), CultureInfo.InvariantCulture)));
        }

        return ranges;
    }

    private static IReadOnlyList<string> Split(string text, char separator) =>
        text.Length == 0 ? [] : text.Split(separator);
}

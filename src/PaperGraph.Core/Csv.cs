using System.Text;

namespace PaperGraph.Core;

/// <summary>PaperGraph's one CSV writer and reader (RFC 4180): every CSV file and row it prints goes through here.</summary>
/// <remarks>
/// A field holding a comma, a quote or a line break is quoted, its quotes doubled. Files are written whole or not at
/// all by <see cref="AtomicFile"/>. neo4j-admin reads an unquoted empty field as no value and a quoted one as the empty
/// string, so its writer passes <c>quoteEmpty</c> and leaves nulls unquoted.
/// </remarks>
public static class Csv
{
    /// <summary>Appends one field to <paramref name="line"/>; null appends nothing, an empty string <c>""</c> when <paramref name="quoteEmpty"/>.</summary>
    public static void AppendField(StringBuilder line, string? field, bool quoteEmpty = false)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (field is null)
        {
            return;
        }

        if ((quoteEmpty && field.Length == 0) || NeedsQuotes(field))
        {
            line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            line.Append(field);
        }
    }

    /// <summary>Writes one row and its line break (<c>\r\n</c> as RFC 4180 has it, unless <paramref name="newline"/> says otherwise).</summary>
    public static void WriteRow(TextWriter writer, IReadOnlyList<string> fields, string newline = "\r\n")
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fields);
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var field = fields[i];
            if (NeedsQuotes(field))
            {
                writer.Write('"');
                writer.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(field);
            }
        }

        writer.Write(newline);
    }

    /// <summary>Splits one line written by <see cref="WriteRow"/> back into fields (quotes undone; no line breaks inside fields).</summary>
    public static List<string> ReadRow(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static bool NeedsQuotes(string field) => field.AsSpan().IndexOfAny(",\"\r\n") >= 0;
}

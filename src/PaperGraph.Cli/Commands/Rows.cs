using System.Globalization;
using System.Text;
using System.Text.Json;
using PaperGraph.Graph.Export;
using PaperGraph.Core;

namespace PaperGraph.Cli.Commands;

/// <summary>How commands print rows: table cells for people, CSV or JSON for scripts.</summary>
internal static class Rows
{
    /// <summary>A table cell: the text, cut to <paramref name="length"/> characters with an ellipsis.</summary>
    internal static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>
    /// Writes rows for a script: CSV (a header of <paramref name="columns"/>, then one line per row), or one JSON document
    /// whose <paramref name="arrayName"/> array holds an object per row, after the fields <paramref name="head"/> writes.
    /// Columns are named in camel case (<c>weightedDegree</c>); the CSV header spells them in snake case (<c>weighted_degree</c>).
    /// A value is a string, a whole number, a double, a bool or null.
    /// </summary>
    internal static void Write(TextWriter output, OutputFormat format, string arrayName, string[] columns, IEnumerable<object?[]> rows, Action<Utf8JsonWriter>? head = null)
    {
        var inv = CultureInfo.InvariantCulture;
        if (format == OutputFormat.Csv)
        {
            // CSV headers in snake case, as the build's files have them; JSON names in camel case.
            Csv.WriteRow(output, columns.Select(c => string.Concat(c.Select(ch => char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : ch.ToString()))).ToList());
            foreach (var row in rows)
            {
                Csv.WriteRow(output, row.Select(v => v switch
                {
                    null => "",
                    double d => d.ToString("R", inv),
                    bool b => b ? "true" : "false",
                    IFormattable f => f.ToString(null, inv),
                    _ => v.ToString() ?? "",
                }).ToList());
            }

            return;
        }

        WriteJson(output, json =>
        {
            head?.Invoke(json);
            json.WriteStartArray(arrayName);
            foreach (var row in rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < columns.Length; i++)
                {
                    json.WritePropertyName(columns[i]);
                    switch (row[i])
                    {
                        case null: json.WriteNullValue(); break;
                        case string text: json.WriteStringValue(text); break;
                        case int whole: json.WriteNumberValue(whole); break;
                        case long whole: json.WriteNumberValue(whole); break;
                        case double real: json.WriteNumberValue(real); break;
                        case bool flag: json.WriteBooleanValue(flag); break;
                        default: json.WriteStringValue(row[i]!.ToString()); break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    /// <summary>Writes one JSON document (an object filled by <paramref name="body"/>) and a line break.</summary>
    internal static void WriteJson(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}

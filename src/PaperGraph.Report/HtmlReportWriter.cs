using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using PaperGraph.Core;

namespace PaperGraph.Report;

/// <summary>Writes the map page: the embedded <c>report.html</c> with <c>report.css</c>, <c>report.js</c> and the data inlined, as one file.</summary>
/// <remarks>
/// The template's holes are <c>{{title}}</c>, <c>{{style}}</c>, <c>{{data}}</c> and <c>{{script}}</c>, filled in one
/// pass so that text in the data can never be read as a hole. The data goes into
/// <c>&lt;script type="application/json" id="data"&gt;</c> as JSON whose <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes,
/// U+2028 and U+2029 are <c>\uXXXX</c> escapes (System.Text.Json's default encoder), so no name or title can end the
/// element or start a comment; the page reads it with <c>JSON.parse</c> and inserts every text with <c>textContent</c>.
/// </remarks>
public static partial class HtmlReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,

        // Every letter as itself (smaller than \uXXXX for non-Latin names); the encoder still escapes the
        // HTML-sensitive characters (< > & ' " + `) and the line and paragraph separators, whatever the ranges.
        Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>Writes the page for <paramref name="data"/> to <paramref name="path"/>, whole or not at all.</summary>
    public static void Write(ReportData data, string path)
    {
        ArgumentNullException.ThrowIfNull(data);
        AtomicFile.WriteText(path, writer => writer.Write(Render(data)));
    }

    /// <summary>The page for <paramref name="data"/>.</summary>
    public static string Render(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var holes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = WebUtility.HtmlEncode(data.Title),
            ["style"] = Inlinable(Resource("report.css"), "style"),
            ["data"] = Json(data),
            ["script"] = Inlinable(Resource("report.js"), "script"),
        };
        return Hole().Replace(Resource("report.html"), m => holes.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"report.html has an unknown hole {m.Value}"));
    }

    /// <summary>The data as JSON that is safe inside a <c>script</c> element.</summary>
    internal static string Json(ReportData data)
    {
        var json = JsonSerializer.Serialize(data, JsonOptions);

        // The encoder promises this; a change of encoder must not silently open the page to injection.
        if (json.AsSpan().IndexOfAny("<>&\u2028\u2029") >= 0)
        {
            throw new InvalidOperationException("the report's JSON holds a character that could end its script element");
        }

        return json;
    }

    /// <summary>One of the page's files, as embedded in this assembly.</summary>
    internal static string Resource(string name)
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream("page/" + name)
            ?? throw new InvalidOperationException($"the page file {name} is not embedded in {typeof(HtmlReportWriter).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Checks that our own page code cannot end the element it is inlined into.</summary>
    private static string Inlinable(string code, string element) => code.Contains("</" + element, StringComparison.OrdinalIgnoreCase) || code.Contains("<!--", StringComparison.Ordinal)
        ? throw new InvalidOperationException($"the page's {element} contains '</{element}' or '<!--', which would end or break its element")
        : code;

    [GeneratedRegex(@"\{\{([a-z]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Hole();
}

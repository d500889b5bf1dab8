using System.Reflection;
using System.Text;

namespace PaperGraph.Neo4j;

/// <summary>The files of the repository's <c>cypher/</c> folder, embedded in this assembly: what users read is what runs.</summary>
public static class CypherFiles
{
    private static readonly Assembly Assembly = typeof(CypherFiles).Assembly;

    /// <summary>The text of <paramref name="path"/>, relative to <c>cypher/</c> with forward slashes (e.g. <c>sync/upsert-papers.cypher</c>).</summary>
    public static string Read(string path)
    {
        using var stream = Assembly.GetManifestResourceStream("cypher/" + path)
            ?? throw new ArgumentException($"cypher/{path} is not embedded (have: {string.Join(", ", Names())}).", nameof(path));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Every embedded path, relative to <c>cypher/</c>.</summary>
    public static IEnumerable<string> Names() =>
        Assembly.GetManifestResourceNames().Where(n => n.StartsWith("cypher/", StringComparison.Ordinal)).Select(n => n["cypher/".Length..]).Order(StringComparer.Ordinal);

    /// <summary>The statements of <c>schema.cypher</c>, in order.</summary>
    public static IReadOnlyList<string> SchemaStatements() => Statements(Read("schema.cypher"));

    /// <summary>The shipped queries by file name without extension (<c>top-concepts</c>), from <c>queries/</c>.</summary>
    public static IReadOnlyDictionary<string, string> Queries() =>
        Names().Where(n => n.StartsWith("queries/", StringComparison.Ordinal))
            .ToDictionary(n => Path.GetFileNameWithoutExtension(n), n => Statements(Read(n)).Single(), StringComparer.Ordinal);

    /// <summary>The one statement of a file of <c>sync/</c>, by name without extension (<c>upsert-papers</c>).</summary>
    public static string Sync(string name) => Statements(Read($"sync/{name}.cypher")).Single();

    /// <summary>Splits Cypher text into statements: <c>//</c> comment lines dropped, statements ended by a <c>;</c> at the end of a line (or the end of the text).</summary>
    public static IReadOnlyList<string> Statements(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var statements = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("//", StringComparison.Ordinal) || line.Length == 0)
            {
                continue;
            }

            var ends = line.EndsWith(';');
            current.Append(current.Length == 0 ? "" : "\n").Append(ends ? line[..^1] : line);
            if (ends)
            {
                statements.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            statements.Add(current.ToString());
        }

        return statements;
    }
}

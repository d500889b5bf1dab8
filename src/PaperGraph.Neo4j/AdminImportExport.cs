using System.Globalization;
using System.Text;
using PaperGraph.Core;
using PaperGraph.Workspace;

namespace PaperGraph.Neo4j;

/// <summary>One header file and one data file for <c>neo4j-admin database import</c>.</summary>
/// <param name="Option">The importer option (<c>nodes</c> or <c>relationships</c>).</param>
/// <param name="Name">The label or relationship type the files hold.</param>
public sealed record AdminImportFiles(string Option, string Name, string HeaderPath, string DataPath, long Rows);

/// <summary>What <see cref="AdminImportExport.Write"/> wrote, and the command that imports it.</summary>
public sealed record AdminImport(IReadOnlyList<AdminImportFiles> Files, string SchemaPath, char ArrayDelimiter, string Command);

/// <summary>Writes the workspace's graph as CSV files for <c>neo4j-admin database import full</c>: the fastest way to load a big graph into a new database.</summary>
/// <remarks>
/// The graph model is <see cref="GraphModel"/>'s, row for row, so an imported database matches a synced one (without the
/// <c>:PaperGraphSync</c> marker: a later <c>papergraph sync</c> to it sends every row once). Each kind has a header file
/// naming typed columns (<c>papers:int</c>, <c>aliases:string[]</c>, ID spaces Paper, Concept and Community) and a data
/// file; fields are RFC 4180 quoted when needed; a missing value is an empty unquoted field (no property), an empty
/// text a quoted one. Aliases are joined with a delimiter none of them contains.
/// </remarks>
public static class AdminImportExport
{
    private static readonly char[] DelimiterCandidates = ['|', ';', '¦', '¤', '\t'];

    public static AdminImport Write(WorkspaceDatabase workspace, string directory, string database, bool allConcepts)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        EnvironmentErrors.CreateFolder(directory);
        var (concepts, communities) = GraphModel.ConceptsAndCommunities(workspace, allConcepts);
        var delimiter = DelimiterCandidates.FirstOrDefault(d => !concepts.Any(c => ((IEnumerable<string>)c.Properties.Values[2]!).Any(a => a.Contains(d, StringComparison.Ordinal))));
        if (delimiter == default)
        {
            throw new InvalidOperationException("Every candidate array delimiter occurs in some alias.");
        }

        var files = new List<AdminImportFiles>
        {
            WriteKind(directory, "nodes", "Paper", "papers", "id:ID(Paper),title,published,source,authors:int,upvotes:int",
                GraphModel.Papers(workspace).Select(r => r.Properties.Values[..^1]), delimiter),
            WriteKind(directory, "nodes", "Author", "authors", "name:ID(Author)",
                GraphModel.Papers(workspace).SelectMany(r => (string[])r.Properties.Values[^1]!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                    .Select(name => new object?[] { name }), delimiter),
            WriteKind(directory, "relationships", "WRITTEN_BY", "authorship", ":START_ID(Paper),:END_ID(Author)",
                GraphModel.Papers(workspace).SelectMany(r => ((string[])r.Properties.Values[^1]!).Distinct(StringComparer.Ordinal)
                    .Select(name => new object?[] { r.Key, name })), delimiter),
            WriteKind(directory, "nodes", "Concept", "concepts",
                "key:ID(Concept),name,aliases:string[],longForm,papers:int,occurrences:int,degree:int,weightedDegree:double,pagerank:double,betweenness:double,eigenvector:double,core:int,community:int,component:int,keyphraseness:double,topic:double,firstMonth,burstStarts:string[],burstEnds:string[],burstStrengths:double[],:LABEL",
                concepts.Select(r => r.Properties.Values[..^1].Append(r.Properties.Values[^1] is true ? "Central" : null).ToArray()), delimiter),
            WriteKind(directory, "nodes", "Community", "communities", ":ID(Community),id:int,size:int,label",
                communities.Select(r => r.Properties.Values.Prepend(Convert.ToString(r.Properties.Values[0], CultureInfo.InvariantCulture)).ToArray()), delimiter),
            WriteKind(directory, "relationships", "MENTIONS", "mentions", ":START_ID(Paper),:END_ID(Concept),count:int,score:double,inTitle:boolean",
                GraphModel.Mentions(workspace, allConcepts).Select(r => r.Properties.Values), delimiter),
            WriteKind(directory, "relationships", "CO_OCCURS", "links", ":START_ID(Concept),:END_ID(Concept),papers:int,count:double,weight:double,npmi:double,associationStrength:double",
                GraphModel.Links(workspace).Select(r => r.Properties.Values), delimiter),
            WriteKind(directory, "relationships", "IN_COMMUNITY", "memberships", ":START_ID(Concept),:END_ID(Community)",
                concepts.Where(c => c.Properties.Values[12] is not null).Select(c => new object?[] { c.Key, Convert.ToString(c.Properties.Values[12], CultureInfo.InvariantCulture) }), delimiter),
        };

        var schema = Path.Combine(directory, "schema.cypher");
        AtomicFile.WriteAllText(schema, CypherFiles.Read("schema.cypher"));

        // The database name comes right after 'full': --nodes and --relationships take any number of values, and
        // neo4j-admin's parser (picocli) gives them every following argument up to the next option, so a name at the
        // end is read as one more file ("File 'neo4j' doesn't exist", Neo4j 5.19 and later).
        var command = new StringBuilder("neo4j-admin database import full ").Append(Quote(database)).Append(" --overwrite-destination");
        command.Append(CultureInfo.InvariantCulture, $" --array-delimiter={Quote(delimiter == '\t' ? "\\t" : delimiter.ToString())}");
        foreach (var file in files)
        {
            command.Append(CultureInfo.InvariantCulture, $" \\\n    --{file.Option}={file.Name}={Quote(Path.GetFullPath(file.HeaderPath) + "," + Path.GetFullPath(file.DataPath))}");
        }

        return new AdminImport(files, schema, delimiter, command.ToString());
    }

    private static AdminImportFiles WriteKind(string directory, string option, string name, string stem, string header, IEnumerable<object?[]> rows, char arrayDelimiter)
    {
        var headerPath = Path.Combine(directory, stem + ".header.csv");
        var dataPath = Path.Combine(directory, stem + ".csv");
        AtomicFile.WriteAllText(headerPath, header + "\n");
        long count = 0;
        AtomicFile.WriteText(dataPath, writer =>
        {
            var line = new StringBuilder();
            foreach (var row in rows)
            {
                line.Clear();
                for (var i = 0; i < row.Length; i++)
                {
                    if (i > 0)
                    {
                        line.Append(',');
                    }

                    AppendField(line, row[i], arrayDelimiter);
                }

                writer.Write(line.Append('\n'));
                count++;
            }
        });

        return new AdminImportFiles(option, name, headerPath, dataPath, count);
    }

    private static void AppendField(StringBuilder line, object? value, char arrayDelimiter)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IEnumerable<string> items => string.Join(arrayDelimiter, items),
            IEnumerable<double> numbers => string.Join(arrayDelimiter, numbers.Select(n => n.ToString("R", CultureInfo.InvariantCulture))),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        Csv.AppendField(line, text, quoteEmpty: true);
    }

    private static string Quote(string text) => text.AsSpan().IndexOfAny(" '\"$`\\|;&<>()*?[]{}!#~") < 0 ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

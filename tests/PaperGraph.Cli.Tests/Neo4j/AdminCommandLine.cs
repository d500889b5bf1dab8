using System.Text;

namespace PaperGraph.Cli.Tests.Neo4j;

/// <summary>
/// Reads a printed <c>neo4j-admin database import full</c> command the way neo4j-admin's option parser (picocli) does.
/// </summary>
/// <remarks>
/// The shell part: backslash-newline continues a line, single quotes quote literally, a backslash outside quotes escapes
/// the next character. The picocli part: <c>--nodes</c> and <c>--relationships</c> take one or more values (arity
/// <c>1..*</c>): the value attached with <c>=</c>, then every following argument up to the next one that starts with
/// <c>-</c>; an optional boolean (<c>--overwrite-destination</c>) takes only an attached value or a following
/// <c>true</c>/<c>false</c>; other options take exactly one value; what no option takes is the positional database,
/// of which there must be at most one. A value of <c>--nodes</c> is <c>[Label[:Label]...=]file,file...</c>.
/// </remarks>
internal sealed record AdminCommandLine(string? Database, Dictionary<string, List<string>> Nodes, Dictionary<string, List<string>> Relationships)
{
    private static readonly HashSet<string> MultiValue = new(StringComparer.Ordinal) { "--nodes", "--relationships" };
    private static readonly HashSet<string> OptionalBoolean = new(StringComparer.Ordinal) { "--overwrite-destination", "--verbose", "--skip-bad-relationships", "--skip-duplicate-nodes" };

    public static AdminCommandLine Parse(string command)
    {
        var words = ShellWords(command);
        string[] prefix = ["neo4j-admin", "database", "import", "full"];
        Assert.Equal(prefix, words.Take(prefix.Length));
        var positional = new List<string>();
        var nodes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var relationships = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = prefix.Length; i < words.Count; i++)
        {
            var word = words[i];
            if (!word.StartsWith('-'))
            {
                positional.Add(word);
                continue;
            }

            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var (name, attached) = equals < 0 ? (word, null) : (word[..equals], word[(equals + 1)..]);
            if (MultiValue.Contains(name))
            {
                var values = attached is null ? new List<string>() : [attached];
                while (i + 1 < words.Count && !words[i + 1].StartsWith('-'))
                {
                    values.Add(words[++i]);
                }

                Assert.True(values.Count > 0, $"{name} has no value");
                foreach (var value in values)
                {
                    // [Label=]files: the files never contain '=' here, so the label is what stands before the last one.
                    var split = value.LastIndexOf('=');
                    var label = split < 0 ? "" : value[..split];
                    var target = name == "--nodes" ? nodes : relationships;
                    if (!target.TryGetValue(label, out var files))
                    {
                        target[label] = files = [];
                    }

                    files.AddRange(value[(split + 1)..].Split(','));
                }
            }
            else if (OptionalBoolean.Contains(name))
            {
                if (attached is null && i + 1 < words.Count && words[i + 1] is "true" or "false")
                {
                    i++;
                }
            }
            else if (attached is null)
            {
                Assert.True(i + 1 < words.Count, $"{name} has no value");
                i++;
            }
        }

        Assert.True(positional.Count <= 1, $"more than one database named: {string.Join(", ", positional)}");
        return new AdminCommandLine(positional.SingleOrDefault(), nodes, relationships);
    }

    /// <summary>Splits a POSIX shell command line into words (no expansions: the printed command has none).</summary>
    private static List<string> ShellWords(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (c == '\\' && i + 1 < command.Length)
            {
                i++;
                if (command[i] != '\n')
                {
                    word.Append(command[i]);
                    inWord = true;
                }
            }
            else if (c == '\'')
            {
                var end = command.IndexOf('\'', i + 1);
                Assert.True(end > i, "unterminated quote");
                word.Append(command, i + 1, end - i - 1);
                inWord = true;
                i = end;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                Assert.False(c is '"' or '$' or '`' or ';' or '&' or '|' or '<' or '>', $"unquoted shell character {c}");
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}

using System.Text.RegularExpressions;
using PaperGraph.Neo4j;

namespace PaperGraph.FakeNeo4j;

/// <summary>A node of the fake database.</summary>
public sealed class FakeNode(string label)
{
    public HashSet<string> Labels { get; } = [label];

    public Dictionary<string, object?> Properties { get; } = new(StringComparer.Ordinal);
}

/// <summary>A statement the fake database rejects, as the real server would (HTTP 400 with this code).</summary>
public sealed class FakeStatementException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>One database of the fake server: the PaperGraph graph model held in dictionaries, changed only by the statements PaperGraph sends.</summary>
/// <remarks>
/// The fake does not parse Cypher. It knows the exact text of <c>cypher/schema.cypher</c>, of every
/// <c>cypher/sync/*.cypher</c> file and of <see cref="InspectionQueries"/>, and runs a C# equivalent of each; any
/// other statement is a syntax error. A statement validates every row before it changes anything, so a failing
/// statement leaves nothing behind, as one implicit transaction on the real server.
/// </remarks>
public sealed partial class FakeGraph
{
    private readonly Dictionary<string, Func<IReadOnlyDictionary<string, object?>, FakeResult>> _handlers = new(StringComparer.Ordinal);

    public FakeGraph()
    {
        foreach (var statement in CypherFiles.SchemaStatements())
        {
            var match = SchemaName().Match(statement);
            var (kind, name) = (match.Groups[1].Value, match.Groups[2].Value);
            On(statement, _ => (kind == "CONSTRAINT" ? Constraints : Indexes).Add(name)
                ? FakeResult.Counters(new() { [kind == "CONSTRAINT" ? "constraintsAdded" : "indexesAdded"] = 1 })
                : FakeResult.Empty);
        }

        On(CypherFiles.Sync("read-marker"), p => Markers.TryGetValue(Text(p, "workspace")!, out var g) ? FakeResult.Rows(["generation"], [[g]]) : FakeResult.Rows(["generation"]));
        On(CypherFiles.Sync("write-marker"), p =>
        {
            var created = Markers.TryAdd(Text(p, "workspace")!, 0);
            Markers[Text(p, "workspace")!] = (long)p["generation"]!;
            return FakeResult.Counters(new() { ["nodesCreated"] = created ? 1 : 0, ["propertiesSet"] = 1 });
        });
        On(CypherFiles.Sync("upsert-papers"), UpsertPapers);
        On(CypherFiles.Sync("upsert-communities"), p => UpsertNodes(p, "Community", "id", Communities));
        On(CypherFiles.Sync("upsert-concepts"), UpsertConcepts);
        On(CypherFiles.Sync("upsert-mentions"), p => UpsertRelationships(p, "paper", "concept", Papers, Concepts, Mentions, ["count", "score", "inTitle"]));
        On(CypherFiles.Sync("upsert-links"), p => UpsertRelationships(p, "source", "target", Concepts, Concepts, Links, ["papers", "count", "weight", "npmi", "associationStrength"]));
        On(CypherFiles.Sync("delete-papers"), DeletePapers);
        On(CypherFiles.Sync("delete-concepts"), p => DeleteNodes(p, "key", Concepts));
        On(CypherFiles.Sync("delete-communities"), p => DeleteNodes(p, "id", Communities));
        On(CypherFiles.Sync("delete-mentions"), p => DeleteRelationships(p, "paper", "concept", Mentions));
        On(CypherFiles.Sync("delete-links"), p => DeleteRelationships(p, "source", "target", Links));

        foreach (var label in InspectionQueries.NodeLabels)
        {
            On(InspectionQueries.CountNodes(label), _ => FakeResult.Rows(["count"], [[(long)(label == "PaperGraphSync" ? Markers.Count : NodesOf(label).Count)]]));
        }

        On(InspectionQueries.CountRelationships("MENTIONS"), _ => FakeResult.Rows(["count"], [[(long)Mentions.Count]]));
        On(InspectionQueries.CountRelationships("CO_OCCURS"), _ => FakeResult.Rows(["count"], [[(long)Links.Count]]));
        On(InspectionQueries.CountRelationships("IN_COMMUNITY"), _ => FakeResult.Rows(["count"], [[(long)Memberships.Count]]));
        On(InspectionQueries.CountRelationships("WRITTEN_BY"), _ => FakeResult.Rows(["count"], [[(long)WrittenBy.Count]]));
        On(InspectionQueries.ConceptByKey, p => Concepts.TryGetValue(Text(p, "key")!, out var c)
            ? FakeResult.Rows(["name", "aliases", "labels"], [[c.Properties.GetValueOrDefault("name"), c.Properties.GetValueOrDefault("aliases"), c.Labels.Order(StringComparer.Ordinal).Cast<object?>().ToList()]])
            : FakeResult.Rows(["name", "aliases", "labels"]));
        On(InspectionQueries.Nodes, _ => FakeResult.Rows(["labels", "properties"],
            [.. Papers.Values.Concat(Authors.Values).Concat(Concepts.Values).Concat(Communities.Values)
                .Select(n => new List<object?> { n.Labels.Order(StringComparer.Ordinal).Cast<object?>().ToList(), new Dictionary<string, object?>(n.Properties) })]));
        On(InspectionQueries.Relationships, _ => FakeResult.Rows(["type", "source", "target", "properties"],
            [
                .. Mentions.Select(m => new List<object?> { "MENTIONS", m.Key.Item1, m.Key.Item2, new Dictionary<string, object?>(m.Value) }),
                .. Links.Select(l => new List<object?> { "CO_OCCURS", l.Key.Item1, l.Key.Item2, new Dictionary<string, object?>(l.Value) }),
                .. Memberships.Select(m => new List<object?> { "IN_COMMUNITY", m.Key, m.Value, new Dictionary<string, object?>() }),
                .. WrittenBy.Select(w => new List<object?> { "WRITTEN_BY", w.Paper, w.Author, new Dictionary<string, object?>() }),
            ]));
        On(InspectionQueries.Constraints, _ => FakeResult.Rows(["name"], [.. Constraints.Order(StringComparer.Ordinal).Select(n => new List<object?> { n })]));
        On(InspectionQueries.Indexes, _ => FakeResult.Rows(["name"], [.. Indexes.Order(StringComparer.Ordinal).Select(n => new List<object?> { n })]));
        On(InspectionQueries.DeleteEverything, _ =>
        {
            var deleted = Papers.Count + Authors.Count + Concepts.Count + Communities.Count + Markers.Count;
            Papers.Clear();
            Authors.Clear();
            WrittenBy.Clear();
            Concepts.Clear();
            Communities.Clear();
            Markers.Clear();
            Mentions.Clear();
            Links.Clear();
            Memberships.Clear();
            return FakeResult.Counters(new() { ["nodesDeleted"] = deleted });
        });
    }

    public Dictionary<object, FakeNode> Papers { get; } = [];

    public Dictionary<object, FakeNode> Concepts { get; } = [];

    /// <summary><c>:Author</c> nodes by name.</summary>
    public Dictionary<object, FakeNode> Authors { get; } = [];

    /// <summary><c>WRITTEN_BY</c>: (paper id, author name).</summary>
    public HashSet<(object Paper, object Author)> WrittenBy { get; } = [];

    public Dictionary<object, FakeNode> Communities { get; } = [];

    /// <summary><c>:PaperGraphSync</c> nodes: workspace id → generation.</summary>
    public Dictionary<string, long> Markers { get; } = new(StringComparer.Ordinal);

    public Dictionary<(object, object), Dictionary<string, object?>> Mentions { get; } = [];

    public Dictionary<(object, object), Dictionary<string, object?>> Links { get; } = [];

    /// <summary><c>IN_COMMUNITY</c>: concept key → community id.</summary>
    public Dictionary<object, object> Memberships { get; } = [];

    public HashSet<string> Constraints { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, the server parses and checks the rows of row statements (<c>UNWIND $rows</c>) but passes none on: for measuring the client alone.</summary>
    public bool DiscardRows { get; set; }

    public HashSet<string> Indexes { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs a statement; unknown statements are syntax errors, missing parameters are reported as the server does.</summary>
    public FakeResult Run(string statement, IReadOnlyDictionary<string, object?> parameters)
    {
        if (!_handlers.TryGetValue(Normalize(statement), out var handler))
        {
            throw new FakeStatementException("Neo.ClientError.Statement.SyntaxError", $"Invalid input: the fake server does not know the statement '{Shorten(statement)}'.");
        }

        var missing = ParameterName().Matches(statement).Select(m => m.Groups[1].Value).Distinct().Where(n => !parameters.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new FakeStatementException("Neo.ClientError.Statement.ParameterMissing", $"Expected parameter(s): {string.Join(", ", missing)}");
        }

        return handler(parameters);
    }

    private void On(string statement, Func<IReadOnlyDictionary<string, object?>, FakeResult> handler) => _handlers[Normalize(statement)] = handler;

    private Dictionary<object, FakeNode> NodesOf(string label) => label switch
    {
        "Paper" => Papers,
        "Concept" => Concepts,
        "Author" => Authors,
        _ => Communities,
    };

    private static FakeResult UpsertNodes(IReadOnlyDictionary<string, object?> parameters, string label, string keyField, Dictionary<object, FakeNode> nodes)
    {
        var rows = Rows(parameters);
        foreach (var row in rows)
        {
            _ = Key(row, keyField, label);
        }

        long created = 0, set = 0;
        foreach (var row in rows)
        {
            var key = Key(row, keyField, label);
            if (!nodes.TryGetValue(key, out var node))
            {
                nodes[key] = node = new FakeNode(label);
                created++;
            }

            set += Assign(node.Properties, row);
        }

        return FakeResult.Counters(new() { ["nodesCreated"] = created, ["propertiesSet"] = set, ["labelsAdded"] = created });
    }

    /// <summary>upsert-papers.cypher: the paper's properties but <c>authorNames</c>, its <c>WRITTEN_BY</c> links to exactly those names, and no author left without a paper.</summary>
    private FakeResult UpsertPapers(IReadOnlyDictionary<string, object?> parameters)
    {
        var rows = Rows(parameters);
        foreach (var row in rows)
        {
            _ = Key(row, "id", "Paper");
        }

        long created = 0, set = 0, relationshipsCreated = 0, relationshipsDeleted = 0, deleted = 0;
        foreach (var row in rows)
        {
            var id = Key(row, "id", "Paper");
            if (!Papers.TryGetValue(id, out var node))
            {
                Papers[id] = node = new FakeNode("Paper");
                created++;
            }

            set += Assign(node.Properties, new Dictionary<string, object?>(row, StringComparer.Ordinal) { ["authorNames"] = null });
            var names = row.GetValueOrDefault("authorNames") is IEnumerable<object?> list ? list.OfType<string>().ToHashSet(StringComparer.Ordinal) : [];
            foreach (var gone in WrittenBy.Where(w => Equals(w.Paper, id) && !names.Contains((string)w.Author)).ToList())
            {
                WrittenBy.Remove(gone);
                relationshipsDeleted++;
                if (!WrittenBy.Any(w => Equals(w.Author, gone.Author)))
                {
                    Authors.Remove(gone.Author);
                    deleted++;
                }
            }

            foreach (var name in names)
            {
                if (!Authors.ContainsKey(name))
                {
                    var author = new FakeNode("Author");
                    author.Properties["name"] = name;
                    Authors[name] = author;
                    created++;
                }

                relationshipsCreated += WrittenBy.Add((id, name)) ? 1 : 0;
            }
        }

        return FakeResult.Counters(new()
        {
            ["nodesCreated"] = created, ["nodesDeleted"] = deleted, ["propertiesSet"] = set, ["labelsAdded"] = created,
            ["relationshipsCreated"] = relationshipsCreated, ["relationshipsDeleted"] = relationshipsDeleted,
        });
    }

    /// <summary>delete-papers.cypher: the papers, their mentions and authorship, and the authors left without a paper.</summary>
    private FakeResult DeletePapers(IReadOnlyDictionary<string, object?> parameters)
    {
        var result = DeleteNodes(parameters, "id", Papers);
        long relationships = 0, deleted = 0;
        foreach (var gone in WrittenBy.Where(w => !Papers.ContainsKey(w.Paper)).ToList())
        {
            WrittenBy.Remove(gone);
            relationships++;
        }

        foreach (var orphan in Authors.Keys.Where(a => !WrittenBy.Any(w => Equals(w.Author, a))).ToList())
        {
            Authors.Remove(orphan);
            deleted++;
        }

        return relationships + deleted == 0 ? result : FakeResult.Counters(new()
        {
            ["nodesDeleted"] = result.CounterValues["nodesDeleted"] + deleted,
            ["relationshipsDeleted"] = result.CounterValues["relationshipsDeleted"] + relationships,
        });
    }

    private FakeResult UpsertConcepts(IReadOnlyDictionary<string, object?> parameters)
    {
        var rows = Rows(parameters);
        foreach (var row in rows)
        {
            _ = Key(row, "key", "Concept");
        }

        long created = 0, set = 0, labels = 0, relationshipsCreated = 0, relationshipsDeleted = 0;
        foreach (var row in rows)
        {
            var key = Key(row, "key", "Concept");
            if (!Concepts.TryGetValue(key, out var node))
            {
                Concepts[key] = node = new FakeNode("Concept");
                created++;
            }

            // SET c += row {.*, central: null}
            var properties = new Dictionary<string, object?>(row, StringComparer.Ordinal) { ["central"] = null };
            set += Assign(node.Properties, properties);
            var central = row.GetValueOrDefault("central") is true;
            if (!central)
            {
                node.Labels.Remove("Central");
            }
            else if (node.Labels.Add("Central"))
            {
                labels++;
            }

            var community = row.GetValueOrDefault("community");
            if (Memberships.TryGetValue(key, out var previous) && (community is null || !Equals(previous, community)))
            {
                Memberships.Remove(key);
                relationshipsDeleted++;
            }

            if (community is not null && Communities.ContainsKey(community) && !Memberships.ContainsKey(key))
            {
                Memberships[key] = community;
                relationshipsCreated++;
            }
        }

        return FakeResult.Counters(new()
        {
            ["nodesCreated"] = created, ["propertiesSet"] = set, ["labelsAdded"] = created + labels,
            ["relationshipsCreated"] = relationshipsCreated, ["relationshipsDeleted"] = relationshipsDeleted,
        });
    }

    private static FakeResult UpsertRelationships(IReadOnlyDictionary<string, object?> parameters, string startField, string endField,
        Dictionary<object, FakeNode> starts, Dictionary<object, FakeNode> ends, Dictionary<(object, object), Dictionary<string, object?>> relationships, string[] fields)
    {
        long created = 0, set = 0;
        foreach (var row in Rows(parameters))
        {
            // MATCH on a missing node, or on a null key, finds nothing: the row writes nothing.
            if (row.GetValueOrDefault(startField) is not { } start || row.GetValueOrDefault(endField) is not { } end || !starts.ContainsKey(start) || !ends.ContainsKey(end))
            {
                continue;
            }

            if (!relationships.TryGetValue((start, end), out var properties))
            {
                relationships[(start, end)] = properties = new Dictionary<string, object?>(StringComparer.Ordinal);
                created++;
            }

            set += Assign(properties, fields.ToDictionary(f => f, f => row.GetValueOrDefault(f), StringComparer.Ordinal));
        }

        return FakeResult.Counters(new() { ["relationshipsCreated"] = created, ["propertiesSet"] = set });
    }

    private FakeResult DeleteNodes(IReadOnlyDictionary<string, object?> parameters, string keyField, Dictionary<object, FakeNode> nodes)
    {
        long deleted = 0, relationships = 0;
        foreach (var row in Rows(parameters))
        {
            if (row.GetValueOrDefault(keyField) is not { } key || !nodes.Remove(key))
            {
                continue;
            }

            deleted++;
            relationships += RemoveWhere(Mentions, k => Equals(k.Item1, key) && nodes == Papers || Equals(k.Item2, key) && nodes == Concepts);
            relationships += RemoveWhere(Links, k => nodes == Concepts && (Equals(k.Item1, key) || Equals(k.Item2, key)));
            foreach (var member in Memberships.Where(m => nodes == Concepts ? Equals(m.Key, key) : nodes == Communities && Equals(m.Value, key)).Select(m => m.Key).ToList())
            {
                Memberships.Remove(member);
                relationships++;
            }
        }

        return FakeResult.Counters(new() { ["nodesDeleted"] = deleted, ["relationshipsDeleted"] = relationships });
    }

    private static FakeResult DeleteRelationships(IReadOnlyDictionary<string, object?> parameters, string startField, string endField, Dictionary<(object, object), Dictionary<string, object?>> relationships)
    {
        long deleted = 0;
        foreach (var row in Rows(parameters))
        {
            if (row.GetValueOrDefault(startField) is { } start && row.GetValueOrDefault(endField) is { } end && relationships.Remove((start, end)))
            {
                deleted++;
            }
        }

        return FakeResult.Counters(new() { ["relationshipsDeleted"] = deleted });
    }

    private static long RemoveWhere<TValue>(Dictionary<(object, object), TValue> map, Func<(object, object), bool> predicate)
    {
        var keys = map.Keys.Where(predicate).ToList();
        foreach (var key in keys)
        {
            map.Remove(key);
        }

        return keys.Count;
    }

    /// <summary><c>SET n += map</c>: null removes a property.</summary>
    private static long Assign(Dictionary<string, object?> target, IReadOnlyDictionary<string, object?> values)
    {
        long set = 0;
        foreach (var (name, value) in values)
        {
            if (value is null)
            {
                set += target.Remove(name) ? 1 : 0;
            }
            else
            {
                target[name] = value;
                set++;
            }
        }

        return set;
    }

    private static List<Dictionary<string, object?>> Rows(IReadOnlyDictionary<string, object?> parameters) =>
        parameters["rows"] is List<object?> rows
            ? rows.Select(r => r as Dictionary<string, object?> ?? throw new FakeStatementException("Neo.ClientError.Statement.TypeError", "Expected a map for each row.")).ToList()
            : throw new FakeStatementException("Neo.ClientError.Statement.TypeError", "Expected $rows to be a list.");

    private static object Key(Dictionary<string, object?> row, string field, string label) =>
        row.GetValueOrDefault(field) ?? throw new FakeStatementException("Neo.ClientError.Statement.SemanticError",
            $"Cannot merge the following node because of null property value for '{field}': (:{label} {{{field}: null}})");

    private static string? Text(IReadOnlyDictionary<string, object?> parameters, string name) => parameters[name] as string;

    private static string Normalize(string statement) => Whitespace().Replace(statement.Trim(), " ");

    private static string Shorten(string statement) => statement.Length <= 80 ? statement : statement[..77] + "...";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ParameterName();

    [GeneratedRegex(@"^CREATE (?:FULLTEXT )?(CONSTRAINT|INDEX) (\w+) IF NOT EXISTS")]
    private static partial Regex SchemaName();
}

/// <summary>What a fake statement returns.</summary>
public sealed record FakeResult(IReadOnlyList<string> Fields, IReadOnlyList<IReadOnlyList<object?>> Values, IReadOnlyDictionary<string, long> CounterValues)
{
    public static FakeResult Empty { get; } = new([], [], new Dictionary<string, long>());

    public static FakeResult Rows(IReadOnlyList<string> fields, IReadOnlyList<IReadOnlyList<object?>>? values = null) => new(fields, values ?? [], new Dictionary<string, long>());

    public static FakeResult Counters(Dictionary<string, long> counters) => new([], [], counters);
}

using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using System.Text.Json;
using PaperGraph.Core;
using PaperGraph.Workspace;

namespace PaperGraph.Neo4j;

/// <summary>One row for the graph store: its key (unique within its kind) and its properties.</summary>
public sealed record SyncRow(string Key, PropertyRow Properties);

/// <summary>How the workspace maps to the Neo4j graph model: the properties of each node and relationship, and the statements that write and remove them.</summary>
/// <remarks>
/// <c>(:Paper {id, title, published, source, authors, upvotes})</c>, <c>(:Paper)-[:WRITTEN_BY]->(:Author {name})</c> where the
/// source names the authors (a name is normalised for white space and initials, never merged across spellings),
/// <c>(:Concept {key, name, aliases, longForm, papers, occurrences, degree, weightedDegree, pagerank, betweenness, eigenvector, core, community, component, keyphraseness, topic, firstMonth, burstStarts, burstEnds, burstStrengths})</c>
/// with the label <c>:Central</c> on the most central topics (by <c>topic</c>, topic centrality), a measure the build
/// could not compute being absent, <c>(:Community {id, size, label})</c>,
/// <c>(:Paper)-[:MENTIONS {count, score, inTitle}]->(:Concept)</c>,
/// <c>(:Concept)-[:CO_OCCURS {papers, count, weight, npmi, associationStrength}]->(:Concept)</c> once per pair, from the
/// smaller key to the larger, and <c>(:Concept)-[:IN_COMMUNITY]->(:Community)</c>. NPMI and association strength
/// are computed from paper counts (binary co-occurrence), whatever counting the graph was built with.
/// </remarks>
public static class GraphModel
{
    /// <summary>Part of every row hash: raise it when properties or statements change, so the next sync sends every row again.</summary>
    public const long ModelVersion = 3;

    /// <summary>Labels the community after its most central concepts, this many.</summary>
    public const int CommunityLabelConcepts = 3;

    public static readonly string[] PaperFields = ["id", "title", "published", "source", "authors", "upvotes", "authorNames"];

    public static readonly string[] ConceptFields =
        ["key", "name", "aliases", "longForm", "papers", "occurrences", "degree", "weightedDegree", "pagerank", "betweenness", "eigenvector", "core", "community", "component", "keyphraseness", "topic",
            "firstMonth", "burstStarts", "burstEnds", "burstStrengths", "central"];

    public static readonly string[] CommunityFields = ["id", "size", "label"];

    public static readonly string[] MentionFields = ["paper", "concept", "count", "score", "inTitle"];

    public static readonly string[] LinkFields = ["source", "target", "papers", "count", "weight", "npmi", "associationStrength"];

    /// <summary>Separates the two keys of a relationship's row key (never part of a paper id or concept key).</summary>
    public const char KeySeparator = '\n';

    /// <summary>The kinds in the order they are written: nodes before the relationships that need them.</summary>
    public static IReadOnlyList<SyncKind> WriteOrder { get; } = [SyncKind.Paper, SyncKind.Community, SyncKind.Concept, SyncKind.Mention, SyncKind.Link];

    /// <summary>The kinds in the order they are removed: relationships before their nodes.</summary>
    public static IReadOnlyList<SyncKind> RemoveOrder { get; } = [SyncKind.Link, SyncKind.Mention, SyncKind.Concept, SyncKind.Community, SyncKind.Paper];

    /// <summary>A kind's name as the statements and the summary spell it (<c>papers</c>).</summary>
    public static string Plural(SyncKind kind) => kind switch
    {
        SyncKind.Paper => "papers",
        SyncKind.Concept => "concepts",
        SyncKind.Community => "communities",
        SyncKind.Mention => "mentions",
        SyncKind.Link => "links",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The statement writing rows of <paramref name="kind"/> (<c>cypher/sync/upsert-*.cypher</c>).</summary>
    public static string UpsertStatement(SyncKind kind) => CypherFiles.Sync("upsert-" + Plural(kind));

    /// <summary>The statement removing rows of <paramref name="kind"/> (<c>cypher/sync/delete-*.cypher</c>).</summary>
    public static string DeleteStatement(SyncKind kind) => CypherFiles.Sync("delete-" + Plural(kind));

    /// <summary>The parameter row that removes the row with key <paramref name="key"/>.</summary>
    public static PropertyRow DeleteRow(SyncKind kind, string key)
    {
        switch (kind)
        {
            case SyncKind.Paper:
                return new PropertyRow(["id"], [key]);
            case SyncKind.Concept:
                return new PropertyRow(["key"], [key]);
            case SyncKind.Community:
                return new PropertyRow(["id"], [long.Parse(key, CultureInfo.InvariantCulture)]);
            case SyncKind.Mention:
            case SyncKind.Link:
                var split = key.IndexOf(KeySeparator, StringComparison.Ordinal);
                return kind == SyncKind.Mention
                    ? new PropertyRow(["paper", "concept"], [key[..split], key[(split + 1)..]])
                    : new PropertyRow(["source", "target"], [key[..split], key[(split + 1)..]]);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    public static IEnumerable<SyncRow> Papers(WorkspaceDatabase workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace.ReadPapersForSync().Select(PaperRow);
    }

    public static SyncRow PaperRow(PaperSyncRow p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new SyncRow(p.Id, new PropertyRow(PaperFields, [p.Id, p.Title, p.Published, p.Source, Box(p.Authors), Box(p.Upvotes), (p.AuthorNames ?? []).ToArray()]));
    }

    /// <summary>The concepts (graph nodes, or every concept with <paramref name="all"/>) and the communities they form.</summary>
    public static (List<SyncRow> Concepts, List<SyncRow> Communities) ConceptsAndCommunities(WorkspaceDatabase workspace, bool all)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var concepts = workspace.ReadConceptsForSync(all).ToList();
        var nodes = concepts.Where(c => c.Node is not null).ToList();

        // Browser styles can only size by label: the top 1% by topic centrality (at least 10) get :Central; by weighted
        // degree where the build could not compute it.
        var centralCount = Math.Min(nodes.Count, Math.Max(10, nodes.Count / 100));
        var central = nodes.OrderByDescending(c => CentralScore(c.Node!)).ThenBy(c => c.Key, StringComparer.Ordinal).Take(centralCount)
            .Select(c => c.Key).ToHashSet(StringComparer.Ordinal);

        // A graph concept's first month and bursts, as build found them; a concept without a dated paper has none.
        var times = workspace.ReadTimes();
        var conceptRows = new List<SyncRow>(concepts.Count);
        foreach (var c in concepts)
        {
            var n = c.Node;
            var (first, bursts) = times.GetValueOrDefault(c.Key);
            conceptRows.Add(new SyncRow(c.Key, new PropertyRow(ConceptFields,
            [
                c.Key, c.Name, c.Aliases, c.LongForm, c.Papers, c.Occurrences,
                Box(n?.Degree), Box(n?.WeightedDegree), Box(n?.PageRank), Box(n?.Betweenness), Box(n?.Eigenvector), Box(n?.Core), Box(n?.Community), Box(n?.Component), Box(n?.Keyphraseness), Box(n?.Topic),
                first,
                bursts is { Count: > 0 } ? bursts.Select(b => b.Start).ToArray() : null,
                bursts is { Count: > 0 } ? bursts.Select(b => b.End).ToArray() : null,
                bursts is { Count: > 0 } ? bursts.Select(b => b.Strength).ToArray() : null,
                central.Contains(c.Key),
            ])));
        }

        var communityRows = nodes.GroupBy(c => c.Node!.Community).OrderBy(g => g.Key).Select(g =>
        {
            var label = string.Join(", ", g.OrderByDescending(c => CentralScore(c.Node!)).ThenBy(c => c.Key, StringComparer.Ordinal).Take(CommunityLabelConcepts).Select(c => c.Name));
            return new SyncRow(g.Key.ToString(CultureInfo.InvariantCulture), new PropertyRow(CommunityFields, [g.Key, g.Count(), label]));
        }).ToList();
        return (conceptRows, communityRows);
    }

    /// <summary>What <c>:Central</c> and community labels rank by: topic centrality, or weighted degree where the build could not compute it.</summary>
    private static double CentralScore(GraphNodeRecord node) => node.Topic ?? node.WeightedDegree;

    public static IEnumerable<SyncRow> Mentions(WorkspaceDatabase workspace, bool all)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace.ReadMentionsForSync(all).Select(MentionRow);
    }

    public static SyncRow MentionRow(PaperConcept m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new SyncRow(m.PaperId + KeySeparator + m.ConceptKey, new PropertyRow(MentionFields, [m.PaperId, m.ConceptKey, Box(m.Count), m.Score, Box(m.InTitle)]));
    }

    public static IEnumerable<SyncRow> Links(WorkspaceDatabase workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        double n = workspace.CountAnalysedPapers();
        return workspace.ReadLinksForSync().Select(l => LinkRow(l, n));
    }

    /// <summary>A link's row in a corpus of <paramref name="n"/> analysed papers.</summary>
    public static SyncRow LinkRow(LinkSyncRow l, double n)
    {
        ArgumentNullException.ThrowIfNull(l);

        // Stored once per pair, from the smaller key to the larger (ordinal), whatever the graph's node order.
        var (source, target, sourcePapers, targetPapers) = string.CompareOrdinal(l.Source, l.Target) <= 0
            ? (l.Source, l.Target, l.SourcePapers, l.TargetPapers)
            : (l.Target, l.Source, l.TargetPapers, l.SourcePapers);
        var npmi = CooccurrenceMeasures.Npmi(l.Papers, sourcePapers, targetPapers, n);
        var association = CooccurrenceMeasures.AssociationStrength(l.Papers, sourcePapers, targetPapers, n);
        return new SyncRow(source + KeySeparator + target, new PropertyRow(LinkFields, [source, target, Box(l.Papers), l.Count, l.Weight, npmi, association]));
    }

    // Most counts are small: boxing each once saves an allocation per value in the millions of mention and link rows.
    private static readonly object[] SmallIntegers = [.. Enumerable.Range(0, 1024).Select(i => (object)i)];
    private static readonly object True = true;
    private static readonly object False = false;

    private static object Box(int value) => (uint)value < (uint)SmallIntegers.Length ? SmallIntegers[value] : value;

    private static object Box(bool value) => value ? True : False;

    private static object? Box(int? value) => value.HasValue ? Box(value.Value) : null;

    private static object? Box(double? value) => value.HasValue ? value.Value : null;
}

/// <summary>Hashes rows by their JSON form (XxHash3, seeded with the model version); one instance per thread.</summary>
public sealed class RowHasher : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public RowHasher() => _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });

    public long Hash(PropertyRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        CypherJson.WriteProperties(_writer, row);
        _writer.Flush();
        return unchecked((long)XxHash3.HashToUInt64(_buffer.WrittenSpan, GraphModel.ModelVersion));
    }

    /// <summary>Keeps the JSON the last <see cref="Hash"/> wrote in <paramref name="row"/>, for sending it.</summary>
    public void KeepJson(PropertyRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.Json = _buffer.WrittenSpan.ToArray();
    }

    public void Dispose() => _writer.Dispose();
}

namespace PaperGraph.FakeNeo4j;

/// <summary>Read statements the contract tests use to look at a database; the fake answers exactly these, a real server any.</summary>
public static class InspectionQueries
{
    public static string CountNodes(string label) => $"MATCH (n:{label}) RETURN count(n) AS count";

    public static string CountRelationships(string type) => $"MATCH ()-[r:{type}]->() RETURN count(r) AS count";

    public const string ConceptByKey = "MATCH (c:Concept {key: $key}) RETURN c.name AS name, c.aliases AS aliases, labels(c) AS labels";

    public const string Nodes = "MATCH (n) WHERE n:Paper OR n:Author OR n:Concept OR n:Community RETURN labels(n) AS labels, properties(n) AS properties";

    public const string Relationships =
        "MATCH (a)-[r]->(b) WHERE type(r) IN ['MENTIONS', 'CO_OCCURS', 'IN_COMMUNITY', 'WRITTEN_BY'] RETURN type(r) AS type, coalesce(a.id, a.key) AS source, coalesce(b.key, b.id, b.name) AS target, properties(r) AS properties";

    public const string Constraints = "SHOW CONSTRAINTS YIELD name RETURN name";

    public const string Indexes = "SHOW INDEXES YIELD name RETURN name";

    public const string DeleteEverything = "MATCH (n) DETACH DELETE n";

    public static readonly string[] NodeLabels = ["Paper", "Author", "Concept", "Community", "PaperGraphSync"];

    public static readonly string[] RelationshipTypes = ["MENTIONS", "CO_OCCURS", "IN_COMMUNITY", "WRITTEN_BY"];
}

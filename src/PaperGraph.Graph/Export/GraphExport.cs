using System.Globalization;
using System.Text;
using System.Xml;
using PaperGraph.Core;
using PaperGraph.Graph.Cooccurrence;

namespace PaperGraph.Graph.Export;

/// <summary>A built and analysed concept graph, ready to be written: node i is <c>Concepts[i]</c>.</summary>
public sealed record ConceptGraph(IReadOnlyList<ConceptSummary> Concepts, CooccurrenceGraph Cooccurrence, GraphAnalysisResult Analysis)
{
    /// <summary>The paper ids of the co-occurrence builder's input, by index (to name an edge's evidence).</summary>
    public IReadOnlyList<string> PaperIds { get; init; } = [];

    /// <summary>Each edge's supporting papers (indices into <see cref="PaperIds"/>, best evidence first), indexed like the edges; null to export none.</summary>
    public IReadOnlyList<List<int>>? Evidence { get; init; }

    /// <summary>How many of an edge's papers the exports list (cooccurrence.csv's <c>evidence</c>, GraphML's and GEXF's edge attribute).</summary>
    public int EvidencePerEdge { get; init; } = 10;

    /// <summary>The first <see cref="EvidencePerEdge"/> paper ids of an edge's evidence, joined by <c>|</c>; empty without evidence.</summary>
    public string EvidenceOf(int edge) => Evidence is { } evidence
        ? string.Join('|', evidence[edge].Take(EvidencePerEdge).Select(p => PaperIds[p]))
        : "";
}

/// <summary>Writes a <see cref="ConceptGraph"/> in the formats people open it with: CSV, GraphML, GEXF (Gephi) and VOSviewer's map and network files.</summary>
/// <remarks>
/// Columns and attribute names are part of the interface: add new ones at the end, never rename. A measure the
/// analysis left empty (<see cref="GraphAnalysisResult.Missing"/>) is an empty field in the CSV files, an absent
/// <c>data</c> or <c>attvalue</c> element in GraphML and GEXF, and an absent column in VOSviewer's map file.
/// </remarks>
public static class GraphExport
{
    /// <summary>The header of <c>concepts.csv</c>.</summary>
    public static readonly string[] ConceptColumns =
        ["key", "name", "aliases", "papers", "occurrences", "degree", "weighted_degree", "pagerank", "betweenness", "eigenvector", "core", "community", "keyphraseness", "topic"];

    /// <summary>The header of <c>cooccurrence.csv</c>.</summary>
    public static readonly string[] EdgeColumns = ["source", "target", "source_name", "target_name", "papers", "count", "weight", "evidence"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One row per concept (node), most central topic first (<see cref="Centrality.TopicCentrality"/>; by weighted degree without it); aliases as <c>form (count)</c> joined by <c>" | "</c>.</summary>
    public static void WriteConceptsCsv(ConceptGraph graph, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(writer);
        var m = graph.Analysis.Nodes;
        Csv.WriteRow(writer, ConceptColumns);
        foreach (var v in ByTopic(graph))
        {
            var c = graph.Concepts[v];
            Csv.WriteRow(writer, [
                c.Key, c.Name, Aliases(c), Number(c.Papers), Number(c.Occurrences), Number(m.Degree[v]), Number(m.WeightedDegree[v]),
                Number(m.PageRank?[v]), Number(m.Betweenness[v]), Number(m.Eigenvector?[v]), Number(m.Core[v]), Number(m.Community[v]),
                Number(m.Keyphraseness[v]), Number(m.Topic?[v]),
            ]);
        }
    }

    /// <summary>One row per edge, heaviest first.</summary>
    public static void WriteCooccurrenceCsv(ConceptGraph graph, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(writer);
        Csv.WriteRow(writer, EdgeColumns);
        var edges = graph.Cooccurrence.Edges;
        var order = Enumerable.Range(0, edges.Count).OrderByDescending(i => edges[i].Weight).ThenBy(i => edges[i].Source).ThenBy(i => edges[i].Target);
        foreach (var i in order)
        {
            var e = edges[i];
            var (a, b) = (graph.Concepts[e.Source], graph.Concepts[e.Target]);
            Csv.WriteRow(writer, [a.Key, b.Key, a.Name, b.Name, Number(e.Papers), Number(e.Count), Number(e.Weight), graph.EvidenceOf(i)]);
        }
    }

    /// <summary>GraphML (undirected), node ids being concept keys, every measure a typed attribute, the layout as <c>x</c> and <c>y</c>.</summary>
    public static void WriteGraphMl(ConceptGraph graph, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stream);
        const string ns = "http://graphml.graphdrawing.org/xmlns";
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", ns);
        foreach (var (id, name, type) in NodeAttributes)
        {
            Key(xml, id, "node", name, type);
        }

        var positions = graph.Analysis.Nodes.Positions;
        if (positions is not null)
        {
            // Gephi's GraphML import reads node attributes named x and y as the node's position.
            Key(xml, "x", "node", "x", "double");
            Key(xml, "y", "node", "y", "double");
        }

        Key(xml, "e_papers", "edge", "papers", "int");
        Key(xml, "e_count", "edge", "count", "double");
        Key(xml, "e_weight", "edge", "weight", "double");
        Key(xml, "e_evidence", "edge", "evidence", "string");
        xml.WriteStartElement("graph", ns);
        xml.WriteAttributeString("id", "concepts");
        xml.WriteAttributeString("edgedefault", "undirected");
        for (var v = 0; v < graph.Concepts.Count; v++)
        {
            xml.WriteStartElement("node", ns);
            xml.WriteAttributeString("id", graph.Concepts[v].Key);
            foreach (var (id, value) in NodeValues(graph, v))
            {
                xml.WriteStartElement("data", ns);
                xml.WriteAttributeString("key", id);
                xml.WriteString(value);
                xml.WriteEndElement();
            }

            if (positions is not null)
            {
                xml.WriteStartElement("data", ns);
                xml.WriteAttributeString("key", "x");
                xml.WriteString(Number(positions.X[v]));
                xml.WriteEndElement();
                xml.WriteStartElement("data", ns);
                xml.WriteAttributeString("key", "y");
                xml.WriteString(Number(positions.Y[v]));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        for (var i = 0; i < graph.Cooccurrence.Edges.Count; i++)
        {
            var e = graph.Cooccurrence.Edges[i];
            xml.WriteStartElement("edge", ns);
            xml.WriteAttributeString("source", graph.Concepts[e.Source].Key);
            xml.WriteAttributeString("target", graph.Concepts[e.Target].Key);
            foreach (var (id, value) in new[] { ("e_papers", Number(e.Papers)), ("e_count", Number(e.Count)), ("e_weight", Number(e.Weight)), ("e_evidence", graph.EvidenceOf(i)) })
            {
                xml.WriteStartElement("data", ns);
                xml.WriteAttributeString("key", id);
                xml.WriteString(value);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();

        static void Key(XmlWriter xml, string id, string target, string name, string type)
        {
            xml.WriteStartElement("key", ns);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("for", target);
            xml.WriteAttributeString("attr.name", name);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }
    }

    /// <summary>GEXF 1.3 (Gephi): nodes labelled by name, measures as attributes, the layout as <c>viz:position</c>, edge weight as Gephi's weight.</summary>
    public static void WriteGexf(ConceptGraph graph, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stream);
        const string ns = "http://gexf.net/1.3";
        const string viz = "http://gexf.net/1.3/viz";
        var positions = graph.Analysis.Nodes.Positions;
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument();
        xml.WriteStartElement("gexf", ns);
        if (positions is not null)
        {
            xml.WriteAttributeString("xmlns", "viz", null, viz);
        }

        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta", ns);
        xml.WriteElementString("creator", ns, "PaperGraph");
        xml.WriteElementString("description", ns, "Concept co-occurrence graph");
        xml.WriteEndElement();
        xml.WriteStartElement("graph", ns);
        xml.WriteAttributeString("defaultedgetype", "undirected");
        xml.WriteStartElement("attributes", ns);
        xml.WriteAttributeString("class", "node");
        foreach (var (id, name, type) in NodeAttributes)
        {
            xml.WriteStartElement("attribute", ns);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("title", name);
            xml.WriteAttributeString("type", type == "int" ? "integer" : type);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("attributes", ns);
        xml.WriteAttributeString("class", "edge");
        foreach (var (id, name, type) in new[] { ("e_papers", "papers", "integer"), ("e_count", "count", "double"), ("e_evidence", "evidence", "string") })
        {
            xml.WriteStartElement("attribute", ns);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("title", name);
            xml.WriteAttributeString("type", type);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("nodes", ns);
        for (var v = 0; v < graph.Concepts.Count; v++)
        {
            xml.WriteStartElement("node", ns);
            xml.WriteAttributeString("id", graph.Concepts[v].Key);
            xml.WriteAttributeString("label", graph.Concepts[v].Name);
            AttributeValues(xml, NodeValues(graph, v));
            if (positions is not null)
            {
                xml.WriteStartElement("viz", "position", viz);
                xml.WriteAttributeString("x", Number(positions.X[v]));
                xml.WriteAttributeString("y", Number(positions.Y[v]));
                xml.WriteAttributeString("z", "0");
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("edges", ns);
        for (var i = 0; i < graph.Cooccurrence.Edges.Count; i++)
        {
            var e = graph.Cooccurrence.Edges[i];
            xml.WriteStartElement("edge", ns);
            xml.WriteAttributeString("id", Number(i));
            xml.WriteAttributeString("source", graph.Concepts[e.Source].Key);
            xml.WriteAttributeString("target", graph.Concepts[e.Target].Key);
            xml.WriteAttributeString("weight", Number(e.Weight));
            AttributeValues(xml, [("e_papers", Number(e.Papers)), ("e_count", Number(e.Count)), ("e_evidence", graph.EvidenceOf(i))]);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();

        static void AttributeValues(XmlWriter xml, IEnumerable<(string Id, string Value)> values)
        {
            xml.WriteStartElement("attvalues", ns);
            foreach (var (id, value) in values)
            {
                xml.WriteStartElement("attvalue", ns);
                xml.WriteAttributeString("for", id);
                xml.WriteAttributeString("value", value);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }
    }

    /// <summary>
    /// VOSviewer's map file (tab-separated, with a header: id, label, cluster, weights and scores, then x and y from the
    /// layout) and network file (id, id, strength; no header). Ids are node ids + 1 and clusters community + 1, as
    /// VOSviewer counts from 1; given x and y, VOSviewer shows that layout instead of computing its own.
    /// </summary>
    /// <remarks>
    /// The network file's strength is the raw co-occurrence count (<see cref="CooccurrenceEdge.Count"/>), never the
    /// normalised <see cref="CooccurrenceEdge.Weight"/>: VOSviewer reads the third column as link strength and
    /// normalises it itself (association strength by default), so a weight normalised here would be normalised twice,
    /// and its clusters and layout would differ from a map VOSviewer makes from the same data. The map's total link
    /// strength is the sum of those counts, as VOSviewer computes it.
    /// </remarks>
    public static void WriteVosViewer(ConceptGraph graph, TextWriter map, TextWriter network)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(network);
        var m = graph.Analysis.Nodes;
        var (pageRank, topic) = (m.PageRank, m.Topic);
        var strength = new double[graph.Concepts.Count];
        foreach (var e in graph.Cooccurrence.Edges)
        {
            strength[e.Source] += e.Count;
            strength[e.Target] += e.Count;
        }

        var positions = m.Positions;
        map.WriteLine("id\tlabel\tcluster\tweight<Links>\tweight<Total link strength>\tweight<Occurrences>" + (pageRank is null ? "" : "\tscore<PageRank>") + "\tscore<Betweenness>"
            + (topic is null ? "" : "\tscore<Topic>") + (positions is null ? "" : "\tx\ty"));
        for (var v = 0; v < graph.Concepts.Count; v++)
        {
            var label = graph.Concepts[v].Name.Replace('\t', ' ');
            var rank = pageRank is null ? "" : "\t" + Number(pageRank[v]);
            var topicScore = topic is null ? "" : "\t" + Number(topic[v]);
            var position = positions is null ? "" : "\t" + Number(positions.X[v]) + "\t" + Number(positions.Y[v]);
            map.WriteLine(string.Create(Invariant,
                $"{v + 1}\t{label}\t{m.Community[v] + 1}\t{m.Degree[v]}\t{Number(strength[v])}\t{graph.Concepts[v].Papers}{rank}\t{Number(m.Betweenness[v])}{topicScore}{position}"));
        }

        foreach (var e in graph.Cooccurrence.Edges)
        {
            network.WriteLine(string.Create(Invariant, $"{e.Source + 1}\t{e.Target + 1}\t{Number(e.Count)}"));
        }
    }

    private static readonly (string Id, string Name, string Type)[] NodeAttributes =
    [
        ("name", "name", "string"), ("papers", "papers", "int"), ("occurrences", "occurrences", "int"), ("degree", "degree", "int"),
        ("weighted_degree", "weighted_degree", "double"), ("pagerank", "pagerank", "double"), ("betweenness", "betweenness", "double"),
        ("eigenvector", "eigenvector", "double"), ("core", "core", "int"), ("community", "community", "int"), ("component", "component", "int"),
        ("keyphraseness", "keyphraseness", "double"), ("topic", "topic", "double"),
    ];

    private static IEnumerable<(string Id, string Value)> NodeValues(ConceptGraph graph, int v)
    {
        var c = graph.Concepts[v];
        var m = graph.Analysis.Nodes;
        yield return ("name", c.Name);
        yield return ("papers", Number(c.Papers));
        yield return ("occurrences", Number(c.Occurrences));
        yield return ("degree", Number(m.Degree[v]));
        yield return ("weighted_degree", Number(m.WeightedDegree[v]));
        if (m.PageRank is { } pageRank)
        {
            yield return ("pagerank", Number(pageRank[v]));
        }

        yield return ("betweenness", Number(m.Betweenness[v]));
        if (m.Eigenvector is { } eigenvector)
        {
            yield return ("eigenvector", Number(eigenvector[v]));
        }

        yield return ("core", Number(m.Core[v]));
        yield return ("community", Number(m.Community[v]));
        yield return ("component", Number(m.Component[v]));
        yield return ("keyphraseness", Number(m.Keyphraseness[v]));
        if (m.Topic is { } topic)
        {
            yield return ("topic", Number(topic[v]));
        }
    }

    private static IEnumerable<int> ByTopic(ConceptGraph graph)
    {
        var rank = graph.Analysis.Nodes.Topic ?? graph.Analysis.Nodes.WeightedDegree;
        return Enumerable.Range(0, graph.Concepts.Count).OrderByDescending(v => rank[v]).ThenBy(v => graph.Concepts[v].Key, StringComparer.Ordinal);
    }

    private static string Aliases(ConceptSummary concept) =>
        string.Join(" | ", concept.Aliases.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => string.Create(Invariant, $"{a.Key} ({a.Value})")));

    private static string Number(double value) => value.ToString("R", Invariant);

    private static string Number(double? value) => value is { } v ? Number(v) : "";

    private static string Number(int value) => value.ToString(Invariant);
}

using System.Globalization;
using System.Text;
using System.Xml.Linq;
using PaperGraph.Core;
using PaperGraph.Graph.Cooccurrence;
using PaperGraph.Graph.Export;

namespace PaperGraph.Graph.Tests.Export;

/// <summary>The layout's coordinates in GEXF, GraphML and the VOSviewer map: exactly as computed, and nothing else changed.</summary>
public sealed class LayoutExportTests
{
    private static readonly XNamespace GraphMl = "http://graphml.graphdrawing.org/xmlns";
    private static readonly XNamespace Gexf = "http://gexf.net/1.3";
    private static readonly XNamespace Viz = "http://gexf.net/1.3/viz";

    /// <summary>Two groups of concepts sharing papers, a link between them, and a concept alone; names with a tab and markup.</summary>
    private static ConceptGraph Graph(bool layout = true)
    {
        int[][] papers = [[0, 1, 2], [0, 1], [1, 2], [3, 4, 5], [3, 5], [2, 3], [6]];
        var cooccurrence = CooccurrenceBuilder.Build(papers.Select(p => p.Select(c => new ConceptOccurrence(c, 1, 1)).ToArray()).ToList(), 7, new CooccurrenceSettings());
        var settings = layout ? AnalysisSettings.Default : AnalysisSettings.Default with { Layout = null };
        var analysis = GraphAnalysis.Run(cooccurrence, settings);
        var concepts = Enumerable.Range(0, 7)
            .Select(v => new ConceptSummary($"c{v}", v == 6 ? "<b>lone\tconcept</b>" : $"concept {v}", new Dictionary<string, int> { [$"concept {v}"] = 1 }, 2, 3, null, 1.0))
            .ToList();
        return new ConceptGraph(concepts, cooccurrence, analysis);
    }

    private static string Write(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static double Parse(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact]
    public void The_analysis_lays_out_every_node_with_finite_coordinates()
    {
        var positions = Graph().Analysis.Nodes.Positions;
        Assert.NotNull(positions);
        Assert.Equal(7, positions.Count);
        Assert.All(positions.X.Concat(positions.Y), v => Assert.True(double.IsFinite(v)));
        Assert.Contains(Graph().Analysis.Timings, t => t.Step == "layout");
    }

    [Fact]
    public void GraphMl_carries_x_and_y_double_attributes_exactly_as_computed()
    {
        var graph = Graph();
        var positions = graph.Analysis.Nodes.Positions!;
        var document = XDocument.Parse(Write(s => GraphExport.WriteGraphMl(graph, s)));
        var keys = document.Root!.Elements(GraphMl + "key").ToList();
        foreach (var axis in new[] { "x", "y" })
        {
            var key = Assert.Single(keys, k => (string?)k.Attribute("id") == axis);
            Assert.Equal(("node", axis, "double"), ((string?)key.Attribute("for"), (string?)key.Attribute("attr.name"), (string?)key.Attribute("attr.type")));
        }

        var nodes = document.Descendants(GraphMl + "node").ToList();
        Assert.Equal(7, nodes.Count);
        for (var v = 0; v < nodes.Count; v++)
        {
            Assert.Equal($"c{v}", (string?)nodes[v].Attribute("id"));
            var data = nodes[v].Elements(GraphMl + "data").ToDictionary(d => (string)d.Attribute("key")!, d => d.Value);
            Assert.Equal(positions.X[v], Parse(data["x"]));
            Assert.Equal(positions.Y[v], Parse(data["y"]));
        }
    }

    [Fact]
    public void Gexf_carries_viz_positions_exactly_as_computed()
    {
        var graph = Graph();
        var positions = graph.Analysis.Nodes.Positions!;
        var text = Write(s => GraphExport.WriteGexf(graph, s));
        Assert.Contains("xmlns:viz=\"http://gexf.net/1.3/viz\"", text, StringComparison.Ordinal);
        var nodes = XDocument.Parse(text).Descendants(Gexf + "node").ToList();
        Assert.Equal(7, nodes.Count);
        for (var v = 0; v < nodes.Count; v++)
        {
            var position = Assert.Single(nodes[v].Elements(Viz + "position"));
            Assert.Equal(positions.X[v], Parse((string)position.Attribute("x")!));
            Assert.Equal(positions.Y[v], Parse((string)position.Attribute("y")!));
            Assert.Equal("0", (string?)position.Attribute("z"));
        }
    }

    [Fact]
    public void The_VOSviewer_map_ends_with_x_and_y_columns_exactly_as_computed()
    {
        var graph = Graph();
        var positions = graph.Analysis.Nodes.Positions!;
        using var map = new StringWriter();
        using var network = new StringWriter();
        GraphExport.WriteVosViewer(graph, map, network);
        var lines = map.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split('\t')).ToList();
        Assert.Equal(["x", "y"], lines[0][^2..]);
        Assert.Equal(8, lines.Count);
        for (var v = 0; v < 7; v++)
        {
            var row = lines[v + 1];
            Assert.Equal(lines[0].Length, row.Length);
            Assert.Equal((v + 1).ToString(CultureInfo.InvariantCulture), row[0]);
            Assert.Equal(positions.X[v], Parse(row[^2]));
            Assert.Equal(positions.Y[v], Parse(row[^1]));
        }
    }

    /// <summary>Without the coordinates' own elements and columns, each file is byte for byte the one written without a layout.</summary>
    [Fact]
    public void Every_other_attribute_and_column_is_unchanged_and_no_layout_writes_no_coordinates()
    {
        var with = Graph();
        var without = Graph(layout: false);
        Assert.Null(without.Analysis.Nodes.Positions);

        var graphMl = XDocument.Parse(Write(s => GraphExport.WriteGraphMl(with, s)));
        graphMl.Descendants(GraphMl + "key").Where(k => (string?)k.Attribute("id") is "x" or "y").Remove();
        graphMl.Descendants(GraphMl + "data").Where(d => (string?)d.Attribute("key") is "x" or "y").Remove();
        var plainGraphMl = Write(s => GraphExport.WriteGraphMl(without, s));
        Assert.DoesNotContain("attr.name=\"x\"", plainGraphMl, StringComparison.Ordinal);
        Assert.Equal(XDocument.Parse(plainGraphMl).ToString(), graphMl.ToString());

        var gexf = XDocument.Parse(Write(s => GraphExport.WriteGexf(with, s)));
        gexf.Descendants(Viz + "position").Remove();
        gexf.Root!.Attribute(XNamespace.Xmlns + "viz")!.Remove();
        var plainGexf = Write(s => GraphExport.WriteGexf(without, s));
        Assert.DoesNotContain("viz", plainGexf, StringComparison.Ordinal);
        Assert.Equal(XDocument.Parse(plainGexf).ToString(), gexf.ToString());

        string Map(ConceptGraph graph)
        {
            using var map = new StringWriter();
            GraphExport.WriteVosViewer(graph, map, new StringWriter());
            return map.ToString();
        }

        var mapWith = Map(with).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var mapWithout = Map(without).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(mapWithout.Count, mapWith.Count);
        for (var i = 0; i < mapWith.Count; i++)
        {
            var expected = mapWith[i].Length == 0 ? "" : string.Join('\t', mapWith[i].Split('\t')[..^2]);
            Assert.Equal(mapWithout[i], expected);
        }

        Assert.Equal(
            "id\tlabel\tcluster\tweight<Links>\tweight<Total link strength>\tweight<Occurrences>\tscore<PageRank>\tscore<Betweenness>\tscore<Topic>\tx\ty",
            mapWith[0]);
    }
}

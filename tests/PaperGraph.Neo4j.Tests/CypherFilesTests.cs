using System.Text.Json;
using PaperGraph.Neo4j;
using PaperGraph.Workspace;

namespace PaperGraph.Neo4j.Tests;

public sealed class CypherFilesTests
{
    [Fact]
    public void Statements_drops_comment_lines_and_splits_at_semicolons_ending_a_line()
    {
        var statements = CypherFiles.Statements("// header\nCREATE INDEX a IF NOT EXISTS\nFOR (n:X) ON (n.a);\n\n// next\nRETURN 'a;b' AS x;\nRETURN 2");

        Assert.Equal(["CREATE INDEX a IF NOT EXISTS\nFOR (n:X) ON (n.a)", "RETURN 'a;b' AS x", "RETURN 2"], statements);
    }

    [Fact]
    public void The_schema_creates_the_three_uniqueness_constraints_idempotently()
    {
        var schema = CypherFiles.SchemaStatements();

        Assert.All(schema, s => Assert.Contains("IF NOT EXISTS", s, StringComparison.Ordinal));
        Assert.Contains(schema, s => s.Contains("(p:Paper) REQUIRE p.id IS UNIQUE", StringComparison.Ordinal));
        Assert.Contains(schema, s => s.Contains("(c:Concept) REQUIRE c.key IS UNIQUE", StringComparison.Ordinal));
        Assert.Contains(schema, s => s.Contains("(m:Community) REQUIRE m.id IS UNIQUE", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_query_file_has_a_header_naming_its_parameters()
    {
        var names = CypherFiles.Names().Where(n => n.StartsWith("queries/", StringComparison.Ordinal)).ToList();

        Assert.Equal(8, names.Count);
        foreach (var name in names)
        {
            var text = CypherFiles.Read(name);
            var header = string.Join('\n', text.Split('\n').TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal)));
            var parameters = System.Text.RegularExpressions.Regex.Matches(CypherFiles.Queries()[Path.GetFileNameWithoutExtension(name)], @"\$(\w+)").Select(m => m.Groups[1].Value).Distinct();
            Assert.Contains("Parameters:", header, StringComparison.Ordinal);
            Assert.All(parameters, p => Assert.Contains("$" + p, header, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_sync_statement_takes_its_values_from_parameters_only()
    {
        foreach (var kind in Enum.GetValues<SyncKind>())
        {
            foreach (var statement in new[] { GraphModel.UpsertStatement(kind), GraphModel.DeleteStatement(kind) })
            {
                Assert.StartsWith("UNWIND $rows AS row", statement, StringComparison.Ordinal);
                Assert.DoesNotContain("'", statement, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_browser_style_captions_concepts_by_name_and_draws_central_ones_bigger()
    {
        var grass = CypherFiles.Read("papergraph.grass");

        Assert.Matches(@"node\.Concept \{[^}]*caption: ""\{name\}""", grass);
        var concept = int.Parse(System.Text.RegularExpressions.Regex.Match(grass, @"node\.Concept \{[^}]*diameter: (\d+)px").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var central = int.Parse(System.Text.RegularExpressions.Regex.Match(grass, @"node\.Central \{[^}]*diameter: (\d+)px").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(central > concept);
    }

    [Fact]
    public void Parameters_are_written_as_json_with_floats_kept_floats()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            CypherJson.WriteValue(writer, new PropertyRow(["a", "b", "c", "d", "e", "f"], ["x`'\"}", 0.0, 3, 1e20, new List<string> { "p", "q" }, null]));
        }

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal("x`'\"}", root.GetProperty("a").GetString());
        Assert.Equal("0.0", root.GetProperty("b").GetRawText());
        Assert.Equal("3", root.GetProperty("c").GetRawText());
        Assert.Equal(1e20, root.GetProperty("d").GetDouble());
        Assert.Contains("E", root.GetProperty("d").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(["p", "q"], root.GetProperty("e").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("f").ValueKind);
        Assert.Throws<ArgumentException>(() => CypherJson.WriteValue(new Utf8JsonWriter(Stream.Null), double.NaN));
    }
}

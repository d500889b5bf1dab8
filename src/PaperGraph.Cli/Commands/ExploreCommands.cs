using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PaperGraph.Core;
using PaperGraph.Graph.Export;
using PaperGraph.Workspace;
using PaperGraph.Pipeline.Explore;

namespace PaperGraph.Cli.Commands;

/// <summary>How a view prints: a table for people, CSV or JSON for scripts.</summary>
internal enum OutputFormat
{
    Table,
    Csv,
    Json,
}

/// <summary><c>papergraph show</c> (a concept, its links and their evidence) and <c>papergraph paper</c> (a paper and its concepts).</summary>
internal static class ExploreCommands
{
    public static Command CreateShow(CommandRunner runner)
    {
        var concept = new Argument<string>("concept") { Description = "The concept: its key, name or any surface form, in any case (\"graph neural networks\", GNN)." };
        var neighbours = new Option<int>("-n", "--neighbours") { Description = "How many neighbours to list, most shared papers first (default 20; 0 = all).", DefaultValueFactory = _ => 20, HelpName = "count" };
        neighbours.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) { r.AddError("-n must be 0 (all) or more."); } });
        var evidence = new Option<int>("--evidence") { Description = "Paper ids listed per link, best evidence first: the papers most about both concepts (default 5; 0 = all).", DefaultValueFactory = _ => 5, HelpName = "count" };
        evidence.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) { r.AddError("--evidence must be 0 (all) or more."); } });
        var format = SharedOptions.Format();
        var command = new Command("show", """
            Show one concept: its name, surface forms and long form, its measures and community, its papers per month,
            and its strongest links: each neighbour with the number of papers that mention both and the ids of those
            papers (the evidence), best first. Open a paper with 'papergraph paper <id>'. Run 'papergraph build' first.
            """)
        {
            concept, SharedOptions.ExistingWorkspace, neighbours, evidence, format,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, SharedOptions.WorkspaceOverride(parse), SharedOptions.ConfigureWorkspace,
            (context, token) => Task.Run(() => RunShow(context, parse.GetValue(concept)!, parse.GetValue(neighbours), parse.GetValue(evidence), parse.GetValue(format)), token),
            cancellationToken));
        return command;
    }

    public static Command CreatePaper(CommandRunner runner)
    {
        var id = new Argument<string>("id") { Description = "The paper's id as the workspace stores it (an arXiv id such as 2401.00011, or the id of its source)." };
        var format = SharedOptions.Format();
        var command = new Command("paper", """
            Show one paper: its title, date, authors, the files and lines it was read from, and its concepts with
            their scores in this paper (the probability that each is one of its keyphrases), best first.
            """)
        {
            id, SharedOptions.ExistingWorkspace, format,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, SharedOptions.WorkspaceOverride(parse), SharedOptions.ConfigureWorkspace,
            (context, token) => Task.Run(() => RunPaper(context, parse.GetValue(id)!, parse.GetValue(format)), token), cancellationToken));
        return command;
    }

    private static int RunShow(CommandContext context, string text, int neighbourCount, int evidenceCount, OutputFormat format)
    {
        var inv = CultureInfo.InvariantCulture;
        var view = ExploreQueries.Concept(context.Options<WorkspaceOptions>().Path, text, neighbourCount, evidenceCount);
        var (concept, node, months, forms, neighbours) = (view.Concept, view.Node, view.Months, view.Forms, view.Neighbours);
        switch (format)
        {
            case OutputFormat.Json:
                Rows.WriteJson(context.Out, json =>
                {
                    json.WriteString("key", concept.Key);
                    json.WriteString("name", concept.Name);
                    json.WriteString("longForm", concept.LongForm);
                    json.WriteNumber("papers", concept.Papers);
                    json.WriteNumber("occurrences", concept.Occurrences);
                    json.WriteStartArray("forms");
                    foreach (var (form, count) in forms)
                    {
                        json.WriteStartObject();
                        json.WriteString("form", form);
                        json.WriteNumber("count", count);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteBoolean("inGraph", node is not null);
                    if (node is not null)
                    {
                        json.WriteStartObject("measures");
                        Number(json, "topic", node.Topic);
                        Number(json, "keyphraseness", node.Keyphraseness);
                        Number(json, "pagerank", node.PageRank);
                        json.WriteNumber("betweenness", node.Betweenness);
                        Number(json, "eigenvector", node.Eigenvector);
                        json.WriteNumber("degree", node.Degree);
                        json.WriteNumber("weightedDegree", node.WeightedDegree);
                        json.WriteNumber("core", node.Core);
                        json.WriteEndObject();
                        json.WriteNumber("community", node.Community);
                    }

                    json.WriteStartArray("months");
                    foreach (var month in months)
                    {
                        json.WriteStartObject();
                        json.WriteString("month", month.Month);
                        json.WriteNumber("papers", month.Papers);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteNumber("neighbourCount", view.NeighbourCount);
                    json.WriteStartArray("neighbours");
                    foreach (var n in neighbours)
                    {
                        json.WriteStartObject();
                        json.WriteString("key", n.Key);
                        json.WriteString("name", n.Name);
                        json.WriteNumber("papers", n.Papers);
                        json.WriteNumber("count", n.Count);
                        json.WriteNumber("weight", n.Weight);
                        Strings(json, "evidence", n.Evidence);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                });
                break;
            case OutputFormat.Csv:
                Csv.WriteRow(context.Out, ["key", "name", "papers", "count", "weight", "evidence"]);
                foreach (var n in neighbours)
                {
                    Csv.WriteRow(context.Out, [n.Key, n.Name, n.Papers.ToString(inv), n.Count.ToString("R", inv), n.Weight.ToString("R", inv), string.Join('|', n.Evidence)]);
                }

                break;
            default:
                var output = context.Out;
                output.WriteLine(concept.LongForm is null || concept.Name == concept.LongForm ? concept.Name : $"{concept.Name} ({concept.LongForm})");
                output.WriteLine(string.Create(inv, $"  key:         {concept.Key}"));
                output.WriteLine(string.Create(inv, $"  papers:      {concept.Papers:N0} ({concept.Occurrences:N0} mentions)"));
                output.WriteLine($"  forms:       {string.Join(", ", forms.Take(8).Select(f => string.Create(inv, $"{f.Key} ({f.Value:N0})")))}{(forms.Count > 8 ? string.Create(inv, $", and {forms.Count - 8:N0} more") : "")}");
                if (node is null)
                {
                    output.WriteLine("  graph:       not a node of the graph (too few papers, or below --max-concepts by relevance)");
                    break;
                }

                output.WriteLine(string.Create(inv, $"  measures:    topic {Show(node.Topic, "E3")}, keyphraseness {Show(node.Keyphraseness, "F3")}, PageRank {Show(node.PageRank, "F6")}, betweenness {node.Betweenness:F6}, eigenvector {Show(node.Eigenvector, "F6")}, degree {node.Degree:N0}, core {node.Core}"));
                output.WriteLine(string.Create(inv, $"  community:   {node.Community}"));
                if (months.Count > 0)
                {
                    var byYear = months.GroupBy(m => m.Month[..4]).Select(g => string.Create(inv, $"{g.Key} {g.Sum(m => m.Papers):N0}"));
                    output.WriteLine($"  by year:     {string.Join(", ", byYear)}");
                }

                output.WriteLine();
                output.WriteLine(string.Create(inv, $"Links ({neighbours.Count:N0} of {view.NeighbourCount:N0}, most shared papers first; evidence: the papers most about both)"));
                output.WriteLine(string.Create(inv, $"  {"#",4}  {"neighbour",-40} {"papers",7} {"weight",8}  evidence"));
                for (var i = 0; i < neighbours.Count; i++)
                {
                    var n = neighbours[i];
                    output.WriteLine(string.Create(inv, $"  {i + 1,4}  {Rows.Truncate(n.Name, 40),-40} {n.Papers,7:N0} {n.Weight,8:F2}  {string.Join(' ', n.Evidence)}"));
                }

                break;
        }

        return ExitCodes.Success;
    }

    private static int RunPaper(CommandContext context, string id, OutputFormat format)
    {
        var inv = CultureInfo.InvariantCulture;
        var view = ExploreQueries.Paper(context.Options<WorkspaceOptions>().Path, id);
        var (paper, concepts, names) = (view.Paper, view.Concepts, view.Names);
        switch (format)
        {
            case OutputFormat.Json:
                Rows.WriteJson(context.Out, json =>
                {
                    json.WriteString("id", paper.Id);
                    json.WriteString("title", paper.Title);
                    json.WriteString("published", paper.Published);
                    if (paper.Authors is { } authors)
                    {
                        json.WriteNumber("authors", authors);
                    }
                    else
                    {
                        json.WriteNull("authors");
                    }

                    Strings(json, "authorNames", paper.AuthorNames);
                    Strings(json, "categories", paper.Categories);
                    Strings(json, "sources", paper.Sources);
                    json.WriteString("abstract", paper.Abstract);
                    json.WriteStartArray("concepts");
                    foreach (var c in concepts)
                    {
                        json.WriteStartObject();
                        json.WriteString("key", c.ConceptKey);
                        json.WriteString("name", names[c.ConceptKey]);
                        json.WriteNumber("score", c.Score);
                        json.WriteNumber("count", c.Count);
                        json.WriteBoolean("inTitle", c.InTitle);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                });
                break;
            case OutputFormat.Csv:
                Csv.WriteRow(context.Out, ["key", "name", "score", "count", "in_title"]);
                foreach (var c in concepts)
                {
                    Csv.WriteRow(context.Out, [c.ConceptKey, names[c.ConceptKey], c.Score.ToString("R", inv), c.Count.ToString(inv), c.InTitle ? "true" : "false"]);
                }

                break;
            default:
                var output = context.Out;
                output.WriteLine(paper.Title ?? "(no title)");
                output.WriteLine($"  id:          {paper.Id}");
                output.WriteLine($"  published:   {paper.Published ?? "unknown"}");
                output.WriteLine($"  authors:     {(paper.AuthorNames.Count > 0 ? string.Join(", ", paper.AuthorNames) : paper.Authors is { } n ? $"{n.ToString(inv)} (names not in the source)" : "unknown")}");
                if (paper.Categories.Count > 0)
                {
                    output.WriteLine($"  categories:  {string.Join(", ", paper.Categories)}");
                }

                output.WriteLine($"  read from:   {string.Join(", ", paper.Sources)}");
                output.WriteLine();
                output.WriteLine(string.Create(inv, $"Concepts ({concepts.Count:N0}, best first; score: the probability that it is one of the paper's keyphrases)"));
                output.WriteLine(string.Create(inv, $"  {"#",4}  {"concept",-48} {"score",6} {"mentions",8}"));
                for (var i = 0; i < concepts.Count; i++)
                {
                    var c = concepts[i];
                    output.WriteLine(string.Create(inv, $"  {i + 1,4}  {Rows.Truncate(names[c.ConceptKey], 48),-48} {c.Score,6:F3} {c.Count,8:N0}{(c.InTitle ? "  (title)" : "")}"));
                }

                break;
        }

        return ExitCodes.Success;
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Show(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "(not computed)";


}

using System.CommandLine;
using PaperGraph.Core;
using PaperGraph.Neo4j;

namespace PaperGraph.Cli.Commands;

/// <summary><c>papergraph cypher</c>: the Neo4j kit (schema, queries, Browser style) that travels inside the tool.</summary>
internal static class CypherCommand
{
    public static Command Create(CommandRunner runner)
    {
        var output = new Option<string?>("--out") { Description = "Write every file into this folder (created if needed; files of the same name are replaced), keeping the kit's subfolders.", HelpName = "folder" };
        var command = new Command("cypher", """
            The Neo4j kit that comes with PaperGraph, from the copies inside it (the same files the sync runs):
            schema.cypher (constraints and indexes), queries/*.cypher (central concepts, a concept's neighbourhood,
            the shortest path between two concepts with its papers, papers mentioning both, community members,
            rising concepts, growth since a date), sync/*.cypher (what 'papergraph sync' sends) and papergraph.grass
            (the Neo4j Browser style). Without --out, lists them with the first line of each.
            """)
        {
            output,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, new Dictionary<string, string?>(), _ => { },
            (context, token) => Task.FromResult(Run(context, parse.GetValue(output))), cancellationToken));
        return command;
    }

    private static int Run(CommandContext context, string? output)
    {
        var names = CypherFiles.Names().ToList();
        if (output is null)
        {
            foreach (var name in names)
            {
                var first = name.EndsWith(".grass", StringComparison.Ordinal) ? "The Neo4j Browser style: drag the file into Browser, or paste it after :style"
                    : name.EndsWith(".md", StringComparison.Ordinal) ? "What each file is for, and how to run the queries in Neo4j Browser"
                    : CypherFiles.Read(name).Split('\n', 2)[0].TrimStart('/', ' ').Trim();
                context.Out.WriteLine($"  {name,-40} {first}");
            }

            context.Out.WriteLine();
            context.Out.WriteLine("Write them with: papergraph cypher --out <folder>");
            return ExitCodes.Success;
        }

        foreach (var name in names)
        {
            var path = Path.Combine(output, name.Replace('/', Path.DirectorySeparatorChar));
            EnvironmentErrors.CreateFolder(Path.GetDirectoryName(path)!);
            AtomicFile.WriteAllText(path, CypherFiles.Read(name));
        }

        context.Out.WriteLine($"Wrote {names.Count} files into {output}: README.md, schema.cypher, papergraph.grass, queries/ and sync/.");
        return ExitCodes.Success;
    }
}

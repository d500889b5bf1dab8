using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperGraph.Core;
using PaperGraph.Workspace;
using PaperGraph.Neo4j;
using PaperGraph.Pipeline.Neo4j;

namespace PaperGraph.Cli.Commands;

/// <summary><c>papergraph sync</c>: writes the workspace's graph into Neo4j; and <c>papergraph export --format neo4j-admin</c>.</summary>
internal static class SyncCommand
{
    public const string PasswordVariable = "PAPERGRAPH_NEO4J_PASSWORD";
    public const string UriVariable = "PAPERGRAPH_NEO4J_URI";
    public const string UserVariable = "PAPERGRAPH_NEO4J_USER";

    public static Command Create(CommandRunner runner)
    {
        var neo4j = new Option<string?>("--neo4j") { Description = $"The server's HTTP address (default: {UriVariable}, else http://localhost:7474).", HelpName = "uri" };
        var database = new Option<string?>("--database", "-d") { Description = "The database (default neo4j).", HelpName = "name" };
        var user = new Option<string?>("--user", "-u") { Description = $"The user (default: {UserVariable}, else neo4j).", HelpName = "name" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = $"Read the password from the first line of standard input (else from {PasswordVariable})." };
        var batchSize = new Option<int?>("--batch-size") { Description = "Rows per request, each one transaction (default 10000).", HelpName = "rows" };
        var full = new Option<bool>("--full") { Description = "Send every row, even those the workspace remembers as written (after changing the database by hand)." };
        var allConcepts = new Option<bool>("--all-concepts") { Description = "Send every concept and its mentions, not only the concepts of the graph." };
        var command = new Command("sync", $"""
            Write the workspace's papers, concepts, co-occurrence links, communities and centralities into Neo4j
            (5.19 or later, over its HTTP Query API). Applies cypher/schema.cypher first, then sends only rows that
            changed since the last sync to the same database, and removes what no longer exists: a second sync of
            unchanged data writes nothing, and a sync stopped half-way can simply be run again. Run
            'papergraph build' first. The password comes from {PasswordVariable} or --password-stdin and is never
            printed. Settings: configuration section "Neo4j" (see README).
            """)
        {
            SharedOptions.ExistingWorkspace, neo4j, database, user, passwordStdin, batchSize, full, allConcepts,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var overrides = SharedOptions.WorkspaceOverride(parse);
            void Set<T>(Option<T> option, string key) => SharedOptions.Override(parse, overrides, option, Neo4jOptions.SectionName, key);

            Set(neo4j, nameof(Neo4jOptions.Uri));
            Set(database, nameof(Neo4jOptions.Database));
            Set(user, nameof(Neo4jOptions.User));
            Set(batchSize, nameof(Neo4jOptions.BatchSize));
            Set(allConcepts, nameof(Neo4jOptions.AllConcepts));
            return runner.RunAsync(parse, overrides, ConfigureServices,
                (context, token) => RunAsync(context, parse.GetValue(passwordStdin), parse.GetValue(full), token), cancellationToken);
        });
        return command;
    }

    public static Command CreateExport(CommandRunner runner)
    {
        var format = new Option<string>("--format") { Description = "The export format; neo4j-admin: CSV files for 'neo4j-admin database import full'.", Required = true, HelpName = "neo4j-admin" };
        format.AcceptOnlyFromAmong("neo4j-admin");
        var output = new Option<string>("--out", "-o") { Description = "Folder to write into (created when missing; files in it are replaced).", Required = true, HelpName = "dir" };
        var database = new Option<string>("--database", "-d") { Description = "The database the printed command imports into (default neo4j).", DefaultValueFactory = _ => "neo4j", HelpName = "name" };
        var allConcepts = new Option<bool>("--all-concepts") { Description = "Export every concept and its mentions, not only the concepts of the graph." };
        var command = new Command("export", """
            Write the workspace's graph for another tool. With --format neo4j-admin: header and data CSV files of papers,
            concepts, communities, mentions, co-occurrence links and community membership (the same model
            'papergraph sync' writes), plus schema.cypher, and print the 'neo4j-admin database import full' command
            that loads them into a new database: the fastest way to load a big graph. Run 'papergraph build' first.
            """)
        {
            SharedOptions.ExistingWorkspace, format, output, database, allConcepts,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, SharedOptions.WorkspaceOverride(parse), SharedOptions.ConfigureWorkspace,
            (context, token) => Task.Run(() => RunExport(context, parse.GetValue(output)!, parse.GetValue(database)!, parse.GetValue(allConcepts)), token), cancellationToken));
        return command;
    }

    private static int RunExport(CommandContext context, string output, string database, bool allConcepts)
    {
        var inv = CultureInfo.InvariantCulture;
        var export = Neo4jRuns.Export(context.Options<WorkspaceOptions>().Path, output, database, allConcepts).Files;
        context.Out.WriteLine($"Wrote files for neo4j-admin into {output}");
        foreach (var file in export.Files)
        {
            context.Out.WriteLine(string.Create(inv, $"  {file.Name,-13} {file.Rows,12:N0} rows  {Path.GetFileName(file.HeaderPath)}, {Path.GetFileName(file.DataPath)}"));
        }

        context.Out.WriteLine();
        context.Out.WriteLine("To load them into a new database: stop Neo4j (neo4j stop), then run");
        context.Out.WriteLine();
        context.Out.WriteLine(export.Command);
        context.Out.WriteLine();
        context.Out.WriteLine("then start Neo4j (neo4j start) and create the constraints and indexes:");
        context.Out.WriteLine();
        context.Out.WriteLine($"cypher-shell -u neo4j -d {database} -f {Path.GetFullPath(export.SchemaPath)}");
        return ExitCodes.Success;
    }

    private static void ConfigureServices(IServiceCollection services)
    {
        SharedOptions.ConfigureWorkspace(services);
        services.AddOptions<Neo4jOptions>().BindConfiguration(Neo4jOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Neo4jOptions>, Neo4jOptionsValidator>();
    }

    private static async Task<int> RunAsync(CommandContext context, bool passwordFromStdin, bool full, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        var options = context.Options<Neo4jOptions>();
        var settings = Settings(context, options, passwordFromStdin);
        var run = await Neo4jRuns.SyncAsync(context.Options<WorkspaceOptions>().Path, settings, new SyncSettings(options.BatchSize, options.AllConcepts, full),
            context.Loggers, context.Progress, cancellationToken).ConfigureAwait(false);
        var report = run.Report;
        context.Progress.Clear();

        context.Out.WriteLine(string.Create(inv, $"Synced {run.Directory} to {run.Target} in {report.Seconds:F1} s"));
        if (report.Resync is { } reason)
        {
            context.Out.WriteLine($"  every row:   sent, because: {reason}");
        }

        context.Out.WriteLine(string.Create(inv, $"  schema:      cypher/schema.cypher applied ({report.SchemaChanges} constraints or indexes added)"));
        foreach (var kind in report.Kinds)
        {
            var label = (GraphModel.Plural(kind.Kind) + ":").PadRight(12);
            context.Out.WriteLine(string.Create(inv, $"  {label} {kind.Rows:N0} in the workspace; {kind.Written:N0} written ({kind.New:N0} new, {kind.Written - kind.New:N0} changed), {kind.Removed:N0} removed"));
        }

        context.Out.WriteLine(report.RowsSent == 0
            ? "  sent:        nothing; Neo4j already holds this workspace's graph"
            : string.Create(inv, $"  sent:        {report.RowsSent:N0} rows in {report.SendSeconds:F1} s ({report.RowsPerSecond:N0} rows/s), batches of {options.BatchSize:N0}"));
        context.Out.WriteLine("  explore:     open Neo4j Browser, run ':style' with cypher/papergraph.grass, and try cypher/queries/*.cypher");
        return ExitCodes.Success;
    }

    private static Neo4jSettings Settings(CommandContext context, Neo4jOptions options, bool passwordFromStdin)
    {
        var uriText = options.Uri ?? Environment.GetEnvironmentVariable(UriVariable) ?? "http://localhost:7474";
        if (!Uri.TryCreate(uriText, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new PaperGraphException(ErrorCodes.InvalidArgument,
                $"'{uriText}' is not an HTTP address of Neo4j; expected e.g. http://localhost:7474 (the Query API's port, not bolt://...:7687).");
        }

        var user = options.User ?? Environment.GetEnvironmentVariable(UserVariable) ?? "neo4j";
        string? password;
        if (passwordFromStdin)
        {
            password = context.In.ReadLine()?.TrimEnd('\r');
            if (string.IsNullOrEmpty(password))
            {
                throw new PaperGraphException(ErrorCodes.InvalidArgument, "--password-stdin: standard input was empty; expected the password on its first line.");
            }
        }
        else
        {
            password = Environment.GetEnvironmentVariable(PasswordVariable);
        }

        return new Neo4jSettings(uri, options.Database, user, password, TimeSpan.FromSeconds(options.RequestTimeoutSeconds), TimeSpan.FromSeconds(options.RetrySeconds));
    }
}

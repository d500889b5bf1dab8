using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using PaperGraph.Core;
using PaperGraph.Neo4j;
using PaperGraph.Workspace;

namespace PaperGraph.Pipeline.Neo4j;

/// <summary>What <see cref="Neo4jRuns.SyncAsync"/> did, with the address it wrote to.</summary>
public sealed record SyncRunResult(string Directory, string Target, SyncReport Report);

/// <summary>What <see cref="Neo4jRuns.Export"/> wrote.</summary>
public sealed record ExportRunResult(string Directory, AdminImport Files);

/// <summary>The runs that bring a built workspace to Neo4j: a sync over the Query API, or files for <c>neo4j-admin</c>.</summary>
public static partial class Neo4jRuns
{
    /// <summary>Brings the Neo4j database of <paramref name="server"/> up to date with the workspace at <paramref name="directory"/>, sending only what changed.</summary>
    public static async Task<SyncRunResult> SyncAsync(string directory, Neo4jSettings server, SyncSettings settings, ILoggerFactory loggers,
        IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var workspace = WorkspaceDatabase.OpenExisting(directory);
        using var client = new Neo4jQueryClient(server, loggers.CreateLogger<Neo4jQueryClient>());
        var sync = new GraphSync(client, workspace, $"{server.Uri.AbsoluteUri.TrimEnd('/')} {server.Database}", loggers.CreateLogger<GraphSync>());
        var rows = progress is null ? null : new InlineProgress<SyncProgress>(p => progress.Report(new PipelineProgress("sync", p.Step, p.Done, p.Total, "rows")));
        var report = await sync.RunAsync(settings, rows, cancellationToken).ConfigureAwait(false);
        return new SyncRunResult(workspace.Directory, client.Target, report);
    }

    /// <summary>Writes the workspace's graph as <c>neo4j-admin database import full</c> files into <paramref name="output"/>.</summary>
    public static ExportRunResult Export(string directory, string output, string database, bool allConcepts)
    {
        using var workspace = WorkspaceDatabase.OpenExisting(directory);
        if (workspace.Count("graph_nodes") == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoPapersFound, $"{workspace.Directory}: no concept graph to export yet; run 'papergraph build --workspace {workspace.Directory}' first.");
        }

        if (!DatabaseName().IsMatch(database))
        {
            throw new PaperGraphException(ErrorCodes.InvalidArgument,
                $"--database '{database}': not a name Neo4j accepts; expected 3 to 63 letters, digits, dots or dashes, starting with a letter (e.g. neo4j, papers-2025).");
        }

        if (File.Exists(output))
        {
            throw new PaperGraphException(ErrorCodes.InvalidArgument, $"--out {output}: is a file; expected a folder (created when missing).");
        }

        return new ExportRunResult(workspace.Directory, AdminImportExport.Write(workspace, output, database, allConcepts));
    }

    /// <summary>A database name as Neo4j 5 accepts it (and so never read as an option by neo4j-admin).</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9.-]{1,61}[A-Za-z0-9]$")]
    private static partial Regex DatabaseName();
}

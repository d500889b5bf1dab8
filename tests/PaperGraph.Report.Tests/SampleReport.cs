using Microsoft.Data.Sqlite;
using PaperGraph.Cli;
using PaperGraph.Tests;
using PaperGraph.Workspace;

namespace PaperGraph.Report.Tests;

/// <summary>
/// A workspace built from the repository's samples by the real <c>papergraph build</c>, with one concept renamed to an
/// injection-shaped name, and its map page: built once for the tests that share it.
/// </summary>
public sealed class SampleReport : IAsyncLifetime
{
    /// <summary>The concept name that must show as text: it would run script or end elements if inserted as markup.</summary>
    public const string InjectionName = "<script>alert(1)</script> \"quoted\" 'single' </b> & </script><!--";

    /// <summary>A surface form of the injection-shaped concept.</summary>
    public const string InjectionForm = "</script><img src=x onerror=alert(2)>";

    private readonly TempDirectory _folder = new();

    public string Workspace => _folder.File("built");

    public string Page => _folder.File("map.html");

    /// <summary>The key of the concept renamed to <see cref="InjectionName"/>.</summary>
    public string InjectionKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var samples = Path.Combine(Repository.Root ?? throw new InvalidOperationException("PaperGraph.sln not found above the test binaries"), "samples");
        await Run("build", samples, "--workspace", Workspace, "--quiet");

        // The least central concept with a link gets the hostile name (the central ones are the search tests' targets).
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(Workspace, WorkspaceDatabase.DatabaseFileName)};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT key FROM graph_nodes WHERE degree > 0 ORDER BY topic, key LIMIT 1";
            InjectionKey = (string)command.ExecuteScalar()!;
            command.CommandText = "UPDATE concepts SET name = $name, aliases = $aliases WHERE key = $key";
            command.Parameters.AddWithValue("$name", InjectionName);
            command.Parameters.AddWithValue("$aliases", System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, int> { [InjectionForm] = 2, [InjectionName] = 1 }));
            command.Parameters.AddWithValue("$key", InjectionKey);
            command.ExecuteNonQuery();
        }

        await Run("report", "--workspace", Workspace, "--out", Page, "--title", "Samples </title><script>alert(3)</script>");
    }

    /// <summary>Runs <c>papergraph</c> in-process; fails with its messages unless it exits with 0.</summary>
    public static async Task<string> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PaperGraphApp.RunAsync(args, output, error);
        Assert.True(code == 0, $"papergraph {string.Join(' ', args)} exited with {code}: {error}");
        return output.ToString();
    }

    /// <summary>The report's data as the builder reads it from the workspace.</summary>
    internal ReportData Data(ReportSettings? settings = null)
    {
        using var workspace = WorkspaceDatabase.OpenExisting(Workspace);
        return Pipeline.Report.ReportRun.Read(workspace, settings ?? new ReportSettings());
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The tests sharing one <see cref="SampleReport"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SampleReportCollection : ICollectionFixture<SampleReport>
{
    public const string Name = "sample report";
}

using PaperGraph.Workspace;

namespace PaperGraph.Cli.Tests;

/// <summary>Runs the CLI in-process with captured standard output and error.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public static async Task<CliRun> RunAsync(CancellationToken cancellationToken, params string[] args) => await RunWithInputAsync("", cancellationToken, args);

    /// <summary>Runs with <paramref name="input"/> as standard input.</summary>
    public static async Task<CliRun> RunWithInputAsync(string input, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var code = await PaperGraphApp.RunAsync(args, output, error, handleSignals: false, cancellationToken, reader);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Creates an empty workspace (no papers) in <paramref name="path"/> and returns the path.</summary>
    public static string EmptyWorkspace(string path)
    {
        WorkspaceDatabase.Open(path).Dispose();
        return path;
    }

    /// <summary>Changes the workspace database behind PaperGraph's back; returns the rows changed.</summary>
    public static int ExecuteSql(string workspace, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(workspace, WorkspaceDatabase.DatabaseFileName)};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>Asserts that nothing on standard error looks like a stack trace.</summary>
    public void AssertNoStackTrace() => Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
}

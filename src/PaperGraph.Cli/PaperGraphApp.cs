using System.CommandLine;
using System.CommandLine.Invocation;
using PaperGraph.Cli.Commands;

namespace PaperGraph.Cli;

/// <summary>The <c>papergraph</c> command line: parses arguments and runs the chosen command.</summary>
public static class PaperGraphApp
{
    /// <summary>Runs PaperGraph with <paramref name="args"/>, writing results to <paramref name="output"/> and messages to <paramref name="error"/>.</summary>
    /// <param name="handleSignals">Whether Ctrl+C and SIGTERM cancel the run (true for the real process, false in tests).</param>
    /// <param name="input">Standard input (for <c>--password-stdin</c>); default <see cref="Console.In"/>.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool handleSignals = false, CancellationToken cancellationToken = default,
        TextReader? input = null)
    {
        var runner = new CommandRunner(output, error, input);
        var root = BuildRootCommand(runner);
        var parse = root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync($"error: {problem.Message}").ConfigureAwait(false);
            }

            var command = string.Join(' ', parse.CommandResult.Command.Parents.OfType<Command>().Reverse().Skip(1).Select(c => c.Name).Append(parse.CommandResult.Command.Name));
            await error.WriteLineAsync($"Run '{(command == root.Name ? "papergraph" : "papergraph " + command)} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.BadUsage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = handleSignals ? TimeSpan.FromSeconds(5) : null,
        };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    internal static RootCommand BuildRootCommand(CommandRunner runner)
    {
        var root = new RootCommand("""
            PaperGraph turns titles and abstracts of papers into a concept graph.
            Start with 'papergraph ingest <files or folders> --workspace <dir>', then 'papergraph extract' and
            'papergraph concepts' with the same --workspace; every command has --help.
            Configuration: papergraph.json in the working folder (or --config), then PAPERGRAPH_Section__Key
            environment variables, then flags. Exit codes: 0 ok, 1 bug, 2 usage or setup, 3 input data, 4 graph store, 5 disk full or device error, 130 cancelled.
            """)
        {
            CommandRunner.Verbose,
            CommandRunner.Quiet,
            CommandRunner.Config,
            IngestCommand.Create(runner),
            TaggerCommand.Create(runner),
            ExtractCommand.CreateExtract(runner),
            ExtractCommand.CreateConcepts(runner),
            EvalCommand.Create(runner),
            BuildCommand.Create(runner),
            BuildCommand.CreateTop(runner),
            TrendsCommand.Create(runner),
            ExploreCommands.CreateShow(runner),
            ExploreCommands.CreatePaper(runner),
            ReportCommand.Create(runner),
            CypherCommand.Create(runner),
            SyncCommand.Create(runner),
            SyncCommand.CreateExport(runner),
            BenchCommand.Create(runner),
        };
        return root;
    }
}

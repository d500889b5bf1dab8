using System.CommandLine;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PaperGraph.Pipeline.Report;
using PaperGraph.Report;

namespace PaperGraph.Cli.Commands;

/// <summary><c>papergraph report</c>: the concept map of a built workspace as one self-contained HTML file.</summary>
internal static partial class ReportCommand
{
    public static Command Create(CommandRunner runner)
    {
        var output = new Option<string>("--out", "-o") { Description = "The HTML file to write (replaced whole, or left as it was on failure).", HelpName = "file", Required = true };
        var concepts = new Option<int>("--concepts") { Description = $"How many concepts the map shows, most central first (default {ReportSettings.DefaultConcepts}, or all when the graph has fewer).", DefaultValueFactory = _ => ReportSettings.DefaultConcepts, HelpName = "count" };
        concepts.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--concepts must be at least 1."); } });
        var title = new Option<string?>("--title") { Description = "The page's title (default: 'PaperGraph map: ' and the workspace's folder name).", HelpName = "text" };
        var open = new Option<bool>("--open") { Description = "Open the page in the default browser when written (a failure to open is a warning)." };
        var command = new Command("report", """
            Write the concept map of a built workspace as one HTML file that any browser opens offline: the concepts
            placed by the layout, sized by centrality and coloured by community, with search, a panel per concept
            (forms, measures, papers per month, strongest links and their evidence papers), the communities' legend,
            the central and rising concepts, and the corpus summary. Nothing in it is loaded from the network.
            Run 'papergraph build' first.
            """)
        {
            SharedOptions.ExistingWorkspace, output, concepts, title, open,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, SharedOptions.WorkspaceOverride(parse), SharedOptions.ConfigureWorkspace,
            (context, token) => Task.Run(() => Run(context, parse.GetValue(output)!, new ReportSettings(parse.GetValue(concepts), parse.GetValue(title)), parse.GetValue(open), token), token),
            cancellationToken));
        return command;
    }

    private static int Run(CommandContext context, string output, ReportSettings settings, bool open, CancellationToken cancellationToken)
    {
        var result = ReportRun.Run(context.Options<WorkspaceOptions>().Path, output, settings, cancellationToken);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {result.Path} ({result.Bytes / 1048576.0:F1} MB) in {result.Elapsed.TotalSeconds:F2} s: {result.Concepts:N0} of {result.GraphConcepts:N0} concepts, {result.Communities:N0} {(result.Communities == 1 ? "community" : "communities")}, {result.Papers:N0} evidence {(result.Papers == 1 ? "paper" : "papers")}"));
        if (open && OpenInBrowser(result.Path) is { } problem)
        {
            OpenFailed(context.Logger<ReportResult>(), result.Path, problem);
        }

        return ExitCodes.Success;
    }

    /// <summary>Opens <paramref name="path"/> with the desktop's default program; the reason when it could not.</summary>
    private static string? OpenInBrowser(string path)
    {
        var start = OperatingSystem.IsWindows() ? new ProcessStartInfo(path) { UseShellExecute = true }
            : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", [path]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        try
        {
            using var process = Process.Start(start);
            if (process is null || OperatingSystem.IsWindows())
            {
                return null;
            }

            // xdg-open and open hand the file over and return; a browser that is slow to start must not hold the command.
            if (process.WaitForExit(TimeSpan.FromSeconds(10)) && process.ExitCode != 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{start.FileName} exited with code {process.ExitCode}: {process.StandardError.ReadToEnd().Trim()}");
            }

            return null;
        }
        catch (Win32Exception e)
        {
            return $"{start.FileName}: {e.Message}";
        }
    }

    [LoggerMessage(EventId = 5090, Level = LogLevel.Warning, Message = "the map is written, but could not be opened in a browser ({Problem}); open {Path} yourself.")]
    private static partial void OpenFailed(ILogger logger, string path, string problem);
}

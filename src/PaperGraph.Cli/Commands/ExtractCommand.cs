using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperGraph.Core;
using PaperGraph.Concepts;
using PaperGraph.Pipeline.Extract;
using PaperGraph.Workspace;
using PaperGraph.Nlp.Morphology;
using PaperGraph.Pipeline.Explore;

namespace PaperGraph.Cli.Commands;

/// <summary><c>papergraph extract</c> and <c>papergraph concepts</c>: concept extraction into the workspace, and its listing.</summary>
internal static class ExtractCommand
{
    public static Command CreateExtract(CommandRunner runner)
    {
        var all = new Option<bool>("--all") { Description = "Analyse every paper again, not only new and changed ones." };
        var (stopList, thesaurus) = SharedOptions.CorrectionOptions();
        var command = new Command("extract", """
            Extract concepts from every paper in the workspace: noun-phrase terms and abbreviations with their long
            forms, variants merged, boilerplate dropped, each concept scored in each paper. Only papers added or changed
            since the last run are analysed (unless --all); merging and scoring are redone over the whole corpus.
            Settings: configuration section "Concepts" (see README).
            """)
        {
            SharedOptions.ExistingWorkspace, all, stopList, thesaurus,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, SharedOptions.WithFiles(SharedOptions.WorkspaceOverride(parse), parse.GetValue(stopList), parse.GetValue(thesaurus)), ConfigureServices,
            (context, token) => Task.Run(() => RunExtract(context, parse.GetValue(all), token), token), cancellationToken));
        return command;
    }

    public static Command CreateConcepts(CommandRunner runner)
    {
        var top = new Option<int>("--top", "-n") { Description = "How many concepts to list (default 50).", DefaultValueFactory = _ => 50, HelpName = "count" };
        top.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--top must be at least 1."); } });
        var abbreviations = new Option<bool>("--abbreviations") { Description = "List every abbreviation with its long form instead." };
        var format = SharedOptions.Format();
        var command = new Command("concepts", """
            List the workspace's top concepts by relevance, with papers, occurrences and surface forms. Relevance is
            the number of papers about a concept: the papers that mention it times its keyphraseness squared, where
            keyphraseness is the mean probability, over those papers, that it is one of their keyphrases (broad words
            such as 'theory' have little). Run 'papergraph extract' first.
            """)
        {
            SharedOptions.ExistingWorkspace, top, abbreviations, format,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, SharedOptions.WorkspaceOverride(parse), SharedOptions.ConfigureWorkspace,
            (context, token) => Task.Run(() => RunConcepts(context, parse.GetValue(top), parse.GetValue(abbreviations), parse.GetValue(format)), token), cancellationToken));
        return command;
    }

    private static void ConfigureServices(IServiceCollection services)
    {
        SharedOptions.ConfigureWorkspace(services);
        SharedOptions.ConfigureConceptOptions(services);
    }

    private static int RunExtract(CommandContext context, bool all, CancellationToken cancellationToken)
    {
        var directory = context.Options<WorkspaceOptions>().Path;
        var result = ExtractRun.Run(directory, Bind.Extract(context) with { All = all }, context.Loggers, context.Progress, cancellationToken);
        context.Progress.Clear();
        Summaries.Extract(context.Out, result, result.Directory, all);
        context.Out.WriteLine($"  next:          papergraph concepts --workspace {result.Directory} --top 50");
        return ExitCodes.Success;
    }

    private static int RunConcepts(CommandContext context, int top, bool abbreviations, OutputFormat format)
    {
        var inv = CultureInfo.InvariantCulture;
        var view = ExploreQueries.Concepts(context.Options<WorkspaceOptions>().Path, top, abbreviations);
        if (format != OutputFormat.Table)
        {
            Rows.Write(context.Out, format, "concepts", ["rank", "key", "name", "longForm", "papers", "occurrences", "relevance", "forms"],
                view.Concepts.Select((c, i) => new object?[] { i + 1, c.Key, c.Name, c.LongForm, c.Papers, c.Occurrences, c.Relevance,
                    string.Join(" | ", c.Aliases.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} ({a.Value})")) }),
                json =>
                {
                    json.WriteNumber("totalConcepts", view.TotalConcepts);
                    json.WriteNumber("papers", view.Papers);
                });
            return ExitCodes.Success;
        }

        if (abbreviations)
        {
            var pairs = view.Concepts;
            context.Out.WriteLine(string.Create(inv, $"{pairs.Count:N0} abbreviations with their long form:"));
            foreach (var concept in pairs)
            {
                context.Out.WriteLine(string.Create(inv, $"  {concept.Key,-14} {concept.LongForm}  ({concept.Papers:N0} papers)"));
            }

            return ExitCodes.Success;
        }

        var concepts = view.Concepts;
        context.Out.WriteLine(string.Create(inv, $"Top {concepts.Count} of {view.TotalConcepts:N0} concepts in {view.Papers:N0} papers"));
        context.Out.WriteLine(string.Create(inv, $"  {"#",4}  {"concept",-56} {"papers",7} {"mentions",8}  surface forms"));
        for (var i = 0; i < concepts.Count; i++)
        {
            var c = concepts[i];
            var aliases = string.Join(", ", c.Aliases.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Take(4).Select(a => $"{a.Key} ({a.Value})"));
            // An abbreviation shows its long form, or a long form its abbreviation.
            var name = c.LongForm is null ? c.Name
                : IsShortForm(c.Name, c.Key) ? $"{c.Name} ({c.LongForm})"
                : $"{c.Name} ({c.Key})";
            context.Out.WriteLine(string.Create(inv, $"  {i + 1,4}  {Rows.Truncate(name, 56),-56} {c.Papers,7:N0} {c.Occurrences,8:N0}  {aliases}"));
        }

        return ExitCodes.Success;
    }

    /// <summary>Whether an abbreviation concept's name is its short form (<c>LLMs</c> for the key <c>LLM</c>, <c>SAM</c> for <c>SAM (sharpness aware minimization)</c>), not its long form.</summary>
    internal static bool IsShortForm(string name, string key)
    {
        var acronym = PaperGraph.Nlp.Morphology.NounForms.SingularAcronym(name);
        return key.StartsWith(acronym, StringComparison.Ordinal) && (key.Length == acronym.Length || key[acronym.Length] == ' ');
    }
}

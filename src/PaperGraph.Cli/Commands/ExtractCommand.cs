using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PaperGraph.Core;
using PaperGraph.Nlp;
using PaperGraph.Concepts;
using PaperGraph.Workspace;
using PaperGraph.Nlp.Morphology;

namespace PaperGraph.Cli.Commands;

/// <summary><c>papergraph extract</c> and <c>papergraph concepts</c>: concept extraction into the workspace, and its listing.</summary>
internal static class ExtractCommand
{
    public static Command CreateExtract(CommandRunner runner)
    {
        var all = new Option<bool>("--all") { Description = "Analyse every paper again, not only new and changed ones." };
        var (stopList, thesaurus) = CorrectionOptions();
        var command = new Command("extract", """
            Extract concepts from every paper in the workspace: noun-phrase terms and abbreviations with their long
            forms, variants merged, boilerplate dropped, each concept scored in each paper. Only papers added or changed
            since the last run are analysed (unless --all); merging and scoring are redone over the whole corpus.
            Settings: configuration section "Concepts" (see README).
            """)
        {
            IngestCommand.ExistingWorkspace, all, stopList, thesaurus,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, WithFiles(IngestCommand.WorkspaceOverride(parse), parse.GetValue(stopList), parse.GetValue(thesaurus)), ConfigureServices,
            (context, token) => Task.Run(() => RunExtract(context, parse.GetValue(all), token), token), cancellationToken));
        return command;
    }

    public static Command CreateConcepts(CommandRunner runner)
    {
        var top = new Option<int>("--top", "-n") { Description = "How many concepts to list (default 50).", DefaultValueFactory = _ => 50, HelpName = "count" };
        top.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--top must be at least 1."); } });
        var abbreviations = new Option<bool>("--abbreviations") { Description = "List every abbreviation with its long form instead." };
        var format = ExploreCommands.FormatOption();
        var command = new Command("concepts", """
            List the workspace's top concepts by relevance, with papers, occurrences and surface forms. Relevance is
            the number of papers about a concept: the papers that mention it times its keyphraseness squared, where
            keyphraseness is the mean probability, over those papers, that it is one of their keyphrases (broad words
            such as 'theory' have little). Run 'papergraph extract' first.
            """)
        {
            IngestCommand.ExistingWorkspace, top, abbreviations, format,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, IngestCommand.WorkspaceOverride(parse), IngestCommand.ConfigureServices,
            (context, token) => Task.Run(() => RunConcepts(context, parse.GetValue(top), parse.GetValue(abbreviations), parse.GetValue(format)), token), cancellationToken));
        return command;
    }

    /// <summary>New <c>--stop-list</c> and <c>--thesaurus</c> options, for <c>extract</c> and <c>build</c>.</summary>
    internal static (Option<string?> StopList, Option<string?> Thesaurus) CorrectionOptions() =>
    (
        new Option<string?>("--stop-list")
        {
            Description = "File of terms never to keep, one per line (Concepts:StopListFile). Recorded in the workspace and used by later runs until another is given; \"\" stops using it.",
            HelpName = "file",
        },
        new Option<string?>("--thesaurus")
        {
            Description = "VOSviewer-style thesaurus: 'label<TAB>replace by' per line; an empty replacement drops the term (Concepts:ThesaurusFile). Recorded in the workspace and used by later runs until another is given; \"\" stops using it.",
            HelpName = "file",
        }
    );

    internal static Dictionary<string, string?> WithFiles(Dictionary<string, string?> overrides, string? stopList, string? thesaurus)
    {
        if (stopList is not null)
        {
            overrides[$"{ConceptOptions.SectionName}:{nameof(ConceptOptions.StopListFile)}"] = stopList;
        }

        if (thesaurus is not null)
        {
            overrides[$"{ConceptOptions.SectionName}:{nameof(ConceptOptions.ThesaurusFile)}"] = thesaurus;
        }

        return overrides;
    }

    private static void ConfigureServices(IServiceCollection services)
    {
        IngestCommand.ConfigureServices(services);
        ConfigureConceptOptions(services);
    }

    /// <summary>Binds and validates the <c>Concepts</c> configuration section.</summary>
    internal static void ConfigureConceptOptions(IServiceCollection services)
    {
        services.AddOptions<ConceptOptions>().BindConfiguration(ConceptOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConceptOptions>, ConceptOptionsValidator>();
    }

    private static int RunExtract(CommandContext context, bool all, CancellationToken cancellationToken)
    {
        var settings = context.Options<ConceptOptions>().ToSettings();
        using var workspace = WorkspaceDatabase.OpenExisting(context.Options<WorkspaceOptions>().Path);
        var result = Extract(context, workspace, settings, all, cancellationToken);
        context.Progress.Clear();
        result.WriteSummary(context.Out, workspace.Directory, all);
        context.Out.WriteLine($"  next:          papergraph concepts --workspace {workspace.Directory} --top 50");
        return ExitCodes.Success;
    }

    /// <summary>What <see cref="Extract"/> did, with the corpus-wide concept index it built.</summary>
    /// <param name="ExtractorChanged">Whether every paper was analysed again because the stored terms came from another extractor version.</param>
    /// <param name="Corrections">One line per stop list or thesaurus used: which, and whether it changed (see <see cref="ConceptCorrections"/>).</param>
    internal sealed record ExtractionResult(ConceptIndex Index, int Analysed, int Mentions, IReadOnlyList<(string Step, double Seconds)> Timings, bool ExtractorChanged = false,
        IReadOnlyList<string>? Corrections = null)
    {
        public double Seconds => Timings.Sum(t => t.Seconds);

        public void WriteSummary(TextWriter output, string directory, bool all)
        {
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine(string.Create(inv, $"Extracted concepts in {directory} in {Seconds:F2} s"));
            var which = ExtractorChanged ? "all: the extractor changed since they were analysed" : all ? "all" : "new or changed";
            output.WriteLine(string.Create(inv, $"  papers:        {Analysed:N0} analysed ({which}), {Index.DocumentCount:N0} in the corpus"));
            output.WriteLine(string.Create(inv, $"  concepts:      {Index.Concepts.Count:N0} ({Index.Concepts.Values.Count(c => c.LongForm is not null):N0} abbreviations with their long form)"));
            output.WriteLine(string.Create(inv, $"  mentions:      {Mentions:N0} paper-concept links"));
            foreach (var correction in Corrections ?? [])
            {
                output.WriteLine($"  corrections:   {correction}");
            }

            output.WriteLine("  time:          " + string.Join(", ", Timings.Select(t => string.Create(inv, $"{t.Step} {t.Seconds:F1} s"))));
        }
    }

    /// <summary>
    /// Analyses new or changed papers (all with <paramref name="all"/>), stores their terms, then merges and scores
    /// concepts over the whole corpus and stores them. Terms analysed in this run are taken from memory; only the
    /// other papers' stored terms are read back from the workspace.
    /// </summary>
    /// <param name="store">Whether to store the concepts before returning; if not, the caller calls <see cref="StoreConcepts"/>.</param>
    internal static ExtractionResult Extract(CommandContext context, WorkspaceDatabase workspace, ConceptSettings settings, bool all, CancellationToken cancellationToken, bool store = true)
    {
        var inv = CultureInfo.InvariantCulture;
        if (workspace.CountPapers() == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoPapersFound, $"{workspace.Directory}: the workspace has no papers; run 'papergraph ingest <files> --workspace {workspace.Directory}' first.");
        }

        // The stop list and thesaurus given now, else those recorded by an earlier run: a build keeps an extract's corrections.
        (settings, var corrections) = ConceptCorrections.Resolve(context.Options<ConceptOptions>(), settings, workspace);
        var timings = new List<(string, double)>();
        var clock = Stopwatch.StartNew();
        void Lap(string step)
        {
            timings.Add((step, clock.Elapsed.TotalSeconds));
            clock.Restart();
        }

        // Terms made by another version of the extractor are not mixed with new ones: every paper is analysed again.
        var storedVersion = workspace.ExtractorVersion;
        var extractorChanged = !all && storedVersion != ConceptExtractor.Version && workspace.Count("paper_terms") > 0;
        if (extractorChanged)
        {
            Log.ExtractorChanged(context.Logger<ConceptExtractor>(), storedVersion is { } v ? $"extractor version {v.ToString(inv)}" : "an earlier PaperGraph", ConceptExtractor.Version);
            all = true;
        }

        var papers = workspace.PapersToExtract(all, DocumentTermsBinary.Version);
        var analysedCount = papers.Count;
        var extractor = ConceptExtractor.Default;
        // Each paper's terms are kept as one byte array (DocumentTermsBinary) and read back for the merge: holding the
        // terms' many small objects through the analysis made every garbage collection copy them (analysis of the
        // 200k corpus 19 s -> 34 s). Reading them back on every core takes about 3 s (JSON, before: 11 s).
        var records = new (string Id, int Revision, byte[] Terms)[papers.Count];
        var done = 0;
        Parallel.For(0, papers.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new AnalyzedText(), (i, _, scratch) =>
        {
            var paper = papers[i];
            records[i] = (paper.Id, paper.Revision, DocumentTermsBinary.Write(extractor.Extract(paper.Id, paper.Title, paper.Abstract, scratch)));
            var finished = Interlocked.Increment(ref done);
            if (finished % 500 == 0)
            {
                context.Progress.Report(string.Create(inv, $"extract: {finished:N0} / {papers.Count:N0} papers"));
            }

            return scratch;
        }, _ => { });
        papers = null;
        Lap("analysis");
        // The other papers' terms are read back from the workspace; every paper's record is then decoded in parallel.
        // When there are no others (a first extraction, or --all), the terms are saved while they are decoded.
        var stored = records.Select(r => (r.Id, r.Terms)).ToList();
        var toSave = records;
        records = null;
        var saving = Task.CompletedTask;
        var savedAlongside = analysedCount == workspace.CountPapers();
        if (!savedAlongside)
        {
            context.Progress.Report(string.Create(inv, $"extract: saving the terms of {analysedCount:N0} papers"), force: true);
            workspace.SavePaperTerms(toSave);
            Lap("saving terms");
            context.Progress.Report("extract: reading the stored terms of the other papers", force: true);
            var analysed = new HashSet<string>(stored.Select(r => r.Id), StringComparer.Ordinal);
            stored.AddRange(workspace.ReadPaperTerms(id => !analysed.Contains(id)));
        }
        else
        {
            context.Progress.Report(string.Create(inv, $"extract: saving and reading back the terms of {analysedCount:N0} papers"), force: true);
            saving = Task.Run(() => workspace.SavePaperTerms(toSave), cancellationToken);
        }

        var terms = new DocumentTerms[stored.Count];
        try
        {
            Parallel.For(0, stored.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new StringPool(), (i, _, strings) =>
            {
                try
                {
                    // Records of another format were extracted again above, so one read back must be of this one.
                    terms[i] = DocumentTermsBinary.Read(stored[i].Terms, strings)
                        ?? throw new FormatException($"a record of format {stored[i].Terms.FirstOrDefault()}, expected {DocumentTermsBinary.Version}");
                }
                catch (FormatException e)
                {
                    throw new PaperGraphException(ErrorCodes.WorkspaceCorrupt,
                        $"{workspace.Directory}: the stored terms of paper {stored[i].Id} are damaged ({e.Message}); run 'papergraph extract --all --workspace {workspace.Directory}'.", e);
                }

                return strings;
            }, _ => { });
        }
        catch
        {
            saving.WaitQuietly();
            throw;
        }

        stored = null;
        saving.GetAwaiter().GetResult();
        workspace.ExtractorVersion = ConceptExtractor.Version;
        if (terms.Length > analysedCount)
        {
            // The index depends on document order only through ties; keep it the same as a run that read everything.
            Array.Sort(terms, (a, b) => string.CompareOrdinal(a.Id, b.Id));
        }

        Lap(savedAlongside ? "saving and reading terms" : "reading terms");
        context.Progress.Report(string.Create(inv, $"extract: merging and scoring concepts over {terms.Length:N0} papers"), force: true);
        var index = ConceptIndex.Build(terms, settings, context.Logger<ConceptIndex>());
        Lap("merging and scoring");
        if (store)
        {
            context.Progress.Report(string.Create(inv, $"extract: storing {index.Concepts.Count:N0} concepts"), force: true);
            StoreConcepts(workspace, index);
            Lap("storing concepts");
        }

        return new ExtractionResult(index, analysedCount, index.ByDocument.Values.Sum(d => d.Count), timings, extractorChanged, corrections);
    }

    /// <summary>Replaces the workspace's concepts and mentions with those of <paramref name="index"/>.</summary>
    internal static void StoreConcepts(WorkspaceDatabase workspace, ConceptIndex index)
    {
        var summaries = index.Concepts.Values.Select(c => c.ToSummary());
        var mentions = index.ByDocument.SelectMany(d => d.Value.Select(c => new PaperConcept(d.Key, c.Key, c.Count, c.Score, c.InTitle)));
        workspace.ReplaceConcepts(summaries, mentions);
    }

    private static int RunConcepts(CommandContext context, int top, bool abbreviations, OutputFormat format)
    {
        var inv = CultureInfo.InvariantCulture;
        using var workspace = WorkspaceDatabase.OpenExisting(context.Options<WorkspaceOptions>().Path);
        if (workspace.Count("concepts") == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoPapersFound, $"{workspace.Directory}: no concepts yet; run 'papergraph extract --workspace {workspace.Directory}' first.");
        }

        if (format != OutputFormat.Table)
        {
            var listed = abbreviations
                ? workspace.ReadConcepts().Where(c => c.LongForm is not null).OrderBy(c => c.Key, StringComparer.Ordinal).ToList()
                : workspace.ReadConcepts(top);
            ExploreCommands.WriteRows(context.Out, format, "concepts", ["rank", "key", "name", "longForm", "papers", "occurrences", "relevance", "forms"],
                listed.Select((c, i) => new object?[] { i + 1, c.Key, c.Name, c.LongForm, c.Papers, c.Occurrences, c.Relevance,
                    string.Join(" | ", c.Aliases.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} ({a.Value})")) }),
                json =>
                {
                    json.WriteNumber("totalConcepts", workspace.Count("concepts"));
                    json.WriteNumber("papers", workspace.Count("papers"));
                });
            return ExitCodes.Success;
        }

        if (abbreviations)
        {
            var pairs = workspace.ReadConcepts().Where(c => c.LongForm is not null).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
            context.Out.WriteLine(string.Create(inv, $"{pairs.Count:N0} abbreviations with their long form:"));
            foreach (var concept in pairs)
            {
                context.Out.WriteLine(string.Create(inv, $"  {concept.Key,-14} {concept.LongForm}  ({concept.Papers:N0} papers)"));
            }

            return ExitCodes.Success;
        }

        var concepts = workspace.ReadConcepts(top);
        context.Out.WriteLine(string.Create(inv, $"Top {concepts.Count} of {workspace.Count("concepts"):N0} concepts in {workspace.Count("papers"):N0} papers"));
        context.Out.WriteLine(string.Create(inv, $"  {"#",4}  {"concept",-56} {"papers",7} {"mentions",8}  surface forms"));
        for (var i = 0; i < concepts.Count; i++)
        {
            var c = concepts[i];
            var aliases = string.Join(", ", c.Aliases.OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Take(4).Select(a => $"{a.Key} ({a.Value})"));
            // An abbreviation shows its long form, or a long form its abbreviation.
            var name = c.LongForm is null ? c.Name
                : IsShortForm(c.Name, c.Key) ? $"{c.Name} ({c.LongForm})"
                : $"{c.Name} ({c.Key})";
            context.Out.WriteLine(string.Create(inv, $"  {i + 1,4}  {Truncate(name, 56),-56} {c.Papers,7:N0} {c.Occurrences,8:N0}  {aliases}"));
        }

        return ExitCodes.Success;
    }

    /// <summary>Whether an abbreviation concept's name is its short form (<c>LLMs</c> for the key <c>LLM</c>, <c>SAM</c> for <c>SAM (sharpness aware minimization)</c>), not its long form.</summary>
    internal static bool IsShortForm(string name, string key)
    {
        var acronym = PaperGraph.Nlp.Morphology.NounForms.SingularAcronym(name);
        return key.StartsWith(acronym, StringComparison.Ordinal) && (key.Length == acronym.Length || key[acronym.Length] == ' ');
    }

    /// <summary>A table cell: the text, cut to <paramref name="length"/> characters with an ellipsis.</summary>
    internal static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

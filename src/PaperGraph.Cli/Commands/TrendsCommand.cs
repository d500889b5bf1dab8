using System.CommandLine;
using System.Globalization;
using PaperGraph.Graph.Trends;
using PaperGraph.Pipeline.Trends;

namespace PaperGraph.Cli.Commands;

/// <summary><c>papergraph trends</c>: the graph concepts rising now and the bursts of the corpus.</summary>
internal static class TrendsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var count = new Option<int>("-n", "--top") { Description = "How many rising concepts and bursts to list (default 20).", DefaultValueFactory = _ => 20, HelpName = "count" };
        count.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("-n must be at least 1."); } });
        var window = new Option<int>("--window") { Description = "Months of the recent window, compared with the same number of months before it (default 12).", DefaultValueFactory = _ => 12, HelpName = "months" };
        window.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--window must be at least 1 month."); } });
        var minPapers = new Option<int>("--min-papers") { Description = "Papers a concept needs in the recent window to be listed as rising (default 3).", DefaultValueFactory = _ => 3, HelpName = "count" };
        minPapers.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--min-papers must be at least 1."); } });
        var format = SharedOptions.Format();
        var command = new Command("trends", """
            Print the graph concepts rising now and the bursts of the corpus, from the papers' months. Rising: the
            concept's share of the corpus's papers in the last --window months against its share in the window before
            (growth = ratio of the two, each with one paper added), surest rise first (G², the log-likelihood ratio of
            the two windows' counts). Bursts: Kleinberg's two-state burst model over
            each concept's monthly papers against the corpus's (as CiteSpace uses it), strongest first. Papers without
            a year and month are left out. Run 'papergraph build' first.
            """)
        {
            SharedOptions.ExistingWorkspace, count, window, minPapers, format,
        };
        command.SetAction((parse, cancellationToken) => runner.RunAsync(parse, SharedOptions.WorkspaceOverride(parse), SharedOptions.ConfigureWorkspace,
            (context, token) => Task.Run(() => Run(context, parse.GetValue(count), parse.GetValue(window), parse.GetValue(minPapers), parse.GetValue(format)), token), cancellationToken));
        return command;
    }

    private static int Run(CommandContext context, int count, int window, int minPapers, OutputFormat format)
    {
        var inv = CultureInfo.InvariantCulture;
        var settings = new TrendSettings(window, minPapers);
        var report = TrendsRun.Run(context.Options<WorkspaceOptions>().Path, settings);
        var (trends, corpus, undated, first, last) = (report.Trends, report.Corpus, report.Undated, report.First, report.Last);
        var (recentStart, previousStart) = (report.RecentStart, report.PreviousStart);
        string Name(string key) => report.Name(key);

        if (format == OutputFormat.Csv)
        {
            // Every graph concept's trend, for a script to rank as it likes; bursts as start..end:strength, joined by |.
            Rows.Write(context.Out, format, "trends",
                ["key", "name", "firstMonth", "recent", "recentShare", "previousShare", "growth", "g2", "bursts"],
                trends.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new object?[] { t.Key, Name(t.Key), t.First.ToString(), t.Recent, t.RecentShare,
                    t.PreviousShare, t.Growth, t.Evidence, string.Join('|', t.Bursts.Select(b => string.Create(inv, $"{b.Start}..{b.End}:{b.Strength:R}"))) }));
            return ExitCodes.Success;
        }

        if (format == OutputFormat.Json)
        {
            Rows.WriteJson(context.Out, json =>
            {
                json.WriteString("from", first.ToString());
                json.WriteString("to", last.ToString());
                json.WriteNumber("datedPapers", corpus.Values.Sum());
                json.WriteNumber("undatedPapers", undated);
                json.WriteNumber("windowMonths", window);
                json.WriteString("recentFrom", recentStart.ToString());
                json.WriteString("previousFrom", previousStart.ToString());
                json.WriteStartArray("rising");
                foreach (var t in report.Rising.Take(count))
                {
                    json.WriteStartObject();
                    json.WriteString("key", t.Key);
                    json.WriteString("name", Name(t.Key));
                    json.WriteNumber("recent", t.Recent);
                    json.WriteNumber("recentShare", t.RecentShare);
                    json.WriteNumber("previousShare", t.PreviousShare);
                    json.WriteNumber("growth", t.Growth);
                    json.WriteNumber("g2", t.Evidence);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("bursts");
                foreach (var (key, start, end, strength) in report.Bursts.Take(count))
                {
                    json.WriteStartObject();
                    json.WriteString("key", key);
                    json.WriteString("name", Name(key));
                    json.WriteString("start", start.ToString());
                    json.WriteString("end", end.ToString());
                    json.WriteNumber("strength", strength);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            });
            return ExitCodes.Success;
        }

        context.Out.WriteLine(string.Create(inv, $"{corpus.Values.Sum():N0} dated papers from {first} to {last}{(undated > 0 ? $"; {undated:N0} without a year and month left out" : "")}"));
        context.Out.WriteLine();
        var rising = report.Rising.Take(count).ToList();
        if (recentStart == previousStart)
        {
            context.Out.WriteLine(string.Create(inv, $"Rising: the corpus spans fewer than {window + 1} months, so there is no window before {recentStart} to compare with (try a smaller --window)."));
        }
        else
        {
            context.Out.WriteLine(string.Create(inv, $"Rising: share of papers {recentStart} to {last} against {previousStart} to {recentStart + -1} (at least {minPapers} recent papers)"));
            context.Out.WriteLine(string.Create(inv, $"  {"#",4}  {"concept",-44} {"recent",7} {"share now",10} {"before",10} {"growth",7} {"G²",8}"));
            for (var i = 0; i < rising.Count; i++)
            {
                var t = rising[i];
                context.Out.WriteLine(string.Create(inv, $"  {i + 1,4}  {Rows.Truncate(Name(t.Key), 44),-44} {t.Recent,7:N0} {t.RecentShare,10:P2} {t.PreviousShare,10:P2} {t.Growth,7:F2} {t.Evidence,8:F1}"));
            }

            if (rising.Count == 0)
            {
                context.Out.WriteLine("  (no concept grew its share)");
            }
        }

        context.Out.WriteLine();
        var bursts = report.Bursts.Take(count).ToList();
        context.Out.WriteLine(string.Create(inv, $"Strongest bursts (Kleinberg, s = {settings.Bursts.Scale}, gamma = {settings.Bursts.Gamma}; months against the corpus's)"));
        context.Out.WriteLine(string.Create(inv, $"  {"#",4}  {"concept",-44} {"from",7} {"to",7} {"strength",9}"));
        for (var i = 0; i < bursts.Count; i++)
        {
            var b = bursts[i];
            context.Out.WriteLine(string.Create(inv, $"  {i + 1,4}  {Rows.Truncate(Name(b.Key), 44),-44} {b.Start,7} {b.End,7} {b.Strength,9:F1}"));
        }

        if (bursts.Count == 0)
        {
            context.Out.WriteLine("  (no burst)");
        }

        return ExitCodes.Success;
    }
}

using PaperGraph.Core;
using PaperGraph.Graph.Trends;
using PaperGraph.Workspace;

namespace PaperGraph.Pipeline.Trends;

/// <summary>The trends of a built workspace: each graph concept's growth and bursts over the corpus's months.</summary>
/// <param name="First">The corpus's first month with a dated paper.</param>
/// <param name="Last">Its last month.</param>
/// <param name="Corpus">Dated papers per month.</param>
/// <param name="Undated">Papers without a year and month, left out.</param>
/// <param name="Trends">Every graph concept's trend, bursts included.</param>
/// <param name="Settings">The window and thresholds the trends were computed with.</param>
/// <param name="Names">Display names by concept key.</param>
public sealed record TrendsReport(Month First, Month Last, IReadOnlyDictionary<Month, int> Corpus, int Undated, IReadOnlyList<ConceptTrend> Trends,
    TrendSettings Settings, IReadOnlyDictionary<string, string> Names)
{
    /// <summary>The first month of the recent window.</summary>
    public Month RecentStart => new(Math.Max(First.Index, Last.Index - Settings.WindowMonths + 1));

    /// <summary>The first month of the window before it; equal to <see cref="RecentStart"/> when the corpus is too short to have one.</summary>
    public Month PreviousStart => new(Math.Max(First.Index, RecentStart.Index - Settings.WindowMonths));

    /// <summary>The concepts rising now, surest rise first.</summary>
    public IEnumerable<ConceptTrend> Rising => ConceptTrends.Rising(Trends, Settings);

    /// <summary>Every burst of every concept, strongest first.</summary>
    public IEnumerable<(string Key, Month Start, Month End, double Strength)> Bursts =>
        Trends.SelectMany(t => t.Bursts.Select(b => (t.Key, b.Start, b.End, b.Strength)))
            .OrderByDescending(b => b.Strength).ThenBy(b => b.Key, StringComparer.Ordinal);

    /// <summary>The concept's display name, or its key.</summary>
    public string Name(string key) => Names.GetValueOrDefault(key, key);
}

/// <summary>Reads a built workspace's monthly papers and computes its trends.</summary>
public static class TrendsRun
{
    /// <summary>The trends of the workspace at <paramref name="directory"/>, which must hold a graph built with months.</summary>
    public static TrendsReport Run(string directory, TrendSettings settings)
    {
        using var workspace = WorkspaceDatabase.OpenExisting(directory);
        return Run(workspace, settings);
    }

    /// <summary>The trends of an open workspace.</summary>
    public static TrendsReport Run(WorkspaceDatabase workspace, TrendSettings settings)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (workspace.Count("graph_nodes") == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoPapersFound, $"{workspace.Directory}: no concept graph yet; run 'papergraph build --workspace {workspace.Directory}' first.");
        }

        if (!workspace.HasGraphMonths())
        {
            throw new PaperGraphException(ErrorCodes.MeasureNotComputed,
                $"{workspace.Directory}: the graph was built by an earlier PaperGraph, which did not store the concepts' months; run 'papergraph build --workspace {workspace.Directory}' again.");
        }

        var (perMonth, undated) = workspace.ReadCorpusMonths();
        var corpus = perMonth.ToDictionary(m => Month.Parse(m.Key)!.Value, m => m.Value);
        if (corpus.Count == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoDates,
                $"{workspace.Directory}: none of the {undated:N0} papers has a year and month, so there is no trend to show. Dates come from arXiv versions, 'published' or 'date' fields, and Daily Papers dates with a year on their page.");
        }

        var series = workspace.ReadGraphMonthSeries()
            .Select(s => (s.Key, (IReadOnlyDictionary<Month, int>)s.Months.ToDictionary(m => new Month(m.Month), m => m.Papers))).ToList();
        var trends = ConceptTrends.Analyze(series, corpus, settings);
        return new TrendsReport(corpus.Keys.Min(), corpus.Keys.Max(), corpus, undated, trends, settings, workspace.ReadGraphNames());
    }
}

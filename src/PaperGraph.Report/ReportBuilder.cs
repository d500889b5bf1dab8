using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PaperGraph.Core;
using PaperGraph.Graph.Trends;
using PaperGraph.Workspace;

namespace PaperGraph.Report;

/// <summary>What goes into the map page.</summary>
/// <param name="Concepts">How many concepts the map shows, most central (topic centrality) first; capped by the graph's size.</param>
/// <param name="Title">The page's title; null for one naming the workspace.</param>
/// <param name="Neighbours">Strongest links kept per concept for its panel.</param>
/// <param name="Evidence">Evidence papers kept per link, best first.</param>
/// <param name="Listed">Rising concepts and bursts listed.</param>
/// <param name="WindowMonths">Months of the recent window of the rising concepts (as <c>papergraph trends --window</c>).</param>
/// <param name="MinRecentPapers">Papers a rising concept needs in the recent window (as <c>papergraph trends --min-papers</c>).</param>
public sealed record ReportSettings(int Concepts = ReportSettings.DefaultConcepts, string? Title = null, int Neighbours = 12, int Evidence = 5, int Listed = 30,
    int WindowMonths = 12, int MinRecentPapers = 3)
{
    public const int DefaultConcepts = 1000;

    public int Concepts { get; } = Concepts >= 1 ? Concepts : throw new ArgumentOutOfRangeException(nameof(Concepts), Concepts, "at least one concept");

    public int Neighbours { get; } = Neighbours >= 1 ? Neighbours : throw new ArgumentOutOfRangeException(nameof(Neighbours), Neighbours, "at least one neighbour");

    public int Evidence { get; } = Evidence >= 1 ? Evidence : throw new ArgumentOutOfRangeException(nameof(Evidence), Evidence, "at least one paper");
}

/// <summary>The trends the map page lists: rising concepts surest first, bursts strongest first, and the concepts' names.</summary>
public sealed record ReportTrends(IReadOnlyList<ConceptTrend> Rising, IReadOnlyList<(string Key, Month Start, Month End, double Strength)> Bursts,
    IReadOnlyDictionary<string, string> Names);

/// <summary>Reads a built workspace into the <see cref="ReportData"/> of its map page.</summary>
public static partial class ReportBuilder
{
    /// <summary>The summary file <c>build</c> writes into the workspace, read for the build's settings.</summary>
    private const string SummaryFileName = "summary.json";

    // Distinct on white; the communities beyond these get golden-angle hues.
    private static readonly string[] Palette =
    [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#17becf", "#8c564b", "#e377c2", "#bcbd22", "#393b79",
        "#637939", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363", "#a55194", "#6b6ecf",
    ];

    /// <summary>Reads <paramref name="workspace"/>'s graph, layout, months and evidence into the page's model.</summary>
    /// <param name="trends">The rising concepts and bursts (as <c>papergraph trends</c> computes them), or null for none.</param>
    /// <exception cref="PaperGraphException">The workspace has no graph, or a graph without a layout.</exception>
    public static ReportData Build(WorkspaceDatabase workspace, ReportSettings settings, ReportTrends? trends, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(settings);
        var graphConcepts = (int)workspace.Count("graph_nodes");
        if (graphConcepts == 0)
        {
            throw new PaperGraphException(ErrorCodes.NoPapersFound, $"{workspace.Directory}: no concept graph yet; run 'papergraph build --workspace {workspace.Directory}' first.");
        }

        var ranked = workspace.ReadTopConcepts(NodeMeasure.Topic, Math.Min(settings.Concepts, graphConcepts));
        if (ranked.Any(r => r.Node.X is null || r.Node.Y is null))
        {
            throw new PaperGraphException(ErrorCodes.MeasureNotComputed,
                $"{workspace.Directory}: the graph has no layout (built by an earlier PaperGraph, or with Graph:LayoutIterations 0), so there is no map to draw; run 'papergraph build --workspace {workspace.Directory}' again.");
        }

        var index = new Dictionary<string, int>(ranked.Count, StringComparer.Ordinal);
        for (var i = 0; i < ranked.Count; i++)
        {
            index[ranked[i].Key] = i;
        }

        // Months: the corpus's dense series, and each concept's from its first month to the corpus's last.
        var (corpusMonthsText, undated) = workspace.ReadCorpusMonths();
        var corpus = corpusMonthsText.ToDictionary(m => Month.Parse(m.Key)!.Value, m => m.Value);
        var series = workspace.HasGraphMonths() ? workspace.ReadGraphMonthSeries() : [];
        Month? first = corpus.Count > 0 ? corpus.Keys.Min() : null;
        Month? last = corpus.Count > 0 ? corpus.Keys.Max() : null;
        var seriesByKey = series.ToDictionary(s => s.Key, s => s.Months, StringComparer.Ordinal);

        // The links first, then the titles and dates of every evidence paper at once (abstracts are not read).
        var rows = new List<(RankedConcept Row, ConceptSummary? Concept, List<Neighbour> Neighbours)>(ranked.Count);
        foreach (var row in ranked)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var neighbours = workspace.ReadNeighbours(row.Key, settings.Neighbours)
                .ConvertAll(n => n with { Evidence = [.. n.Evidence.Take(settings.Evidence)] });
            rows.Add((row, workspace.ReadConcept(row.Key), neighbours));
        }

        var ids = rows.SelectMany(r => r.Neighbours).SelectMany(n => n.Evidence).Distinct(StringComparer.Ordinal).ToList();
        var headings = workspace.ReadPaperHeadings(ids);
        var papers = ids.ConvertAll(id => headings.TryGetValue(id, out var h) ? new ReportPaper(id, h.Title, h.Published, ArxivId().IsMatch(id)) : new ReportPaper(id, null, null, ArxivId().IsMatch(id)));
        var paperIndex = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            paperIndex[ids[i]] = i;
        }

        var concepts = new List<ReportConcept>(ranked.Count);
        foreach (var (row, concept, links) in rows)
        {
            var forms = (concept?.Aliases ?? new Dictionary<string, int>())
                .OrderByDescending(a => a.Value).ThenBy(a => a.Key, StringComparer.Ordinal).Take(20)
                .Select(a => new ReportForm(a.Key, a.Value)).ToList();
            var neighbours = links.ConvertAll(n => new ReportLink(index.GetValueOrDefault(n.Key, -1), n.Name, n.Papers, Math.Round(n.Weight, 4),
                [.. n.Evidence.Select(id => paperIndex[id])]));
            var (firstMonth, months) = Dense(seriesByKey.GetValueOrDefault(row.Key), last);
            var node = row.Node;
            concepts.Add(new ReportConcept(row.Key, row.Name, concept?.LongForm, row.Papers, Math.Round(node.X!.Value, 3), Math.Round(node.Y!.Value, 3), node.Community,
                Round(node.Topic), Round(node.PageRank), Math.Round(node.Betweenness, 8), Round(node.Eigenvector), Round(node.Keyphraseness), node.Degree, node.Core,
                forms, firstMonth, months, neighbours));
        }

        var communities = Communities(concepts);
        var (rising, bursts) = Trends(trends, index, settings);
        var corpusMonths = first is { } f && last is { } l ? Enumerable.Range(f.Index, l.Index - f.Index + 1).Select(m => corpus.GetValueOrDefault(new Month(m))).ToList() : [];
        var summary = new CorpusSummary((int)workspace.CountPapers(), corpus.Values.Sum(), undated, first?.ToString(), last?.ToString(), graphConcepts,
            (int)workspace.Count("graph_edges"), concepts.Count, communities.Count, ReadBuildSettings(workspace.Directory), first?.ToString(), corpusMonths,
            settings.WindowMonths);
        var title = settings.Title ?? $"PaperGraph map: {Path.GetFileName(Path.TrimEndingDirectorySeparator(workspace.Directory))}";
        return new ReportData(title, summary, concepts, communities, papers, rising, bursts);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 8) : null;

    /// <summary>A concept's papers per month from its first month to <paramref name="last"/>, zeros included.</summary>
    private static (string? First, List<int> Months) Dense(List<(int Month, int Papers)>? months, Month? last)
    {
        if (months is null || months.Count == 0 || last is null)
        {
            return (null, []);
        }

        var start = months.Min(m => m.Month);
        var end = Math.Max(last.Value.Index, months.Max(m => m.Month));
        var dense = new int[end - start + 1];
        foreach (var (month, papers) in months)
        {
            dense[month - start] += papers;
        }

        return (new Month(start).ToString(), [.. dense]);
    }

    /// <summary>The communities of the map's concepts, largest first, each named by its three most central concepts.</summary>
    private static List<ReportCommunity> Communities(List<ReportConcept> concepts)
    {
        // The concepts come most central first, so the first three of each community name it.
        var groups = concepts.GroupBy(c => c.Community).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
        var communities = new List<ReportCommunity>(groups.Count);
        for (var i = 0; i < groups.Count; i++)
        {
            communities.Add(new ReportCommunity(groups[i].Key, string.Join(", ", groups[i].Take(3).Select(c => c.Name)), groups[i].Count(), Color(i)));
        }

        return communities;
    }

    /// <summary>The colour of the <paramref name="rank"/>-th largest community.</summary>
    internal static string Color(int rank)
    {
        if (rank < Palette.Length)
        {
            return Palette[rank];
        }

        // Golden-angle hues at a fixed saturation and lightness: neighbours in rank stay far apart on the wheel.
        var hue = rank * 137.508 % 360;
        var (r, g, b) = Hsl(hue, 0.55, 0.48);
        return string.Create(CultureInfo.InvariantCulture, $"#{r:x2}{g:x2}{b:x2}");
    }

    private static (int R, int G, int B) Hsl(double hue, double saturation, double lightness)
    {
        var c = (1 - Math.Abs(2 * lightness - 1)) * saturation;
        var x = c * (1 - Math.Abs(hue / 60 % 2 - 1));
        var m = lightness - c / 2;
        var (r, g, b) = (int)(hue / 60) switch
        {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        return ((int)Math.Round((r + m) * 255), (int)Math.Round((g + m) * 255), (int)Math.Round((b + m) * 255));
    }

    /// <summary>The first rising concepts and bursts, with their place on the map.</summary>
    private static (List<RisingConcept> Rising, List<ReportBurst> Bursts) Trends(ReportTrends? trends, Dictionary<string, int> index, ReportSettings settings)
    {
        if (trends is null)
        {
            return ([], []);
        }

        string Name(string key) => trends.Names.GetValueOrDefault(key, key);
        var rising = trends.Rising.Take(settings.Listed)
            .Select(t => new RisingConcept(index.GetValueOrDefault(t.Key, -1), Name(t.Key), t.Recent, t.RecentShare, t.PreviousShare,
                Math.Round(t.Growth, 4), Math.Round(t.Evidence, 3)))
            .ToList();
        var bursts = trends.Bursts.Take(settings.Listed)
            .Select(b => new ReportBurst(index.GetValueOrDefault(b.Key, -1), Name(b.Key), b.Start.ToString(), b.End.ToString(), Math.Round(b.Strength, 3)))
            .ToList();
        return (rising, bursts);
    }

    /// <summary>The <c>settings</c> object of the workspace's <c>summary.json</c>, flattened to (name, value) pairs; none when absent or unreadable.</summary>
    internal static List<KeyValuePair<string, string>> ReadBuildSettings(string directory)
    {
        var path = Path.Combine(directory, SummaryFileName);
        var settings = new List<KeyValuePair<string, string>>();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("settings", out var root))
            {
                Flatten(root, "", settings);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            // The settings are a courtesy of the page: a workspace without its summary still gets a map.
        }

        return settings;
    }

    private static void Flatten(JsonElement element, string prefix, List<KeyValuePair<string, string>> into)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Flatten(property.Value, prefix.Length == 0 ? property.Name : prefix + "." + property.Name, into);
            }
        }
        else if (element.ValueKind != JsonValueKind.Null && prefix.Length > 0)
        {
            into.Add(new(prefix, element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText()));
        }
    }

    /// <summary>A new-style (<c>2401.00011</c>) or old-style (<c>hep-th/9901001</c>, <c>math.AG/0101001</c>) arXiv id.</summary>
    [GeneratedRegex(@"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})$", RegexOptions.CultureInvariant)]
    private static partial Regex ArxivId();
}

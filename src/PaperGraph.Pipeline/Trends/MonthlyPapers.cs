using System.Globalization;
using PaperGraph.Concepts;
using PaperGraph.Core;
using PaperGraph.Graph.Export;
using PaperGraph.Graph.Trends;
using PaperGraph.Pipeline.Build;
using PaperGraph.Workspace;

namespace PaperGraph.Pipeline.Trends;

/// <summary>The monthly papers of each graph concept that <c>build</c> stores and writes to <c>trends.csv</c>, and their bursts.</summary>
internal static class MonthlyPapers
{
    /// <summary>The file of papers per concept and month.</summary>
    public const string FileName = "trends.csv";

    /// <summary>
    /// Each graph concept's papers per month, in the graph's order then by month; its bursts (Kleinberg's model with the
    /// default settings, against the corpus's papers per month); and the number of papers without a month.
    /// </summary>
    public static (List<ConceptMonth> Months, List<ConceptBurst> Bursts, Dictionary<string, int> Corpus, int Undated) Count(GraphNodes nodes,
        IReadOnlyDictionary<string, string?> published)
    {
        var (months, corpus, undated) = CountMonths(nodes, published);
        var series = months.GroupBy(m => m.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyDictionary<Month, int>)g.ToDictionary(m => Month.Parse(m.Month)!.Value, m => m.Papers))).ToList();
        var bursts = ConceptTrends.Analyze(series, corpus)
            .SelectMany(t => t.Bursts.Select(b => new ConceptBurst(t.Key, b.Start.ToString(), b.End.ToString(), b.Strength))).ToList();
        return (months, bursts, corpus.ToDictionary(m => m.Key.ToString(), m => m.Value, StringComparer.Ordinal), undated);
    }

    private static (List<ConceptMonth> Months, Dictionary<Month, int> Corpus, int Undated) CountMonths(GraphNodes graphNodes, IReadOnlyDictionary<string, string?> published)
    {
        var corpus = new Dictionary<Month, int>();
        var nodes = graphNodes.Concepts;
        var counts = new Dictionary<Month, int>[nodes.Count];
        var undated = 0;
        for (var p = 0; p < graphNodes.PaperIds.Length; p++)
        {
            if (Month.Parse(published.GetValueOrDefault(graphNodes.PaperIds[p])) is not { } month)
            {
                undated++;
                continue;
            }

            corpus[month] = corpus.GetValueOrDefault(month) + 1;
            foreach (var occurrence in graphNodes.Occurrences[p])
            {
                var v = occurrence.Concept;
                counts[v] ??= [];
                counts[v][month] = counts[v].GetValueOrDefault(month) + 1;
            }
        }

        var months = new List<ConceptMonth>();
        for (var v = 0; v < nodes.Count; v++)
        {
            foreach (var (month, papers) in (counts[v] ?? []).OrderBy(m => m.Key))
            {
                months.Add(new ConceptMonth(nodes[v].Key, month.ToString(), papers));
            }
        }

        return (months, corpus, undated);
    }

    /// <summary>Writes <c>trends.csv</c>: <c>key,month,papers</c>, one row per graph concept and month with a paper.</summary>

    /// <summary>Writes <c>trends.csv</c>: <c>key,month,papers</c>, one row per graph concept and month with a paper.</summary>
    public static void WriteCsv(IEnumerable<ConceptMonth> months, TextWriter writer)
    {
        Csv.WriteRow(writer, ["key", "month", "papers"]);
        foreach (var (key, month, papers) in months)
        {
            Csv.WriteRow(writer, [key, month, papers.ToString(CultureInfo.InvariantCulture)]);
        }
    }
}

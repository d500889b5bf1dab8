using System.Globalization;
using PaperGraph.Graph.Export;
using PaperGraph.Tests;

namespace PaperGraph.Cli.Tests;

/// <summary><c>build</c>'s trends.csv and <c>papergraph trends</c> on corpora written for these tests.</summary>
public sealed class TrendsCommandTests
{
    private static readonly string[] Topics =
    [
        "graph neural networks for molecule property prediction",
        "sparse attention for long document summarisation",
        "variational inference for topic models",
        "policy gradient methods for robot control",
    ];

    /// <summary>Two years of papers, 20 a month; from 2024-07 to 2024-09 half of each month's papers are about combinatorial optimisation.</summary>
    private static string Corpus(bool dated = true)
    {
        var lines = new List<string>();
        var id = 0;
        for (var t = 0; t < 24; t++)
        {
            var month = new DateOnly(2023, 1, 15).AddMonths(t);
            for (var i = 0; i < 20; i++)
            {
                var surge = t is >= 18 and < 21 && i % 2 == 0;
                var topic = surge ? "quantum annealing for combinatorial optimisation" : Topics[(i + t) % Topics.Length];
                var date = dated ? $", \"published\": \"{month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"" : "";
                lines.Add($"{{\"id\": \"p{id}\", \"title\": \"A study of {topic} with {id} samples\", \"abstract\": \"We study {topic} with {id} samples. Experiments on benchmark datasets show gains.\"{date}}}");
                id++;
            }
        }

        return string.Join('\n', lines);
    }

    [Fact]
    public async Task Trends_csv_adds_up_to_each_concepts_papers_when_every_paper_is_dated()
    {
        using var temp = new TempDirectory();
        var build = await CliRun.RunAsync("build", temp.Write("papers.jsonl", Corpus()), "-w", temp.File("ws"), "-q");
        Assert.Equal(0, build.ExitCode);

        var rows = File.ReadAllLines(Path.Combine(temp.File("ws"), "trends.csv")).Select(PaperGraph.Core.Csv.ReadRow).ToList();
        Assert.Equal(["key", "month", "papers"], rows[0]);
        var byConcept = rows.Skip(1).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Sum(r => int.Parse(r[2], CultureInfo.InvariantCulture)));
        var concepts = File.ReadAllLines(Path.Combine(temp.File("ws"), "concepts.csv")).Skip(1).Select(PaperGraph.Core.Csv.ReadRow).ToList();
        Assert.NotEmpty(concepts);
        foreach (var concept in concepts)
        {
            Assert.Equal(int.Parse(concept[3], CultureInfo.InvariantCulture), byConcept[concept[0]]);
        }

        Assert.All(rows.Skip(1), r => Assert.Matches("^20(23|24)-[01][0-9]$", r[1]));
    }

    [Fact]
    public async Task Trends_shows_the_burst_of_a_surging_concept_with_its_months()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, (await CliRun.RunAsync("build", temp.Write("papers.jsonl", Corpus()), "-w", temp.File("ws"), "-q")).ExitCode);

        var trends = await CliRun.RunAsync("trends", "-w", temp.File("ws"));

        Assert.Equal(0, trends.ExitCode);
        Assert.Contains("480 dated papers from 2023-01 to 2024-12", trends.Out, StringComparison.Ordinal);
        var burst = trends.Out.Split('\n').First(l => l.Contains("combinatorial optimisation", StringComparison.Ordinal) && l.Contains("2024-0", StringComparison.Ordinal) && !l.Contains('%', StringComparison.Ordinal));
        Assert.Contains("2024-07 2024-09", burst, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corpus_without_dates_gets_a_clear_message_and_exit_3()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, (await CliRun.RunAsync("build", temp.Write("papers.jsonl", Corpus(dated: false)), "-w", temp.File("ws"), "-q")).ExitCode);

        var trends = await CliRun.RunAsync("trends", "-w", temp.File("ws"));

        Assert.Equal(3, trends.ExitCode);
        Assert.Contains("PG3010", trends.Error, StringComparison.Ordinal);
        Assert.Contains("none of the 480 papers has a year and month", trends.Error, StringComparison.Ordinal);
        trends.AssertNoStackTrace();
    }

    [Fact]
    public async Task Trends_for_scripts_in_json_and_csv()
    {
        using var temp = new TempDirectory();
        Assert.Equal(0, (await CliRun.RunAsync("build", temp.Write("papers.jsonl", Corpus()), "-w", temp.File("ws"), "-q")).ExitCode);

        var json = await CliRun.RunAsync("trends", "-w", temp.File("ws"), "--format", "json");
        var csv = await CliRun.RunAsync("trends", "-w", temp.File("ws"), "--format", "csv");

        Assert.Equal((0, 0), (json.ExitCode, csv.ExitCode));
        using var document = System.Text.Json.JsonDocument.Parse(json.Out);
        Assert.Equal("2023-01", document.RootElement.GetProperty("from").GetString());
        Assert.Equal(480, document.RootElement.GetProperty("datedPapers").GetInt32());
        var burst = Assert.Single(document.RootElement.GetProperty("bursts").EnumerateArray(), b => b.GetProperty("name").GetString() == "combinatorial optimisation");
        Assert.Equal(("2024-07", "2024-09"), (burst.GetProperty("start").GetString(), burst.GetProperty("end").GetString()));
        var rows = csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(PaperGraph.Core.Csv.ReadRow).ToList();
        Assert.Equal("key,name,first_month,recent,recent_share,previous_share,growth,g2,bursts", string.Join(',', rows[0]));
        Assert.StartsWith("2024-07..2024-09:", rows.Single(r => r[1] == "combinatorial optimisation")[8], StringComparison.Ordinal);
    }
}

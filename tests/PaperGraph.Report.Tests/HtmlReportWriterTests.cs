using System.Text.Json;
using System.Text.RegularExpressions;

namespace PaperGraph.Report.Tests;

public sealed partial class HtmlReportWriterTests
{
    private const string Hostile = "</script><!-- <script>alert(1)</script> \"q\" 'a' & \u2028\u2029 end";

    private static ReportData Data(string name, string title = "t") => new(
        title,
        new CorpusSummary(1, 1, 0, "2024-01", "2024-01", 1, 0, 1, 1, [new("seed", "42")], "2024-01", [1], 12),
        [new ReportConcept("k", name, null, 1, 0, 0, 0, 0.1, 0.1, 0, null, null, 0, 0, [new ReportForm(name, 1)], "2024-01", [1],
            [new ReportLink(-1, name, 1, 1, [0])])],
        [new ReportCommunity(0, name, 1, "#000000")],
        [new ReportPaper("2401.00001", name, "2024-01-02", true)],
        [],
        []);

    [Fact]
    public void Json_escapes_every_character_that_could_end_the_script_element()
    {
        var json = HtmlReportWriter.Json(Data(Hostile));

        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        Assert.DoesNotContain('&', json);
        Assert.DoesNotContain('\u2028', json);
        Assert.DoesNotContain('\u2029', json);
        Assert.Contains("\\u003C/script\\u003E", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\u2028", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Json_reads_back_as_the_same_text()
    {
        using var document = JsonDocument.Parse(HtmlReportWriter.Json(Data(Hostile)));

        Assert.Equal(Hostile, document.RootElement.GetProperty("concepts")[0].GetProperty("name").GetString());
        Assert.Equal(Hostile, document.RootElement.GetProperty("papers")[0].GetProperty("title").GetString());
    }

    [Fact]
    public void Json_keeps_letters_of_other_scripts_as_they_are()
    {
        var json = HtmlReportWriter.Json(Data("Schrödinger 量子 обучение"));

        Assert.Contains("Schrödinger 量子 обучение", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_has_exactly_the_page_s_two_script_elements_whatever_the_data()
    {
        var html = HtmlReportWriter.Render(Data(Hostile, title: Hostile));

        Assert.Equal(2, Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Count);
        Assert.Equal(2, Regex.Matches(html, "</script", RegexOptions.IgnoreCase).Count);
        Assert.Contains("<script type=\"application/json\" id=\"data\">{", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<title>", RegexOptions.IgnoreCase));
        Assert.Contains("<title>&lt;/script&gt;&lt;!-- &lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_fills_holes_in_one_pass_so_data_that_looks_like_a_hole_stays_text()
    {
        var html = HtmlReportWriter.Render(Data("{{script}} {{style}}", title: "{{data}}"));

        Assert.Contains("<title>{{data}}</title>", html, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"{{script}} {{style}}\"", html, StringComparison.Ordinal);
        // Only where the data has them (and the title): the page's own holes are all filled.
        var json = HtmlReportWriter.Json(Data("{{script}} {{style}}", title: "{{data}}"));
        foreach (var hole in new[] { "{{data}}", "{{script}}", "{{style}}" })
        {
            Assert.Equal(Regex.Matches(json, Regex.Escape(hole)).Count + (hole == "{{data}}" ? 1 : 0), Regex.Matches(html, Regex.Escape(hole)).Count);
        }

        Assert.Contains("<script>// The PaperGraph map page", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_loads_nothing_from_the_network()
    {
        var html = HtmlReportWriter.Render(Data("x"));

        // The page's code links evidence papers to arXiv (a link, followed only when clicked); the markup loads nothing.
        Assert.DoesNotMatch(NetworkSource(), html.Replace(HtmlReportWriter.Resource("report.js"), "", StringComparison.Ordinal));
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fetch(", html, StringComparison.Ordinal);
        Assert.DoesNotContain("XMLHttpRequest", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_code_never_inserts_markup()
    {
        // Text goes in with textContent; innerHTML, outerHTML, insertAdjacentHTML and document.write parse markup.
        var script = HtmlReportWriter.Resource("report.js");

        Assert.DoesNotMatch(MarkupSink(), script);
    }

    [Fact]
    public void Write_replaces_the_file_whole()
    {
        using var folder = new PaperGraph.Tests.TempDirectory();
        var path = folder.Write("map.html", "old");

        HtmlReportWriter.Write(Data("x"), path);

        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [GeneratedRegex(@"(src|href|action)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex NetworkSource();

    [GeneratedRegex(@"innerHTML|outerHTML|insertAdjacentHTML|document\.write")]
    private static partial Regex MarkupSink();
}

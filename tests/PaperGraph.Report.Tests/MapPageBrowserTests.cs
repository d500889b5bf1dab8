using PuppeteerSharp;
using PuppeteerSharp.Input;
using Xunit.Abstractions;

namespace PaperGraph.Report.Tests;

/// <summary>The samples' map page in a real headless Chromium.</summary>
[Collection(SampleReportCollection.Name)]
public sealed class MapPageBrowserTests(SampleReport sample, HeadlessChromium chromium, ITestOutputHelper output) : IClassFixture<HeadlessChromium>
{

    /// <summary>A page at 1280×800 with the map drawn, and everything it reported on the way.</summary>
    private sealed record Opened(IPage Page, List<string> Errors, List<string> Requests, List<string> Dialogs) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Page.CloseAsync();
    }

    private async Task<Opened> OpenAsync(string path)
    {
        var browser = await chromium.BrowserAsync();
        var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 800 });
        var opened = new Opened(page, [], [], []);
        page.Console += (_, e) => { if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning) { opened.Errors.Add($"console {e.Message.Type}: {e.Message.Text}"); } };
        page.PageError += (_, e) => opened.Errors.Add("page error: " + e.Message);
        page.RequestFailed += (_, e) => opened.Errors.Add($"request failed: {e.Request.Url} {e.Request.FailureText}");
        page.Request += (_, e) => opened.Requests.Add(e.Request.Url);
        page.Dialog += async (_, e) => { opened.Dialogs.Add(e.Dialog.Message); await e.Dialog.Dismiss(); };
        await page.GoToAsync(new Uri(path).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load] });
        await page.WaitForFunctionAsync("() => window.paperGraphMap && window.paperGraphMap.firstDrawMs !== null", new WaitForFunctionOptions { Timeout = 10_000 });
        return opened;
    }

    private static Task<string> TextAsync(IPage page, string selector) => page.EvaluateFunctionAsync<string>("s => { const e = document.querySelector(s); return e ? e.textContent : null; }", selector);

    private static Task<bool> PanelShownAsync(IPage page) => page.EvaluateExpressionAsync<bool>("!document.getElementById('panel').hidden");

    [BrowserFact]
    public async Task Page_loads_with_no_console_error_and_requests_nothing_but_itself()
    {
        await using var opened = await OpenAsync(sample.Page);

        Assert.Empty(opened.Errors);
        Assert.Equal([new Uri(sample.Page).AbsoluteUri], opened.Requests);
        Assert.Equal(sample.Data().Concepts.Count, await opened.Page.EvaluateExpressionAsync<int>("window.paperGraphMap.count"));
        Assert.True(await opened.Page.EvaluateExpressionAsync<int>("document.querySelectorAll('#central-table tbody tr').length") > 0);
        Assert.True(await opened.Page.EvaluateExpressionAsync<int>("document.querySelectorAll('#legend-list li').length") > 0);
    }

    [BrowserFact]
    public async Task Search_typed_in_part_finds_the_concept_and_shows_its_panel()
    {
        await using var opened = await OpenAsync(sample.Page);

        await opened.Page.TypeAsync("#search", "xture of exp");

        Assert.True(await PanelShownAsync(opened.Page));
        Assert.Equal("mixture of experts", await TextAsync(opened.Page, "#panel-body h2"));
        Assert.Equal(await opened.Page.EvaluateExpressionAsync<int>("window.paperGraphMap.indexOf('MoE')"), await opened.Page.EvaluateExpressionAsync<int>("window.paperGraphMap.selected()"));
        Assert.Contains("mixture of experts", await TextAsync(opened.Page, "#matches"), StringComparison.Ordinal);
        Assert.Empty(opened.Errors);
    }

    [BrowserFact]
    public async Task Search_finds_a_concept_by_a_surface_form()
    {
        await using var opened = await OpenAsync(sample.Page);

        await opened.Page.TypeAsync("#search", "Mixture of Experts");
        await opened.Page.Keyboard.PressAsync(Key.Enter);

        Assert.Equal("mixture of experts", await TextAsync(opened.Page, "#panel-body h2"));
        Assert.True(await opened.Page.EvaluateExpressionAsync<bool>("document.getElementById('matches').hidden"));
    }

    [BrowserFact]
    public async Task Clicking_a_node_shows_its_neighbours_with_evidence_titles()
    {
        await using var opened = await OpenAsync(sample.Page);
        var data = sample.Data();
        var index = data.Concepts.ToList().FindIndex(c => c.Key == "MoE");

        var position = await opened.Page.EvaluateFunctionAsync<Position>("i => window.paperGraphMap.screenPositionOf(i)", index);
        Assert.Equal("map", await opened.Page.EvaluateFunctionAsync<string>("(x, y) => document.elementFromPoint(x, y).id", position.X, position.Y));
        await opened.Page.Mouse.ClickAsync((decimal)position.X, (decimal)position.Y);

        Assert.True(await PanelShownAsync(opened.Page));
        Assert.Equal("mixture of experts", await TextAsync(opened.Page, "#panel-body h2"));
        var neighbours = await opened.Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#panel-body .neighbours .head > :first-child')).map(e => e.textContent)");
        Assert.Equal(data.Concepts[index].Neighbours.Select(n => n.Name), neighbours);
        var titles = await opened.Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#panel-body .evidence .title')).map(e => e.textContent)");
        var expected = data.Papers[data.Concepts[index].Neighbours[0].Evidence[0]].Title;
        Assert.Contains(expected, titles);
        var link = await opened.Page.EvaluateExpressionAsync<string>("document.querySelector('#panel-body .evidence a').href");
        Assert.StartsWith("https://arxiv.org/abs/", link, StringComparison.Ordinal);
        Assert.Empty(opened.Errors);
    }

    [BrowserFact]
    public async Task An_injection_shaped_concept_name_shows_as_text()
    {
        await using var opened = await OpenAsync(sample.Page);

        await opened.Page.TypeAsync("#search", "<script>alert");

        Assert.Equal(SampleReport.InjectionName, await TextAsync(opened.Page, "#panel-body h2"));
        var forms = await opened.Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#panel-body .forms li')).map(e => e.textContent)");
        Assert.Contains(SampleReport.InjectionForm + " (2)", forms);
        Assert.Equal(0, await opened.Page.EvaluateExpressionAsync<int>("document.querySelectorAll('body img, main script, #panel script, b').length"));
        Assert.Equal(2, await opened.Page.EvaluateExpressionAsync<int>("document.scripts.length"));
        var buttons = await opened.Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#central-table button')).map(e => e.textContent)");
        Assert.Contains(SampleReport.InjectionName, buttons);
        Assert.Equal("Samples </title><script>alert(3)</script>", await opened.Page.EvaluateExpressionAsync<string>("document.title"));
        Assert.Empty(opened.Dialogs);
        Assert.Empty(opened.Errors);
    }

    [BrowserFact]
    public async Task Hiding_a_community_in_the_legend_hides_its_concepts()
    {
        await using var opened = await OpenAsync(sample.Page);

        await opened.Page.ClickAsync("#legend-list li:first-child input");

        var data = sample.Data();
        var hidden = data.Concepts.ToList().FindIndex(c => c.Community == data.Communities[0].Id);
        Assert.True(await opened.Page.EvaluateFunctionAsync<bool>("i => window.paperGraphMap.screenPositionOf(i) === null", hidden));
        await opened.Page.ClickAsync("#legend-all");
        Assert.False(await opened.Page.EvaluateFunctionAsync<bool>("i => window.paperGraphMap.screenPositionOf(i) === null", hidden));
    }

    [BrowserFact]
    public async Task Clicking_a_header_sorts_the_central_concepts()
    {
        await using var opened = await OpenAsync(sample.Page);

        await opened.Page.ClickAsync("#central-table th:nth-child(3)");

        var papers = await opened.Page.EvaluateExpressionAsync<string[]>("Array.from(document.querySelectorAll('#central-table tbody td:nth-child(3)')).map(e => e.textContent)");
        var numbers = papers.Select(p => int.Parse(p.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.OrderByDescending(n => n), numbers);
        Assert.Equal("descending", await opened.Page.EvaluateExpressionAsync<string>("document.querySelector('#central-table th:nth-child(3)').getAttribute('aria-sort')"));
    }

    [BrowserFact]
    public async Task Wheel_zooms_and_drag_pans_the_map()
    {
        await using var opened = await OpenAsync(sample.Page);
        var before = await opened.Page.EvaluateExpressionAsync<View>("window.paperGraphMap.view()");

        await opened.Page.Mouse.MoveAsync(700, 400);
        await opened.Page.Mouse.WheelAsync(0, -300);
        await opened.Page.WaitForFunctionAsync($"() => window.paperGraphMap.view().scale > {before.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var zoomed = await opened.Page.EvaluateExpressionAsync<View>("window.paperGraphMap.view()");
        await opened.Page.Mouse.DownAsync();
        await opened.Page.Mouse.MoveAsync(760, 440, new MoveOptions { Steps = 5 });
        await opened.Page.Mouse.UpAsync();
        var panned = await opened.Page.EvaluateExpressionAsync<View>("window.paperGraphMap.view()");

        Assert.True(zoomed.Scale > before.Scale);
        Assert.Equal(zoomed.X + 60, panned.X, 1);
        Assert.Equal(zoomed.Y + 40, panned.Y, 1);
        Assert.Empty(opened.Errors);
    }

    [BrowserFact]
    public async Task Touch_drags_pan_pinches_zoom_and_a_tap_opens_a_concept()
    {
        await using var opened = await OpenAsync(sample.Page);
        await opened.Page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 800, HasTouch = true, IsMobile = false });
        await opened.Page.WaitForFunctionAsync("() => window.paperGraphMap.view().scale > 0");

        // One finger: a pan by (60, 40).
        var before = await opened.Page.EvaluateExpressionAsync<View>("window.paperGraphMap.view()");
        await TouchAsync(opened.Page, "touchStart", (700, 400));
        foreach (var step in new[] { 1, 2, 3, 4, 5 })
        {
            await TouchAsync(opened.Page, "touchMove", (700 + 12 * step, 400 + 8 * step));
        }

        await TouchAsync(opened.Page, "touchEnd");
        var panned = await opened.Page.EvaluateExpressionAsync<View>("window.paperGraphMap.view()");
        Assert.Equal(before.X + 60, panned.X, 1);
        Assert.Equal(before.Y + 40, panned.Y, 1);

        // Two fingers moving apart: zoom in by their distance's ratio (100 -> 200 pixels), about their midpoint.
        await TouchAsync(opened.Page, "touchStart", (650, 400), (750, 400));
        foreach (var step in new[] { 1, 2, 3, 4, 5 })
        {
            await TouchAsync(opened.Page, "touchMove", (650 - 10 * step, 400), (750 + 10 * step, 400));
        }

        await TouchAsync(opened.Page, "touchEnd");
        var pinched = await opened.Page.EvaluateExpressionAsync<View>("window.paperGraphMap.view()");
        Assert.Equal(panned.Scale * 2, pinched.Scale, panned.Scale * 0.02);

        // A tap on a concept opens its panel.
        var index = sample.Data().Concepts.ToList().FindIndex(c => c.Key == "MoE");
        await opened.Page.EvaluateFunctionAsync("() => document.getElementById('zoom-fit').click()");
        var position = await opened.Page.EvaluateFunctionAsync<Position>("i => window.paperGraphMap.screenPositionOf(i)", index);
        await TouchAsync(opened.Page, "touchStart", (position.X, position.Y));
        await TouchAsync(opened.Page, "touchEnd");
        await opened.Page.WaitForFunctionAsync("() => !document.getElementById('panel').hidden");
        Assert.Equal("mixture of experts", await TextAsync(opened.Page, "#panel-body h2"));
        Assert.Empty(opened.Errors);
    }

    /// <summary>Sends a touch event with the given fingers (none for touchEnd) through the DevTools protocol.</summary>
    private static async Task TouchAsync(IPage page, string type, params (double X, double Y)[] fingers)
    {
        await page.Client.SendAsync("Input.dispatchTouchEvent", new
        {
            type,
            touchPoints = fingers.Select((f, i) => new { x = f.X, y = f.Y, id = i }).ToArray(),
        });
    }

    [BrowserFact]
    public async Task A_screenshot_of_the_map_is_not_blank()
    {
        await using var opened = await OpenAsync(sample.Page);

        var png = await opened.Page.ScreenshotDataAsync(new ScreenshotOptions { Type = ScreenshotType.Png });
        var (mean, deviation) = await PixelsAsync(chromium, png);
        output.WriteLine($"screenshot: {png.Length:N0} bytes, luminance mean {mean:F1}, standard deviation {deviation:F1}");

        Assert.True(deviation > 8, $"the screenshot is nearly uniform (standard deviation {deviation:F1})");
    }

    /// <summary>The luminance mean and standard deviation of a PNG, decoded by the browser on a blank page.</summary>
    internal static async Task<(double Mean, double Deviation)> PixelsAsync(HeadlessChromium chromium, byte[] png)
    {
        var browser = await chromium.BrowserAsync();
        await using var page = await browser.NewPageAsync();
        var stats = await page.EvaluateFunctionAsync<double[]>("""
            async src => {
              const image = new Image();
              image.src = 'data:image/png;base64,' + src;
              await image.decode();
              const canvas = document.createElement('canvas');
              canvas.width = image.width; canvas.height = image.height;
              const context = canvas.getContext('2d');
              context.drawImage(image, 0, 0);
              const pixels = context.getImageData(0, 0, image.width, image.height).data;
              let sum = 0, squares = 0, n = 0;
              for (let i = 0; i < pixels.length; i += 4) {
                const y = 0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2];
                sum += y; squares += y * y; n++;
              }
              const mean = sum / n;
              return [mean, Math.sqrt(squares / n - mean * mean)];
            }
            """, Convert.ToBase64String(png));
        return (stats[0], stats[1]);
    }

    /// <summary>Where the page draws a concept.</summary>
    public sealed record Position(double X, double Y, double Radius);

    /// <summary>The map's transform: screen = world × scale + (x, y).</summary>
    public sealed record View(double Scale, double X, double Y);
}

using System.Diagnostics;
using PuppeteerSharp;
using Xunit.Abstractions;

namespace PaperGraph.Report.Tests;

/// <summary>
/// Measures a map page someone names, and can save its screenshot: the figures and the picture of the README.
/// <c>PAPERGRAPH_MAP_PAGE=/tmp/r200k/map.html PAPERGRAPH_MAP_SCREENSHOT=docs/map-200k.png dotnet test tests/PaperGraph.Report.Tests --filter MapPageMeasurement --logger "console;verbosity=detailed"</c>
/// </summary>
public sealed class MapPageMeasurement(ITestOutputHelper output) : IClassFixture<HeadlessChromium>
{
    public const string PageVariable = "PAPERGRAPH_MAP_PAGE";
    public const string ScreenshotVariable = "PAPERGRAPH_MAP_SCREENSHOT";

    [MeasurementFact]
    public async Task Named_page_is_interactive_within_3_seconds()
    {
        var path = Environment.GetEnvironmentVariable(PageVariable)!;
        await using var chromium = new HeadlessChromium();
        var browser = await chromium.BrowserAsync();
        await using var page = await browser.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1400, Height = 900 });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e.Message);
        page.Console += (_, e) => { if (e.Message.Type == ConsoleType.Error) { errors.Add(e.Message.Text); } };

        var clock = Stopwatch.StartNew();
        await page.GoToAsync(new Uri(Path.GetFullPath(path)).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => window.paperGraphMap && window.paperGraphMap.firstDrawMs !== null");
        var loaded = clock.Elapsed;
        var firstDraw = await page.EvaluateExpressionAsync<double>("window.paperGraphMap.firstDrawMs");
        var script = await page.EvaluateExpressionAsync<double>("window.paperGraphMap.scriptToFirstDrawMs");

        // Responsiveness: a search answered, then zooming and panning with the slowest frame noted.
        clock.Restart();
        await page.TypeAsync("#search", "transf");
        await page.WaitForFunctionAsync("() => !document.getElementById('panel').hidden");
        var search = clock.Elapsed;
        await page.EvaluateExpressionAsync("window.paperGraphMap.slowestDrawMs = 0");
        await page.Mouse.MoveAsync(900, 450);
        for (var i = 0; i < 10; i++)
        {
            await page.Mouse.WheelAsync(0, i < 5 ? -200 : 200);
        }

        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(1000, 500, new PuppeteerSharp.Input.MoveOptions { Steps = 20 });
        await page.Mouse.UpAsync();
        var slowest = await page.EvaluateExpressionAsync<double>("window.paperGraphMap.slowestDrawMs");
        var concepts = await page.EvaluateExpressionAsync<int>("window.paperGraphMap.count");
        output.WriteLine($"{path}: {new FileInfo(path).Length / 1048576.0:F1} MB, {concepts:N0} concepts; first map draw {firstDraw:F0} ms after navigation start (script start to draw {script:F0} ms); "
            + $"loaded and drawn as seen by the test {loaded.TotalMilliseconds:F0} ms; search to panel {search.TotalMilliseconds:F0} ms (typing included); slowest frame while zooming and panning {slowest:F1} ms");

        if (Environment.GetEnvironmentVariable(ScreenshotVariable) is { Length: > 0 } screenshot)
        {
            // Smaller than the measured window, so that the README's picture stays under 500 KB.
            await page.SetViewportAsync(new ViewPortOptions { Width = 1024, Height = 680 });
            await page.ReloadAsync();
            await page.WaitForFunctionAsync("() => window.paperGraphMap && window.paperGraphMap.firstDrawMs !== null");
            await page.ScreenshotAsync(screenshot, new ScreenshotOptions { Type = ScreenshotType.Png });
            output.WriteLine($"screenshot: {screenshot} ({new FileInfo(screenshot).Length:N0} bytes)");
        }

        Assert.Empty(errors);
        Assert.True(firstDraw < 3000, $"first map draw after {firstDraw:F0} ms");
    }
}

/// <summary>A measurement run only when <c>PAPERGRAPH_MAP_PAGE</c> names a page and a Chromium is found; skipped otherwise, with the reason.</summary>
internal sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(MapPageMeasurement.PageVariable) is not { Length: > 0 })
        {
            Skip = $"Skipped: a measurement; set {MapPageMeasurement.PageVariable} to a map page written by 'papergraph report' (and {MapPageMeasurement.ScreenshotVariable} to save its screenshot).";
        }
        else if (Chromium.Path is null)
        {
            Skip = $"Skipped: no Chromium found (set {Chromium.EnvironmentVariable}).";
        }
    }
}

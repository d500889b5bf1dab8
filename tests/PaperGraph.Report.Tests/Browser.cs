using PuppeteerSharp;

namespace PaperGraph.Report.Tests;

/// <summary>The system's Chromium: <c>PAPERGRAPH_CHROMIUM</c>, else <c>chromium</c>, <c>chromium-browser</c> or <c>google-chrome</c> on the PATH.</summary>
internal static class Chromium
{
    public const string EnvironmentVariable = "PAPERGRAPH_CHROMIUM";

    public static string? Path { get; } = Find();

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } named)
        {
            return File.Exists(named) ? named : null;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
            {
                var candidate = System.IO.Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>A fact that drives a real browser; reported as skipped, with the reason, when no Chromium is found.</summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = Environment.GetEnvironmentVariable(Chromium.EnvironmentVariable) is { Length: > 0 } named
                ? $"Skipped: {Chromium.EnvironmentVariable} names {named}, which does not exist."
                : $"Skipped: no Chromium found (chromium, chromium-browser or google-chrome on the PATH, or {Chromium.EnvironmentVariable}); on Debian: apt-get install chromium.";
        }
    }
}

/// <summary>One headless Chromium for the browser tests, with a fresh profile, started on first use.</summary>
public sealed class HeadlessChromium : IAsyncLifetime
{
    private readonly PaperGraph.Tests.TempDirectory _profile = new();
    private IBrowser? _browser;

    public async Task<IBrowser> BrowserAsync()
    {
        if (_browser is null)
        {
            ArgumentNullException.ThrowIfNull(Chromium.Path);
            _browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                Headless = true,
                ExecutablePath = Chromium.Path,
                UserDataDir = _profile.Path,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                ],
                Timeout = 60_000,
            });
        }

        return _browser;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }

        _profile.Dispose();
    }
}

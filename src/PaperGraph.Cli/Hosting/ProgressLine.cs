using System.Diagnostics;

namespace PaperGraph.Cli.Hosting;

/// <summary>A single status line on standard error, redrawn in place, shown only when standard error is a terminal.</summary>
internal sealed class ProgressLine(TextWriter writer, bool enabled)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static int s_visibleLength;

    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private readonly Lock _lock = new();

    /// <summary>For standard error: enabled when it is an interactive terminal.</summary>
    public static ProgressLine ForStandardError(TextWriter writer) =>
        new(writer, ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);

    /// <summary>Shows <paramref name="text"/>, at most every 200 ms unless forced; safe to call from several threads.</summary>
    public void Report(string text, bool force = false)
    {
        if (!enabled)
        {
            return;
        }

        lock (_lock)
        {
            Draw(text, force);
        }
    }

    private void Draw(string text, bool force)
    {
        if (!force && _sinceLast.Elapsed < Interval)
        {
            return;
        }

        _sinceLast.Restart();
        var width = Math.Max(20, SafeWindowWidth() - 1);
        if (text.Length > width)
        {
            text = text[..width];
        }

        writer.Write('\r' + text.PadRight(Math.Max(text.Length, s_visibleLength)));
        s_visibleLength = text.Length;
    }

    public void Clear()
    {
        if (enabled)
        {
            lock (_lock)
            {
                ClearCurrent(writer);
            }
        }
    }

    /// <summary>Erases a progress line, if one is showing, so that a log message starts on a clean line.</summary>
    public static void ClearCurrent(TextWriter writer)
    {
        if (s_visibleLength > 0)
        {
            writer.Write('\r' + new string(' ', s_visibleLength) + '\r');
            s_visibleLength = 0;
        }
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 100;
        }
        catch (IOException)
        {
            return 100;
        }
    }
}

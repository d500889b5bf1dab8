using System.Diagnostics;
using System.Globalization;
using PaperGraph.Pipeline;
using PaperGraph.Core;

namespace PaperGraph.Cli.Hosting;

/// <summary>Shows the pipeline's progress on standard error: one line redrawn in place on a terminal, plain lines otherwise.</summary>
/// <remarks>
/// On a terminal, counted work shows a bar, the count, the rate and the time left once its step has run for two
/// seconds (before that the rate says little); a new step replaces the line at once, counted reports at most every
/// 200 ms. When standard error is redirected (a log file, CI), each step is one plain line, and counted work a line
/// every ten seconds, so a log shows where a long run spent its time without a line per paper. Writers other than
/// the process's standard error (tests) get nothing.
/// </remarks>
internal sealed class ProgressLine : IProgress<PipelineProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RateAfter = TimeSpan.FromSeconds(2);
    private static int s_visibleLength;

    private readonly TextWriter _writer;
    private readonly Mode _mode;
    private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
    private readonly Stopwatch _inStep = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private string _step = "";

    private ProgressLine(TextWriter writer, Mode mode)
    {
        _writer = writer;
        _mode = mode;
    }

    private enum Mode
    {
        Off,
        Terminal,
        Lines,
    }

    /// <summary>For standard error: a redrawn line on a terminal, plain lines when redirected (none with <c>--quiet</c>), nothing for any other writer.</summary>
    public static ProgressLine ForStandardError(TextWriter writer, bool quiet = false) =>
        new(writer, !ReferenceEquals(writer, Console.Error) ? Mode.Off : !Console.IsErrorRedirected ? Mode.Terminal : quiet ? Mode.Off : Mode.Lines);

    /// <summary>Shows a report; safe to call from several threads.</summary>
    public void Report(PipelineProgress value)
    {
        if (_mode == Mode.Off)
        {
            return;
        }

        lock (_lock)
        {
            // A step is its phase and detail; counted reports of one step keep its clock running.
            var step = value.Phase + "\0" + (value.IsStep ? value.Detail : value.Unit);
            var newStep = step != _step;
            if (newStep)
            {
                _step = step;
                _inStep.Restart();
            }

            var interval = _mode == Mode.Terminal ? Interval : PlainInterval;
            if (!newStep && !value.IsStep && _sinceLast.Elapsed < interval)
            {
                return;
            }

            _sinceLast.Restart();
            var text = Format(value, _inStep.Elapsed);
            if (_mode == Mode.Lines)
            {
                _writer.WriteLine(text);
            }
            else
            {
                Draw(text);
            }
        }
    }

    /// <summary>Erases the line, if one is showing, before results are printed.</summary>
    public void Clear()
    {
        if (_mode == Mode.Terminal)
        {
            lock (_lock)
            {
                ClearCurrent(_writer);
            }
        }
    }

    /// <summary>The text of a report: <c>phase: detail</c>, and for counted work a bar, the count, and after two seconds the rate and the time left.</summary>
    internal static string Format(PipelineProgress value, TimeSpan inStep)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = $"{value.Phase}: {value.Detail}";
        if (value.IsStep)
        {
            return text;
        }

        // Work with no known total (words read from a corpus) shows its count and rate, without bar or time left.
        var known = value.Total > 0;
        var done = known ? Math.Clamp(value.Done, 0, value.Total) : Math.Max(0, value.Done);
        // Bytes as megabytes, with a decimal for files under 100 MB so small inputs do not read "0 / 0 MB".
        var (scale, unit, digits) = value.Unit == "bytes" ? (1e6, "MB", value.Total < 100e6 ? "N1" : "N0") : (1.0, value.Unit, "N0");
        var count = known
            ? $"{(done / scale).ToString(digits, inv)} / {(value.Total / scale).ToString(digits, inv)} {unit}"
            : $"{(done / scale).ToString(digits, inv)} {unit}";
        text += known ? $" {Bar(done, value.Total)} {count}" : $" {count}";
        if (inStep >= RateAfter && done > 0)
        {
            var rate = done / inStep.TotalSeconds;
            var perSecond = value.Unit == "bytes" ? string.Create(inv, $"{rate / 1e6:N1} MB/s") : string.Create(inv, $"{rate:N0} {value.Unit}/s");
            text += string.Create(inv, $", {perSecond}");
            if (known)
            {
                text += $", {Duration(TimeSpan.FromSeconds((value.Total - done) / rate))} left";
            }
        }

        return text;
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

    private void Draw(string text)
    {
        var width = Math.Max(20, SafeWindowWidth() - 1);
        if (text.Length > width)
        {
            text = text[..width];
        }

        _writer.Write('\r' + text.PadRight(Math.Max(text.Length, s_visibleLength)));
        s_visibleLength = text.Length;
    }

    private static string Bar(long done, long total)
    {
        const int width = 20;
        var filled = total <= 0 ? width : (int)(width * done / total);
        return "[" + new string('#', filled) + new string('.', width - filled) + "]";
    }

    private static string Duration(TimeSpan time) =>
        time.TotalHours >= 1 ? $"{(int)time.TotalHours} h {time.Minutes:D2} min"
        : time.TotalMinutes >= 1 ? $"{(int)time.TotalMinutes} min {time.Seconds:D2} s"
        : $"{Math.Ceiling(time.TotalSeconds):F0} s";

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

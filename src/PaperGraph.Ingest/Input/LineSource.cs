using System.Text;
using PaperGraph.Core;

namespace PaperGraph.Ingest.Input;

/// <summary>The lines of one input file as UTF-8, with every unreadable line reported to the diagnostics and passed over.</summary>
/// <remarks>
/// A line that is not valid UTF-8 is read as Windows-1252 (a spreadsheet export on Windows) and counted, so the summary
/// can say which file was converted. The decision is made per line, not per file: a Windows-1252 file's lines that
/// are valid UTF-8 are plain ASCII, which reads the same either way, and a UTF-8 file with one stray Windows-1252 line
/// keeps its other lines' accents right.
/// </remarks>
internal sealed class LineSource(InputFile file, string displayPath, int maxLineBytes, IngestDiagnostics diagnostics) : IDisposable
{
    private readonly Utf8LineReader _reader = new(file.Content, maxLineBytes);
    private byte[] _converted = [];
    private bool _ended;

    public string DisplayPath { get; } = displayPath;

    public IngestDiagnostics Diagnostics { get; } = diagnostics;

    public InputFile File { get; } = file;

    /// <summary>Number of the line most recently returned.</summary>
    public long LineNumber => _reader.LineNumber;

    public string Location => $"{DisplayPath}:{_reader.LineNumber}";

    /// <summary>How many lines were not valid UTF-8 and were read as Windows-1252.</summary>
    public long Windows1252Lines { get; private set; }

    /// <summary>The first line read as Windows-1252, or 0.</summary>
    public long FirstWindows1252Line { get; private set; }

    /// <summary>The next line that is valid UTF-8 and within the length limit; false at the end of the file.</summary>
    public bool Next(out ReadOnlySpan<byte> line)
    {
        while (!_ended)
        {
            LineStatus status;
            try
            {
                status = _reader.ReadLine(out line);
            }
            catch (InvalidDataException e)
            {
                Diagnostics.Add(ErrorCodes.CorruptCompressedFile, $"{DisplayPath}:{_reader.LineNumber + 1}",
                    $"the gzip data is corrupt from here on ({e.Message}); records before this line were kept.");
                _ended = true;
                break;
            }

            switch (status)
            {
                case LineStatus.Line when System.Text.Unicode.Utf8.IsValid(line):
                    return true;
                case LineStatus.Line:
                    line = FromWindows1252(line);
                    return true;
                case LineStatus.TooLong:
                    Diagnostics.Add(ErrorCodes.LineTooLong, Location,
                        $"the line is {_reader.SkippedLength:N0} bytes, over the limit of {maxLineBytes:N0}; expected one paper per line (raise --max-line-bytes if this is real).");
                    continue;
                default:
                    _ended = true;
                    if (File.CheckComplete() is { } truncated)
                    {
                        Diagnostics.Add(ErrorCodes.TruncatedGzip, $"{DisplayPath}:{_reader.LineNumber}", truncated);
                    }

                    break;
            }
        }

        line = default;
        return false;
    }

    /// <summary>Decodes a line that <see cref="Next"/> returned.</summary>
    public static string Decode(ReadOnlySpan<byte> line) => Encoding.UTF8.GetString(line);

    private ReadOnlySpan<byte> FromWindows1252(ReadOnlySpan<byte> line)
    {
        Windows1252Lines++;
        if (FirstWindows1252Line == 0)
        {
            FirstWindows1252Line = _reader.LineNumber;
        }

        var needed = line.Length * Windows1252.MaxUtf8BytesPerByte;
        if (_converted.Length < needed)
        {
            _converted = new byte[Math.Max(needed, 4096)];
        }

        return _converted.AsSpan(0, Windows1252.ToUtf8(line, _converted));
    }

    public void Dispose() => _reader.Dispose();
}

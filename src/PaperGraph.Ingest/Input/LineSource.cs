using System.Text;
using PaperGraph.Core;

namespace PaperGraph.Ingest.Input;

/// <summary>The lines of one input file, with every unreadable line reported to the diagnostics and passed over.</summary>
internal sealed class LineSource(InputFile file, string displayPath, int maxLineBytes, IngestDiagnostics diagnostics) : IDisposable
{
    private readonly Utf8LineReader _reader = new(file.Content, maxLineBytes);
    private bool _ended;

    public string DisplayPath { get; } = displayPath;

    public IngestDiagnostics Diagnostics { get; } = diagnostics;

    public InputFile File { get; } = file;

    /// <summary>Number of the line most recently returned.</summary>
    public long LineNumber => _reader.LineNumber;

    public string Location => $"{DisplayPath}:{_reader.LineNumber}";

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
                    Diagnostics.Add(ErrorCodes.InvalidUtf8, Location,
                        $"invalid UTF-8 at byte {FirstInvalidByte(line)} of the line; expected UTF-8 text (re-save the file as UTF-8).");
                    continue;
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

    private static int FirstInvalidByte(ReadOnlySpan<byte> line)
    {
        var offset = 0;
        while (offset < line.Length)
        {
            if (Rune.DecodeFromUtf8(line[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    public void Dispose() => _reader.Dispose();
}

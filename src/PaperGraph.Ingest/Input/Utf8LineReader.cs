using System.Buffers;

namespace PaperGraph.Ingest.Input;

/// <summary>What <see cref="Utf8LineReader.ReadLine"/> found.</summary>
internal enum LineStatus
{
    /// <summary>A complete line (without its line terminator).</summary>
    Line,

    /// <summary>A line longer than the limit; its bytes were skipped up to the next line feed.</summary>
    TooLong,

    /// <summary>No more input.</summary>
    End,
}

/// <summary>Reads LF- or CRLF-terminated lines of bytes from a stream, with a bound on line length.</summary>
/// <remarks>
/// Lines are returned as spans over an internal buffer that is valid until the next call. A line over
/// <c>maxLineBytes</c> is never held in memory: the reader discards it while scanning for its end, so a 100 MB
/// single-line file costs one buffer, not 100 MB. Line numbers are 1-based.
/// </remarks>
internal sealed class Utf8LineReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public Utf8LineReader(Stream stream, int maxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, maxLineBytes + 2));
    }

    /// <summary>Number of the line most recently returned (or skipped).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Length in bytes of the line skipped by the last <see cref="LineStatus.TooLong"/> result.</summary>
    public long SkippedLength { get; private set; }

    public LineStatus ReadLine(out ReadOnlySpan<byte> line)
    {
        var scanFrom = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var lineEnd = scanFrom + newline;
                line = TrimCarriageReturn(_buffer.AsSpan(_start, lineEnd - _start));
                _start = lineEnd + 1;
                LineNumber++;
                return LineStatus.Line;
            }

            if (_eof)
            {
                line = default;
                if (_start == _end)
                {
                    return LineStatus.End;
                }

                if (_end - _start > _maxLineBytes)
                {
                    SkippedLength = _end - _start;
                    _start = _end;
                    LineNumber++;
                    return LineStatus.TooLong;
                }

                // Last line without a terminator.
                line = TrimCarriageReturn(_buffer.AsSpan(_start, _end - _start));
                _start = _end;
                LineNumber++;
                return LineStatus.Line;
            }

            if (_end - _start > _maxLineBytes)
            {
                SkipRestOfLongLine();
                line = default;
                return LineStatus.TooLong;
            }

            // Fill moves the pending bytes to the front, so the part already scanned ends at pending length.
            scanFrom = _end - _start;
            Fill();
        }
    }

    /// <summary>Moves pending bytes to the front (or into a bigger buffer) and reads more.</summary>
    private void Fill()
    {
        var pending = _end - _start;
        if (pending == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxLineBytes + 2));
            _buffer.AsSpan(_start, pending).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
        }

        _start = 0;
        _end = pending;
        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    private void SkipRestOfLongLine()
    {
        long skipped = _end - _start;
        _start = _end = 0;
        while (true)
        {
            var read = _stream.Read(_buffer, 0, _buffer.Length);
            if (read == 0)
            {
                _eof = true;
                break;
            }

            var newline = _buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                skipped += newline;
                _start = newline + 1;
                _end = read;
                break;
            }

            skipped += read;
        }

        LineNumber++;
        SkippedLength = skipped;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

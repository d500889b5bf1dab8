using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using PaperGraph.Core;

namespace PaperGraph.Ingest.Input;

/// <summary>An input file opened for reading as UTF-8 bytes, whatever its compression and byte-order mark.</summary>
/// <remarks>
/// Compression is recognised by magic bytes, not by the file name. .NET's <see cref="GZipStream"/> ends quietly on a
/// truncated file, so for gzip the reader compares the byte count it decompressed with the ISIZE field of the
/// trailer (the last four bytes of the file) once the content is read. A multi-member gzip file (as made by
/// <c>cat a.gz b.gz</c>) would fail that comparison; such files are rare for text exports and are reported, not dropped.
/// </remarks>
internal sealed class InputFile : IDisposable
{
    /// <summary>How many decompressed bytes are inspected to sniff format and binary content.</summary>
    public const int PeekSize = 8192;

    private readonly FileStream _file;
    private readonly CountingStream? _decompressed;
    private readonly uint? _gzipTrailerSize;

    private InputFile(string path, FileStream file, Stream content, CountingStream? decompressed, uint? gzipTrailerSize, byte[] peek)
    {
        Path = path;
        _file = file;
        Content = content;
        _decompressed = decompressed;
        _gzipTrailerSize = gzipTrailerSize;
        Peek = peek;
    }

    public string Path { get; }

    /// <summary>The decompressed, UTF-8 content, positioned after any byte-order mark.</summary>
    public Stream Content { get; }

    /// <summary>The first bytes of <see cref="Content"/>, for sniffing the format.</summary>
    public ReadOnlyMemory<byte> Peek { get; }

    public bool IsGzip => _decompressed is not null;

    /// <summary>Size of the file on disk, and how far into it reading has got (for progress).</summary>
    public long Length => _file.Length;

    public long Position => _file.Position;

    /// <summary>Opens <paramref name="path"/>, or throws a <see cref="PaperGraphException"/> that says why it cannot be read.</summary>
    public static InputFile Open(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PaperGraphException(ErrorCodes.UnreadableFile, $"{path}: cannot open the file: {e.Message}", e);
        }

        try
        {
            return Open(path, file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static InputFile Open(string path, FileStream file)
    {
        Span<byte> magic = stackalloc byte[6];
        var magicLength = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        magic = magic[..magicLength];
        file.Position = 0;

        if (magicLength == 0)
        {
            throw new PaperGraphException(ErrorCodes.EmptyFile, $"{path}: the file is empty; expected papers as text, JSON Lines or CSV.");
        }

        if (DescribeUnsupported(magic) is { } unsupported)
        {
            throw new PaperGraphException(ErrorCodes.UnsupportedCompression, $"{path}: {unsupported}");
        }

        Stream content = file;
        CountingStream? counting = null;
        uint? trailer = null;
        if (magic is [0x1f, 0x8b, ..])
        {
            if (file.Length < 18)
            {
                throw new PaperGraphException(ErrorCodes.TruncatedGzip, $"{path}: truncated gzip file ({file.Length} bytes); expected a complete .gz file.");
            }

            Span<byte> last = stackalloc byte[4];
            file.Position = file.Length - 4;
            file.ReadExactly(last);
            file.Position = 0;
            trailer = BinaryPrimitives.ReadUInt32LittleEndian(last);
            counting = new CountingStream(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true));
            content = counting;
        }

        var peek = new byte[PeekSize];
        int peeked;
        try
        {
            peeked = content.ReadAtLeast(peek, peek.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException e)
        {
            throw new PaperGraphException(ErrorCodes.CorruptCompressedFile, $"{path}: the gzip data is corrupt ({e.Message}); expected a valid .gz file.", e);
        }

        Array.Resize(ref peek, peeked);
        if (peeked == 0)
        {
            throw new PaperGraphException(ErrorCodes.EmptyFile, $"{path}: the file is empty after decompression; expected papers as text, JSON Lines or CSV.");
        }

        // Byte-order marks: UTF-8 is skipped, UTF-16 (spreadsheet exports) is transcoded to UTF-8.
        Encoding? transcodeFrom = null;
        var skip = 0;
        if (peek is [0xEF, 0xBB, 0xBF, ..])
        {
            skip = 3;
        }
        else if (peek is [0xFF, 0xFE, ..])
        {
            transcodeFrom = Encoding.Unicode;
            skip = 2;
        }
        else if (peek is [0xFE, 0xFF, ..])
        {
            transcodeFrom = Encoding.BigEndianUnicode;
            skip = 2;
        }
        else if (peek.AsSpan().IndexOf((byte)0) is var nul and >= 0)
        {
            var what = peek is [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] ? "a PDF file (export its text first)" : $"a binary file (NUL byte at offset {nul})";
            throw new PaperGraphException(ErrorCodes.BinaryFile, $"{path}: this is {what}; expected UTF-8 text: Daily Papers page text, JSON Lines or CSV.");
        }

        Stream replay = new PrefixedStream(peek.AsMemory(skip), content);
        if (transcodeFrom is not null)
        {
            replay = Encoding.CreateTranscodingStream(replay, transcodeFrom, Encoding.UTF8);
            var utf8Peek = new byte[PeekSize];
            var n = replay.ReadAtLeast(utf8Peek, utf8Peek.Length, throwOnEndOfStream: false);
            Array.Resize(ref utf8Peek, n);
            return new InputFile(path, file, new PrefixedStream(utf8Peek, replay), counting, trailer, utf8Peek);
        }

        return new InputFile(path, file, replay, counting, trailer, peek.AsSpan(skip).ToArray());
    }

    /// <summary>After the content was read to its end: a message if the gzip stream was cut short, else null.</summary>
    public string? CheckComplete()
    {
        if (_decompressed is null || _gzipTrailerSize is not { } expected)
        {
            return null;
        }

        var actual = unchecked((uint)_decompressed.BytesRead);
        return actual == expected
            ? null
            : $"{Path}: the gzip stream ends early (decompressed {_decompressed.BytesRead:N0} bytes, the gzip trailer says {expected:N0} mod 2^32); the file looks truncated. Records read before the cut were kept.";
    }

    private static string? DescribeUnsupported(ReadOnlySpan<byte> magic) => magic switch
    {
        [0x50, 0x4B, 0x03, 0x04, ..] => "this is a ZIP archive; extract it and pass the folder instead.",
        [(byte)'B', (byte)'Z', (byte)'h', ..] => "this is bzip2-compressed; only gzip (.gz) is read directly, so decompress it first (bunzip2).",
        [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00] => "this is xz-compressed; only gzip (.gz) is read directly, so decompress it first (unxz).",
        [0x28, 0xB5, 0x2F, 0xFD, ..] => "this is zstd-compressed; only gzip (.gz) is read directly, so decompress it first (unzstd).",
        [(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C] => "this is a 7-Zip archive; extract it and pass the folder instead.",
        _ => null,
    };

    public void Dispose()
    {
        Content.Dispose();
        _file.Dispose();
    }
}

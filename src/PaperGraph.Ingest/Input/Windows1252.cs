namespace PaperGraph.Ingest.Input;

/// <summary>Decodes Windows-1252 (the code page of Western-European spreadsheet exports) into UTF-8.</summary>
/// <remarks>
/// Windows-1252 is Latin-1 except for 0x80–0x9F, where it has typographic characters (<c>€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž
/// ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ</c>). The five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) are mapped to
/// the C1 control of the same number, as Windows itself does. Mapped by hand: 32 entries do not justify registering the
/// code-pages encoding provider process-wide.
/// </remarks>
internal static class Windows1252
{
    private static readonly char[] High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    /// <summary>The most UTF-8 bytes one Windows-1252 byte becomes (U+2122 takes three).</summary>
    public const int MaxUtf8BytesPerByte = 3;

    public static char ToChar(byte b) => b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b;

    /// <summary>Writes <paramref name="source"/>, read as Windows-1252, into <paramref name="destination"/> as UTF-8; returns the byte count.</summary>
    /// <param name="destination">At least <see cref="MaxUtf8BytesPerByte"/> times the length of <paramref name="source"/>.</param>
    public static int ToUtf8(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, source.Length * MaxUtf8BytesPerByte);
        var written = 0;
        foreach (var b in source)
        {
            if (b < 0x80)
            {
                destination[written++] = b;
                continue;
            }

            written += new System.Text.Rune(ToChar(b)).EncodeToUtf8(destination[written..]);
        }

        return written;
    }
}

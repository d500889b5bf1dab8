using System.Buffers;
using System.Text;

namespace PaperGraph.Concepts;

/// <summary>Writes and reads <see cref="DocumentTerms"/> in a compact binary form: the form the workspace stores them in, and the form a run holds them in between the analysis and the merge.</summary>
/// <remarks>
/// <para>
/// One paper's terms are one byte array, so the 200k-paper corpus is 200k objects on the heap between the analysis and
/// the merge instead of its 18M strings and records; and reading it back is a walk over bytes, not a JSON parse.
/// </para>
/// <para>
/// Format version 3 (version 1 was JSON; version 2 had no <c>of</c> bit). Integers are unsigned LEB128 varints; a
/// string is its UTF-8 byte count as a varint, then the bytes.
/// </para>
/// <code>
/// byte     version (3)
/// string   id
/// varint   tokens, sentences
/// varint   mention count, then per mention:
///   string   key
///   varint   0 if the surface equals the key, else the surface's UTF-8 byte count + 1, then its bytes
///   byte     kind (MentionKind), with bit 7 set when the mention is in the title and bit 6 when "of" follows it
///   varint   token, sentence, partA + 1, partB + 1
/// varint   definition count, then per definition: string shortForm, string longKey, string longSurface
/// </code>
/// </remarks>
public static class DocumentTermsBinary
{
    /// <summary>Version of the format written; the first byte of every record.</summary>
    public const byte Version = 3;

    private const byte InTitleBit = 0x80;
    private const byte BeforeOfBit = 0x40;

    /// <summary>The bytes of <paramref name="terms"/>.</summary>
    public static byte[] Write(DocumentTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var buffer = new ArrayBufferWriter<byte>(64 + 48 * terms.Mentions.Count);
        buffer.GetSpan(1)[0] = Version;
        buffer.Advance(1);
        WriteString(buffer, terms.Id);
        WriteVarint(buffer, (uint)terms.Tokens);
        WriteVarint(buffer, (uint)terms.Sentences);
        WriteVarint(buffer, (uint)terms.Mentions.Count);
        foreach (var m in terms.Mentions)
        {
            WriteString(buffer, m.Key);
            if (m.Surface == m.Key)
            {
                WriteVarint(buffer, 0);
            }
            else
            {
                WriteString(buffer, m.Surface, lengthOffset: 1);
            }

            buffer.GetSpan(1)[0] = (byte)((byte)m.Kind | (m.InTitle ? InTitleBit : 0) | (m.BeforeOf ? BeforeOfBit : 0));
            buffer.Advance(1);
            WriteVarint(buffer, (uint)m.Token);
            WriteVarint(buffer, (uint)m.Sentence);
            WriteVarint(buffer, (uint)(m.PartA + 1));
            WriteVarint(buffer, (uint)(m.PartB + 1));
        }

        WriteVarint(buffer, (uint)terms.Definitions.Count);
        foreach (var d in terms.Definitions)
        {
            WriteString(buffer, d.ShortForm);
            WriteString(buffer, d.LongKey);
            WriteString(buffer, d.LongSurface);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads bytes written by <see cref="Write"/>; null when they are of another version (extract the paper again).</summary>
    /// <param name="data">One record.</param>
    /// <param name="strings">Where equal keys and surfaces are shared, so a corpus holds each once; one per thread. Null to share nothing.</param>
    /// <exception cref="FormatException">The bytes are of this version but cut short or damaged.</exception>
    public static DocumentTerms? Read(ReadOnlySpan<byte> data, StringPool? strings = null)
    {
        if (data.IsEmpty || data[0] != Version)
        {
            return null;
        }

        var reader = new Reader(data[1..], strings);
        var terms = new DocumentTerms(reader.String(pooled: false), reader.Int(), reader.Int());
        var mentions = reader.Int();
        terms.Mentions.Capacity = mentions;
        for (var i = 0; i < mentions; i++)
        {
            var key = reader.String();
            var surfaceLength = reader.Int();
            var surface = surfaceLength == 0 ? key : reader.String(surfaceLength - 1);
            var kind = reader.Byte();
            terms.Mentions.Add(new TermMention(key, surface, (MentionKind)(kind & ~(InTitleBit | BeforeOfBit)), reader.Int(), reader.Int(),
                (kind & InTitleBit) != 0, reader.Int() - 1, reader.Int() - 1, (kind & BeforeOfBit) != 0));
        }

        var definitions = reader.Int();
        for (var i = 0; i < definitions; i++)
        {
            terms.Definitions.Add(new AcronymDefinition(reader.String(), reader.String(), reader.String()));
        }

        if (!reader.AtEnd)
        {
            throw new FormatException($"Terms of '{terms.Id}': {reader.Remaining} bytes after the last definition.");
        }

        return terms;
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, string value, uint lengthOffset = 0)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteVarint(buffer, (uint)length + lengthOffset);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }

    private static void WriteVarint(ArrayBufferWriter<byte> buffer, uint value)
    {
        var span = buffer.GetSpan(5);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        buffer.Advance(i);
    }

    private ref struct Reader(ReadOnlySpan<byte> data, StringPool? strings)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private readonly StringPool? _strings = strings;
        private int _position;

        public readonly bool AtEnd => _position == _data.Length;

        public readonly int Remaining => _data.Length - _position;

        public byte Byte()
        {
            if (_position >= _data.Length)
            {
                throw Truncated();
            }

            return _data[_position++];
        }

        public int Int()
        {
            uint value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Byte();
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value <= int.MaxValue ? (int)value : throw new FormatException("Terms: a number out of range.");
                }
            }

            throw new FormatException("Terms: a number longer than five bytes.");
        }

        public string String(bool pooled = true) => String(Int(), pooled);

        public string String(int length, bool pooled = true)
        {
            if (length > _data.Length - _position)
            {
                throw Truncated();
            }

            var bytes = _data.Slice(_position, length);
            _position += length;
            return pooled && _strings is not null ? _strings.Get(bytes) : Encoding.UTF8.GetString(bytes);
        }

        private static FormatException Truncated() => new("Terms: the record ends in the middle of a value.");
    }
}

/// <summary>Hands out one string instance per distinct UTF-8 text: equal keys and surfaces read from many papers share it. Not thread-safe: one per thread.</summary>
public sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>An empty pool.</summary>
    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Distinct strings held.</summary>
    public int Count => _strings.Count;

    /// <summary>The string of <paramref name="utf8"/>, the same instance every time for the same text.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        char[]? rented = null;
        var chars = utf8.Length <= 256 ? stackalloc char[utf8.Length] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        var length = Encoding.UTF8.GetChars(utf8, chars);
        var text = chars[..length];
        if (!_lookup.TryGetValue(text, out var value))
        {
            value = new string(text);
            _strings.Add(value);
        }

        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return value;
    }
}

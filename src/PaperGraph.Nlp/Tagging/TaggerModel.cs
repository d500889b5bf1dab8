using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using PaperGraph.Core;

namespace PaperGraph.Nlp.Tagging;

/// <summary>The weights and tag dictionary of a trained part-of-speech tagger, and its file format.</summary>
/// <remarks>
/// <para>File format, version 2 (little-endian):</para>
/// <code>
/// 8 bytes   magic "PGTAGGER"
/// int32     format version (2)
/// int32     feature function version (TaggerFeatures.Version at training time)
/// int32     class count C, then per class: one byte length and the ASCII UD tag name
/// int32     hash bits B (each weight table has 2^B rows of C weights)
/// int32     passes P: 1, or 2 when a second pass re-tags with the first pass's tags as features
/// float32   weight scale s
/// int32     tag dictionary size D
/// int32     lexicon size L
/// uint64    checksum of the word cluster table the model was trained with (WordClusters.Checksum), 0 for none
/// ...       a Brotli stream holding:
///             D entries: uint32 cased-word hash, byte class
///             L entries: uint32 lower-cased-word hash, uint32 mask of the classes seen with it in training
///             P weight tables, each: varint R (rows stored), then R rows by increasing row index: varint gap
///               from the previous stored row (+1), varint mask of the classes with a weight, then per set bit
///               a zigzag varint q (weight = q * s)
/// </code>
/// <para>
/// Only rows with a non-zero weight are stored, and weights are quantised to multiples of <c>s</c>, which changes no
/// prediction measurably (the training command reports the accuracy of the saved file, not of the in-memory one).
/// </para>
/// <para>
/// A model trained with word clusters is only loaded with the very same table (the checksum must match): without it,
/// or with another table, loading fails with PG3011 instead of tagging with features the model never saw.
/// </para>
/// </remarks>
public sealed class TaggerModel
{
    /// <summary>Version of the file format written by <see cref="Save(Stream)"/>.</summary>
    public const int FormatVersion = 2;

    private static ReadOnlySpan<byte> Magic => "PGTAGGER"u8;

    internal TaggerModel(int hashBits, float[] weights, float[]? secondPass, Dictionary<uint, PosTag> tagDictionary, Dictionary<uint, uint> lexicon, WordClusters? clusters = null)
    {
        Clusters = clusters;
        SecondPass = secondPass;
        DictionaryMap = new UIntMap(tagDictionary.ToDictionary(e => e.Key, e => (uint)e.Value));
        LexiconMap = new UIntMap(lexicon);
        ArgumentOutOfRangeException.ThrowIfNotEqual(secondPass?.Length ?? weights.Length, weights.Length);
        Lexicon = lexicon;
        ArgumentOutOfRangeException.ThrowIfLessThan(hashBits, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hashBits, 26);
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Length, (1 << hashBits) * PosTags.Count);
        HashBits = hashBits;
        Weights = weights;
        TagDictionary = tagDictionary;
    }

    /// <summary>The word clusters the model was trained with, or null when it uses none.</summary>
    public WordClusters? Clusters { get; }

    /// <summary>log2 of the number of weight rows.</summary>
    public int HashBits { get; }

    /// <summary>Number of words tagged from the dictionary without scoring (frequent words with one tag).</summary>
    public int DictionarySize => TagDictionary.Count;

    internal float[] Weights { get; }

    /// <summary>Weights of the second pass (which also sees the first pass's tags to the right), or null for a one-pass model.</summary>
    internal float[]? SecondPass { get; }

    internal Dictionary<uint, PosTag> TagDictionary { get; }

    /// <summary>Lower-cased word hash to the set of tags seen with the word in training (the "ambiguity class" feature).</summary>
    internal Dictionary<uint, uint> Lexicon { get; }

    /// <summary><see cref="TagDictionary"/> in the form the tagger reads per token.</summary>
    internal UIntMap DictionaryMap { get; }

    /// <summary><see cref="Lexicon"/> in the form the tagger reads per token.</summary>
    internal UIntMap LexiconMap { get; }

    /// <summary>Reads a model file.</summary>
    /// <param name="path">The model file.</param>
    /// <param name="clusters">
    /// The word cluster table the model was trained with. When null and the model needs one, the table shipped with
    /// PaperGraph is used if it is that very table (same checksum); otherwise loading fails.
    /// </param>
    /// <exception cref="PaperGraphException">The file is not a PaperGraph tagger model, or not one this version reads, or its cluster table is missing or another (PG3011).</exception>
    public static TaggerModel Load(string path, WordClusters? clusters = null)
    {
        if (!File.Exists(path))
        {
            throw new PaperGraphException(ErrorCodes.PathNotFound, $"tagger model not found: '{path}'.");
        }

        using var stream = File.OpenRead(path);
        return Load(stream, path, clusters);
    }

    /// <summary>Reads a model from <paramref name="stream"/>; <paramref name="name"/> names it in error messages.</summary>
    /// <param name="stream">The model.</param>
    /// <param name="name">How error messages name the model.</param>
    /// <param name="clusters">The word cluster table the model was trained with (see <see cref="Load(string, WordClusters?)"/>).</param>
    public static TaggerModel Load(Stream stream, string name, WordClusters? clusters = null) =>
        Load(stream, name, () => clusters, shipped: false);

    /// <summary>Reads a model; <paramref name="clusters"/> is called once the weights are read, so a table can load meanwhile.</summary>
    /// <param name="shipped">The table is the shipped one, offered whether or not the model needs it.</param>
    internal static TaggerModel Load(Stream stream, string name, Func<WordClusters?> clusters, bool shipped)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var reader = new BinaryReader(stream, Encoding.ASCII, leaveOpen: true);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw Invalid(name, "it does not start with PGTAGGER, so it is not a PaperGraph tagger model");
            }

            var format = reader.ReadInt32();
            if (format != FormatVersion)
            {
                throw Invalid(name, $"it has format version {format}; this PaperGraph reads version {FormatVersion}");
            }

            var features = reader.ReadInt32();
            if (features != TaggerFeatures.Version)
            {
                throw Invalid(name, $"it was trained with feature version {features}; this PaperGraph computes version {TaggerFeatures.Version}. Retrain it with 'papergraph tagger train'");
            }

            var classes = reader.ReadInt32();
            if (classes != PosTags.Count)
            {
                throw Invalid(name, $"it predicts {classes} tags, not the {PosTags.Count} UPOS tags");
            }

            for (var c = 0; c < classes; c++)
            {
                var label = Encoding.ASCII.GetString(reader.ReadBytes(reader.ReadByte()));
                if (label != ((PosTag)c).ToUpos())
                {
                    throw Invalid(name, $"tag {c} is '{label}', expected '{((PosTag)c).ToUpos()}'");
                }
            }

            var bits = reader.ReadInt32();
            var passes = reader.ReadInt32();
            var scale = reader.ReadSingle();
            var dictionarySize = reader.ReadInt32();
            var lexiconSize = reader.ReadInt32();
            var checksum = reader.ReadUInt64();
            if (bits is < 10 or > 26 || passes is < 1 or > 2 || dictionarySize < 0 || lexiconSize < 0 || !float.IsFinite(scale))
            {
                throw Invalid(name, "its header is corrupt");
            }

            using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var body = new BufferedStream(brotli, 1 << 16);
            var dictionary = new Dictionary<uint, PosTag>(dictionarySize);
            Span<byte> entry = stackalloc byte[8];
            for (var d = 0; d < dictionarySize; d++)
            {
                body.ReadExactly(entry[..5]);
                dictionary[BinaryPrimitives.ReadUInt32LittleEndian(entry)] = (PosTag)Math.Min(entry[4], (byte)(PosTags.Count - 1));
            }

            var lexicon = new Dictionary<uint, uint>(lexiconSize);
            for (var l = 0; l < lexiconSize; l++)
            {
                body.ReadExactly(entry);
                lexicon[BinaryPrimitives.ReadUInt32LittleEndian(entry)] = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]) & ((1u << PosTags.Count) - 1);
            }

            var weights = ReadTable(body, bits, scale, name);
            var second = passes == 2 ? ReadTable(body, bits, scale, name) : null;
            return new TaggerModel(bits, weights, second, dictionary, lexicon, checksum == 0 && shipped ? null : ClustersFor(checksum, clusters(), name));
        }
        catch (EndOfStreamException e)
        {
            throw Invalid(name, "it is truncated", e);
        }
        catch (InvalidDataException e)
        {
            throw Invalid(name, "its compressed part is corrupt", e);
        }
    }

    /// <summary>Writes the model in the format described above.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var classes = PosTags.Count;
        var maxAbs = 0f;
        foreach (var table in Tables())
        {
            foreach (var w in table)
            {
                maxAbs = Math.Max(maxAbs, Math.Abs(w));
            }
        }

        // 2^-20 of the largest weight is far below any score difference that decides a tag.
        var scale = maxAbs == 0 ? 1f : maxAbs / (1 << 20);

        using var writer = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(TaggerFeatures.Version);
        writer.Write(classes);
        for (var c = 0; c < classes; c++)
        {
            var label = ((PosTag)c).ToUpos();
            writer.Write((byte)label.Length);
            writer.Write(Encoding.ASCII.GetBytes(label));
        }

        writer.Write(HashBits);
        writer.Write(SecondPass is null ? 1 : 2);
        writer.Write(scale);
        writer.Write(TagDictionary.Count);
        writer.Write(Lexicon.Count);
        writer.Write(Clusters?.Checksum ?? 0UL);
        writer.Flush();

        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var body = new BufferedStream(brotli, 1 << 16);
        Span<byte> entry = stackalloc byte[8];
        foreach (var (hash, tag) in TagDictionary.OrderBy(e => e.Key))
        {
            BinaryPrimitives.WriteUInt32LittleEndian(entry, hash);
            entry[4] = (byte)tag;
            body.Write(entry[..5]);
        }

        foreach (var (hash, mask) in Lexicon.OrderBy(e => e.Key))
        {
            BinaryPrimitives.WriteUInt32LittleEndian(entry, hash);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], mask);
            body.Write(entry);
        }

        foreach (var table in Tables())
        {
            WriteTable(body, table, scale);
        }
    }

    /// <summary>The cluster table to use with a model that recorded <paramref name="checksum"/> (0: none).</summary>
    private static WordClusters? ClustersFor(ulong checksum, WordClusters? given, string name)
    {
        if (checksum == 0)
        {
            if (given is not null)
            {
                throw new PaperGraphException(ErrorCodes.InvalidWordClusters, $"tagger model '{name}' was trained without word clusters, so a cluster table cannot be used with it; leave the table out or retrain with it.");
            }

            return null;
        }

        given ??= WordClusters.LoadShippedIfPresent();
        if (given is null || given.Checksum != checksum)
        {
            throw new PaperGraphException(ErrorCodes.InvalidWordClusters, given is null
                ? $"tagger model '{name}' was trained with a word cluster table (checksum {checksum:x16}), and none was given; give the table it was trained with (--clusters)."
                : $"tagger model '{name}' was trained with a word cluster table whose checksum is {checksum:x16}, but the table given has checksum {given.Checksum:x16}; give the table it was trained with (--clusters), or retrain.");
        }

        return given;
    }

    private IEnumerable<float[]> Tables() => SecondPass is null ? [Weights] : [Weights, SecondPass];

    private static void WriteTable(Stream body, float[] table, float scale)
    {
        var classes = PosTags.Count;
        var rows = table.Length / classes;
        var quantised = new long[table.Length];
        var stored = 0;
        for (var r = 0; r < rows; r++)
        {
            var any = false;
            for (var c = 0; c < classes; c++)
            {
                var q = (long)Math.Round(table[r * classes + c] / scale);
                quantised[r * classes + c] = q;
                any |= q != 0;
            }

            stored += any ? 1 : 0;
        }

        WriteVarint(body, (ulong)stored);
        var previous = -1;
        for (var r = 0; r < rows; r++)
        {
            ulong mask = 0;
            for (var c = 0; c < classes; c++)
            {
                mask |= quantised[r * classes + c] != 0 ? 1UL << c : 0;
            }

            if (mask == 0)
            {
                continue;
            }

            WriteVarint(body, (ulong)(r - previous));
            WriteVarint(body, mask);
            previous = r;
            for (var c = 0; c < classes; c++)
            {
                var q = quantised[r * classes + c];
                if (q != 0)
                {
                    WriteVarint(body, (ulong)(q << 1 ^ q >> 63));
                }
            }
        }
    }

    private static float[] ReadTable(Stream body, int bits, float scale, string name)
    {
        var classes = PosTags.Count;
        var weights = new float[(1 << bits) * classes];
        var rows = ReadVarint(body);
        if (rows > 1UL << bits)
        {
            throw Invalid(name, "its weights are corrupt");
        }

        var row = -1L;
        for (var r = 0UL; r < rows; r++)
        {
            row += (long)ReadVarint(body);
            var mask = ReadVarint(body);
            if ((ulong)row >= 1UL << bits || mask >> classes != 0)
            {
                throw Invalid(name, "its weights are corrupt");
            }

            for (var c = 0; c < classes; c++)
            {
                if ((mask & 1UL << c) != 0)
                {
                    var zigzag = ReadVarint(body);
                    var q = (long)(zigzag >> 1) ^ -(long)(zigzag & 1);
                    weights[row * classes + c] = q * scale;
                }
            }
        }

        return weights;
    }

    /// <summary>Writes the model to <paramref name="path"/>, whole or not at all (<see cref="AtomicFile"/>).</summary>
    public void Save(string path) => AtomicFile.Write(path, Save);

    private static void WriteVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        stream.WriteByte((byte)value);
    }

    private static ulong ReadVarint(Stream stream)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                throw new EndOfStreamException();
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("varint longer than 64 bits");
    }

    private static PaperGraphException Invalid(string name, string why, Exception? inner = null) =>
        new(ErrorCodes.InvalidTaggerModel, $"cannot read tagger model '{name}': {why}.", inner);
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using PaperGraph.Core;

namespace PaperGraph.Nlp.Tagging;

/// <summary>
/// A table from words to their distributional classes at several granularities, learned from unlabelled text by
/// <c>papergraph tagger clusters</c>; the tagger's cluster features read it.
/// </summary>
/// <remarks>
/// <para>File format 1: UTF-8 text, one record a line, fields separated by a tab.</para>
/// <code>
/// # PaperGraph word clusters 1
/// # levels&lt;TAB&gt;K1&lt;TAB&gt;K2...        classes at each level, coarse to fine (each at most 4096, K1 ≤ K2 ≤ ...)
/// # any other comment line
/// word&lt;TAB&gt;c1&lt;TAB&gt;c2...            the word's class at each level, 0 ≤ ci &lt; Ki
/// </code>
/// <para>
/// Words are in the tagger's lower-cased form (letters lower-cased, every digit <c>0</c>), so a table entry covers
/// every spelling the tagger treats as one. Levels are nested: the classes of a level are grouped into the classes of
/// the level before it, so the path <c>c1, c2, ...</c> of a word plays the part of the bit-string prefixes of Brown
/// clusters. A word that is not in the table has no class, which is a feature value of its own.
/// </para>
/// <para>
/// The tagger looks a word up by the 32-bit hash of its lower-cased form. The <see cref="Checksum"/> of the table's
/// content is stored in a model trained with it, so a model is never used with another table.
/// </para>
/// </remarks>
public sealed class WordClusters
{
    /// <summary>Version of the file format.</summary>
    public const int FormatVersion = 1;

    /// <summary>The first line of a table file.</summary>
    public const string Header = "# PaperGraph word clusters 1";

    /// <summary>Name of the table shipped with the tagger model, embedded in this assembly.</summary>
    public const string ShippedName = "arxiv-clusters.tsv";

    private const int MaxLevels = 4;
    private const int MaxClasses = 4096;

    private readonly UIntMap _map;
    private readonly int[] _levels;
    private readonly int[] _shifts;
    private readonly int _bits;

    /// <summary>The words and their classes when the table was built in memory (for <see cref="Save"/>); null when read from a file.</summary>
    private readonly Dictionary<string, int[]>? _words;

    /// <summary>Creates a table; <paramref name="words"/> maps each lower-cased word to its class at each level.</summary>
    public WordClusters(IReadOnlyList<int> levels, IReadOnlyDictionary<string, int[]> words)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(words);
        (_levels, _shifts, _bits) = Layout(levels);
        _words = new Dictionary<string, int[]>(words.Count, StringComparer.Ordinal);
        var entries = new Dictionary<uint, uint>(words.Count);
        var checksum = Fnv(OffsetBasis, Encoding.UTF8.GetBytes(LevelsLine(_levels)));
        foreach (var (word, classes) in words.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            ArgumentOutOfRangeException.ThrowIfNotEqual(classes.Length, _levels.Length);
            uint packed = 1u << _bits;
            for (var l = 0; l < classes.Length; l++)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(classes[l]);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(classes[l], _levels[l]);
                packed |= (uint)classes[l] << _shifts[l];
            }

            _words[word] = classes;
            TaggerFeatures.Hash(word, sentenceStart: false, out var hashes);

            // Two different words whose hashes collide: the first in ordinal order keeps the slot (deterministic).
            entries.TryAdd(hashes.Lower, packed);
            checksum = Fnv(checksum, Encoding.UTF8.GetBytes(Line(word, classes)));
        }

        Count = words.Count;
        Checksum = checksum == 0 ? 1 : checksum;
        _map = new UIntMap(entries);
    }

    private WordClusters(int[] levels, Dictionary<uint, uint> entries, int count, ulong checksum)
    {
        (_levels, _shifts, _bits) = Layout(levels);
        _map = new UIntMap(entries);
        Count = count;
        Checksum = checksum == 0 ? 1 : checksum;
    }

    /// <summary>Classes at each level, coarse to fine.</summary>
    public IReadOnlyList<int> Levels => _levels;

    /// <summary>Number of words in the table.</summary>
    public int Count { get; }

    /// <summary>
    /// A 64-bit checksum of the table's content (never 0), stored in the models trained with it: FNV-1a over the UTF-8
    /// bytes of the levels line and the word lines, in file order, each ended by a line feed.
    /// </summary>
    public ulong Checksum { get; }

    /// <summary>The word's class at each level (coarse to fine), or null when the table does not know the word.</summary>
    /// <remarks>Looked up as the tagger does, by the 32-bit hash of the lower-cased form.</remarks>
    public int[]? Find(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        TaggerFeatures.Hash(word, sentenceStart: false, out var hashes);
        var packed = Lookup(hashes.Lower);
        if (packed == 0)
        {
            return null;
        }

        var classes = new int[_levels.Length];
        for (var l = 0; l < classes.Length; l++)
        {
            var bits = (l == 0 ? _bits : _shifts[l - 1]) - _shifts[l];
            classes[l] = (int)((packed >> _shifts[l]) & ((1u << bits) - 1));
        }

        return classes;
    }

    /// <summary>The packed classes of a word given the hash of its lower-cased form; 0 when unknown.</summary>
    /// <remarks>From the high bits down: a marker bit, then the class at each level, coarse first.</remarks>
    internal uint Lookup(uint lowerHash) => _map.TryGetValue(lowerHash, out var packed) ? packed : 0;

    /// <summary>Sets the cluster fields of <paramref name="hashes"/> from its lower-cased hash (all 0 when the word is unknown).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void Fill(ref WordHashes hashes)
    {
        var packed = Lookup(hashes.Lower);
        hashes.Cluster0 = packed >> _shifts[0];
        hashes.Cluster1 = packed >> _shifts[Math.Min(1, _shifts.Length - 1)];
        hashes.Cluster2 = packed >> _shifts[Math.Min(2, _shifts.Length - 1)];
        hashes.Cluster3 = packed >> _shifts[^1];
    }

    /// <summary>The tagger's lower-cased form of a word: letters lower-cased, digits 0, typographic dashes and quotes as ASCII.</summary>
    public static string LowerForm(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        return new string(buffer[..TaggerFeatures.LowerForm(word, buffer)]);
    }

    /// <summary>Reads a table file.</summary>
    /// <exception cref="PaperGraphException">The file is missing, or is not a table in this format (PG3011).</exception>
    public static WordClusters Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new PaperGraphException(ErrorCodes.InvalidWordClusters, $"word cluster table not found: '{path}'. Build it with 'papergraph tagger clusters' (see src/PaperGraph.Nlp/Models/README.md).");
        }

        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    /// <summary>Reads a table from <paramref name="stream"/>; <paramref name="name"/> names it in error messages.</summary>
    /// <remarks>
    /// Parses the UTF-8 bytes in place, without a string per line, so that the shipped table (200,000 words) loads in
    /// tens of milliseconds next to the model.
    /// </remarks>
    public static WordClusters Load(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes;
        using (var copy = new MemoryStream(stream.CanSeek ? (int)Math.Min(int.MaxValue, stream.Length) : 1 << 16))
        {
            stream.CopyTo(copy);
            bytes = copy.Length == copy.Capacity ? copy.GetBuffer() : copy.ToArray();
        }

        ReadOnlySpan<byte> rest = bytes;
        var lineNumber = 0;
        int[]? levels = null;
        (int[] Levels, int[] Shifts, int Bits) layout = default;
        Dictionary<uint, (uint Packed, int Start, int Length)>? entries = null;
        var checksum = OffsetBasis;
        var count = 0;
        Span<char> word = stackalloc char[MaxWordLength];
        Span<char> lower = stackalloc char[MaxWordLength];
        Span<int> classes = stackalloc int[MaxLevels];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            var lineStart = bytes.Length - rest.Length;
            rest = end < 0 ? [] : rest[(end + 1)..];
            if (!line.IsEmpty && line[^1] == '\r')
            {
                line = line[..^1];
            }

            lineNumber++;
            if (lineNumber == 1)
            {
                if (!line.SequenceEqual(Encoding.UTF8.GetBytes(Header)))
                {
                    throw Invalid(name, 1, $"expected the header '{Header}'");
                }

                continue;
            }

            if (!line.IsEmpty && line[0] == '#')
            {
                if (line.StartsWith("# levels\t"u8))
                {
                    if (levels is not null)
                    {
                        throw Invalid(name, lineNumber, "a second '# levels' line");
                    }

                    levels = ParseLevels(Encoding.UTF8.GetString(line), name, lineNumber);
                    layout = Layout(levels);
                    entries = new Dictionary<uint, (uint, int, int)>(bytes.Length / 16);
                    checksum = Fnv(checksum, line);
                    checksum = Fnv(checksum, "\n"u8);
                }

                continue;
            }

            if (levels is null || entries is null)
            {
                throw Invalid(name, lineNumber, "a word comes before the '# levels' line");
            }

            var tab = line.IndexOf((byte)'\t');
            if (tab <= 0 || Utf8.ToUtf16(line[..tab], word, out _, out var chars, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                throw Invalid(name, lineNumber, tab <= 0
                    ? $"expected a word and {levels.Length} classes separated by tabs"
                    : $"the word is not UTF-8 text of at most {MaxWordLength} characters");
            }

            var text = word[..chars];
            TaggerFeatures.LowerForm(text, lower);
            if (!lower[..chars].SequenceEqual(text))
            {
                throw Invalid(name, lineNumber, $"'{text}' is not in lower-cased form");
            }

            // The word is in lower-cased form, so the FNV-1a hash of its characters is the tagger's WordHashes.Lower.
            ulong fnv = OffsetBasis;
            foreach (var c in text)
            {
                fnv = (fnv ^ c) * 1099511628211UL;
            }

            var key = (uint)(fnv ^ fnv >> 32);

            var fields = line[(tab + 1)..];
            uint packed = 1u << layout.Bits;
            for (var l = 0; l < levels.Length; l++)
            {
                var next = fields.IndexOf((byte)'\t');
                var field = next < 0 ? fields : fields[..next];
                if (next < 0 != (l == levels.Length - 1))
                {
                    throw Invalid(name, lineNumber, $"expected a word and {levels.Length} classes separated by tabs");
                }

                if (!TryParseClass(field, out classes[l]) || classes[l] >= levels[l])
                {
                    throw Invalid(name, lineNumber, $"class '{Encoding.UTF8.GetString(field)}' is not a number below {levels[l]}");
                }

                packed |= (uint)classes[l] << layout.Shifts![l];
                fields = next < 0 ? [] : fields[(next + 1)..];
            }

            if (entries.TryGetValue(key, out var earlier))
            {
                // Same hash: the same word twice is an error; two different words keep the first (as when built).
                if (line[..tab].SequenceEqual(bytes.AsSpan(earlier.Start, earlier.Length)))
                {
                    throw Invalid(name, lineNumber, $"'{text}' is listed twice");
                }
            }
            else
            {
                entries[key] = (packed, lineStart, tab);
            }

            checksum = Fnv(checksum, line);
            checksum = Fnv(checksum, "\n"u8);
            count++;
        }

        if (levels is null || entries is null || entries.Count == 0)
        {
            throw Invalid(name, Math.Max(1, lineNumber), "it has no '# levels' line or no words");
        }

        var map = new Dictionary<uint, uint>(entries.Count);
        foreach (var (key, entry) in entries)
        {
            map[key] = entry.Packed;
        }

        return new WordClusters(levels, map, count, checksum);
    }

    /// <summary>Writes the table in the format above, words in ordinal order, after the given comment lines.</summary>
    /// <exception cref="InvalidOperationException">The table was read from a file, not built in memory.</exception>
    public void Save(string path, IEnumerable<string> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var words = _words ?? throw new InvalidOperationException("Only a table built by the clusterer can be saved.");
        AtomicFile.WriteText(path, writer =>
        {
            writer.NewLine = "\n";
            writer.WriteLine(Header);
            foreach (var comment in comments)
            {
                writer.WriteLine("# " + comment.ReplaceLineEndings(" "));
            }

            writer.Write(LevelsLine(_levels));
            foreach (var (word, classes) in words.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.Write(Line(word, classes));
            }
        });
    }

    /// <summary>The table shipped inside PaperGraph.</summary>
    internal static WordClusters LoadShipped()
    {
        using var stream = typeof(WordClusters).Assembly.GetManifestResourceStream("PaperGraph.Nlp.Models." + ShippedName)
            ?? throw new PaperGraphException(ErrorCodes.InvalidWordClusters, $"the word cluster table {ShippedName} is not embedded in this build; build it with 'papergraph tagger clusters' (see src/PaperGraph.Nlp/Models/README.md).");
        return Load(stream, ShippedName);
    }

    /// <summary>The shipped table, or null when this build embeds none.</summary>
    internal static WordClusters? LoadShippedIfPresent()
    {
        using var stream = typeof(WordClusters).Assembly.GetManifestResourceStream("PaperGraph.Nlp.Models." + ShippedName);
        return stream is null ? null : Load(stream, ShippedName);
    }

    private static int[] ParseLevels(string line, string name, int lineNumber)
    {
        var fields = line.Split('\t');
        var levels = new int[fields.Length - 1];
        for (var l = 0; l < levels.Length; l++)
        {
            if (!int.TryParse(fields[l + 1], NumberStyles.None, CultureInfo.InvariantCulture, out levels[l]) || levels[l] is < 2 or > MaxClasses
                || (l > 0 && levels[l] < levels[l - 1]))
            {
                throw Invalid(name, lineNumber, $"levels must be class counts from 2 to {MaxClasses}, coarse to fine");
            }
        }

        if (levels.Length is 0 or > MaxLevels || levels.Sum(BitsFor) > 31)
        {
            throw Invalid(name, lineNumber, $"expected 1 to {MaxLevels} levels");
        }

        return levels;
    }

    private const int MaxWordLength = 256;
    private const ulong OffsetBasis = 14695981039346656037UL;

    private static (int[] Levels, int[] Shifts, int Bits) Layout(IReadOnlyList<int> levels)
    {
        ArgumentOutOfRangeException.ThrowIfZero(levels.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(levels.Count, MaxLevels);
        var copy = levels.ToArray();
        var shifts = new int[copy.Length];
        var bits = 0;
        for (var l = copy.Length - 1; l >= 0; l--)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(copy[l], 2);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(copy[l], MaxClasses);
            shifts[l] = bits;
            bits += BitsFor(copy[l]);
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 31);
        return (copy, shifts, bits);
    }

    private static string LevelsLine(int[] levels) => "# levels\t" + string.Join('\t', levels.Select(l => l.ToString(CultureInfo.InvariantCulture))) + "\n";

    private static string Line(string word, int[] classes) =>
        word + "\t" + string.Join('\t', classes.Select(c => c.ToString(CultureInfo.InvariantCulture))) + "\n";

    private static ulong Fnv(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    private static bool TryParseClass(ReadOnlySpan<byte> field, out int value)
    {
        value = 0;
        if (field.IsEmpty || field.Length > 4)
        {
            return false;
        }

        foreach (var b in field)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = value * 10 + (b - '0');
        }

        return true;
    }

    private static int BitsFor(int classes)
    {
        var bits = 1;
        while (1 << bits < classes)
        {
            bits++;
        }

        return bits;
    }

    private static PaperGraphException Invalid(string name, int line, string why, Exception? inner = null) =>
        new(ErrorCodes.InvalidWordClusters, $"cannot read word cluster table '{name}', line {line}: {why}.", inner);
}

using System.Globalization;
using System.Text;
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
    private readonly Dictionary<string, int[]> _words;

    /// <summary>Creates a table; <paramref name="words"/> maps each lower-cased word to its class at each level.</summary>
    public WordClusters(IReadOnlyList<int> levels, IReadOnlyDictionary<string, int[]> words)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfZero(levels.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(levels.Count, MaxLevels);
        _levels = [.. levels];
        _shifts = new int[_levels.Length];
        var bits = 0;
        for (var l = _levels.Length - 1; l >= 0; l--)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(_levels[l], 2);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(_levels[l], MaxClasses);
            _shifts[l] = bits;
            bits += BitsFor(_levels[l]);
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 31);
        _words = new Dictionary<string, int[]>(words.Count, StringComparer.Ordinal);
        var entries = new Dictionary<uint, uint>(words.Count);
        ulong checksum = 14695981039346656037UL;
        foreach (var (word, classes) in words.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            ArgumentOutOfRangeException.ThrowIfNotEqual(classes.Length, _levels.Length);
            uint packed = 1u << bits;
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
            foreach (var c in word)
            {
                checksum = (checksum ^ c) * 1099511628211UL;
            }

            foreach (var c in classes)
            {
                checksum = (checksum ^ (uint)(c + 0x10000)) * 1099511628211UL;
            }
        }

        foreach (var level in _levels)
        {
            checksum = (checksum ^ (uint)(level + 0x20000)) * 1099511628211UL;
        }

        Checksum = checksum == 0 ? 1 : checksum;
        _map = new UIntMap(entries);
    }

    /// <summary>Classes at each level, coarse to fine.</summary>
    public IReadOnlyList<int> Levels => _levels;

    /// <summary>Number of words in the table.</summary>
    public int Count => _words.Count;

    /// <summary>A 64-bit checksum of the table's content (never 0), stored in the models trained with it.</summary>
    public ulong Checksum { get; }

    /// <summary>The word's class at each level (coarse to fine), or null when the table does not know the word.</summary>
    public int[]? Find(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var key = LowerForm(word);
        return _words.TryGetValue(key, out var classes) ? [.. classes] : null;
    }

    /// <summary>The packed classes of a word given the hash of its lower-cased form; 0 when unknown.</summary>
    /// <remarks>Bit 31 down: a marker bit, then the class at each level, coarse first; <see cref="Shift"/> cuts it.</remarks>
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

    /// <summary>The shift that keeps the classes down to level <paramref name="level"/> (0 = coarsest) of a packed value.</summary>
    internal int Shift(int level) => _shifts[Math.Min(level, _shifts.Length - 1)];

    /// <summary>The tagger's lower-cased form of a word: letters lower-cased, digits 0, typographic dashes and quotes as ASCII.</summary>
    public static string LowerForm(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        return new string(buffer[..TaggerFeatures.LowerForm(word, buffer)]);
    }

    /// <summary>Reads a table file.</summary>
    /// <exception cref="PaperGraphException">The file is missing, or is not a table in this format (PG3010).</exception>
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
    public static WordClusters Load(Stream stream, string name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var lineNumber = 0;
        try
        {
            var first = reader.ReadLine();
            lineNumber = 1;
            if (first != Header)
            {
                throw Invalid(name, 1, $"expected the header '{Header}'");
            }

            int[]? levels = null;
            var words = new Dictionary<string, int[]>(StringComparer.Ordinal);
            while (reader.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.StartsWith('#'))
                {
                    if (line.StartsWith("# levels\t", StringComparison.Ordinal))
                    {
                        levels = ParseLevels(line, name, lineNumber);
                    }

                    continue;
                }

                if (levels is null)
                {
                    throw Invalid(name, lineNumber, "a word comes before the '# levels' line");
                }

                var fields = line.Split('\t');
                if (fields.Length != levels.Length + 1 || fields[0].Length == 0)
                {
                    throw Invalid(name, lineNumber, $"expected a word and {levels.Length} classes separated by tabs");
                }

                if (LowerForm(fields[0]) != fields[0])
                {
                    throw Invalid(name, lineNumber, $"'{fields[0]}' is not in lower-cased form");
                }

                var classes = new int[levels.Length];
                for (var l = 0; l < levels.Length; l++)
                {
                    if (!int.TryParse(fields[l + 1], NumberStyles.None, CultureInfo.InvariantCulture, out classes[l]) || classes[l] >= levels[l])
                    {
                        throw Invalid(name, lineNumber, $"class '{fields[l + 1]}' is not a number below {levels[l]}");
                    }
                }

                if (!words.TryAdd(fields[0], classes))
                {
                    throw Invalid(name, lineNumber, $"'{fields[0]}' is listed twice");
                }
            }

            if (levels is null || words.Count == 0)
            {
                throw Invalid(name, lineNumber, "it has no '# levels' line or no words");
            }

            return new WordClusters(levels, words);
        }
        catch (DecoderFallbackException e)
        {
            throw Invalid(name, lineNumber + 1, "it is not UTF-8 text", e);
        }
    }

    /// <summary>Writes the table in the format above, words in ordinal order, after the given comment lines.</summary>
    public void Save(string path, IEnumerable<string> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            writer.WriteLine(Header);
            foreach (var comment in comments)
            {
                writer.WriteLine("# " + comment.ReplaceLineEndings(" "));
            }

            writer.WriteLine("# levels\t" + string.Join('\t', _levels.Select(l => l.ToString(CultureInfo.InvariantCulture))));
            foreach (var (word, classes) in _words.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.Write(word);
                foreach (var c in classes)
                {
                    writer.Write('\t');
                    writer.Write(c.ToString(CultureInfo.InvariantCulture));
                }

                writer.WriteLine();
            }
        }

        File.Move(temporary, path, overwrite: true);
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

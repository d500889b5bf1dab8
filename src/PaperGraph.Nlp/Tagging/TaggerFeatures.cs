using System.Runtime.CompilerServices;
using PaperGraph.Nlp.Tokenization;

namespace PaperGraph.Nlp.Tagging;

/// <summary>The hashes of one word that the tagger's features are made from, computed once per token.</summary>
internal struct WordHashes
{
    public uint Cased;
    public uint Lower;
    public uint Shape;
    public uint Suffix1;
    public uint Suffix2;
    public uint Suffix3;
    public uint Suffix4;
    public uint Prefix1;
    public uint Prefix2;
    public uint Prefix3;
    public uint Flags;

    /// <summary>The lower-cased part after the last hyphen (<c>tuning</c> in <c>fine-tuning</c>), or the whole word.</summary>
    public uint LastPart;

    public uint Suffix5;

    /// <summary>The set of tags the word had in training (a bit per tag; 0 when unknown), filled in from the model's lexicon.</summary>
    public uint Ambiguity;

    /// <summary>The set of tags the word had in training with this exact spelling (case matters: <c>Apple</c> / <c>apple</c>).</summary>
    public uint CasedAmbiguity;

    /// <summary>The word's class at the coarsest level of the model's word clusters (0 when unknown or without clusters).</summary>
    public uint Cluster0;

    /// <summary>The word's classes down to the second level (a longer "prefix" of its path).</summary>
    public uint Cluster1;

    /// <summary>The word's classes down to the third level.</summary>
    public uint Cluster2;

    /// <summary>The word's classes down to the finest level (its whole path).</summary>
    public uint Cluster3;
}

/// <summary>
/// The tagger's feature function, shared by training and tagging so the two can never disagree.
/// </summary>
/// <remarks>
/// <para>
/// Features follow Collins (2002) and the greedy averaged-perceptron taggers after it: the word, its lower-cased
/// form, prefixes and suffixes, a collapsed shape (<c>Xxx-dd</c>), the two words on each side, the two previous
/// predicted tags and some conjunctions. Each is a 32-bit hash of a template number and its parts; no string is built.
/// In the lower-cased form digits become <c>0</c>, so <c>GPT-3</c> and <c>GPT-4</c> share features.
/// </para>
/// <para>
/// <see cref="Version"/> is stored in the model file: change it whenever a feature changes, so that an old model is
/// refused instead of silently scoring the wrong features.
/// </para>
/// </remarks>
internal static class TaggerFeatures
{
    /// <summary>Version of the feature function; a model is only valid with the version it was trained with.</summary>
    public const int Version = 2;

    /// <summary>Number of features per token in the first pass (every template fires exactly once).</summary>
    public const int Count = 46 + ClusterCount;

    /// <summary>Number of features per token in the second pass, which also sees the first pass's tags on the right.</summary>
    public const int SecondPassCount = Count + 7;

    /// <summary>Number of word-cluster features (version 2); they are constant, a mere bias, for a model without clusters.</summary>
    private const int ClusterCount = 11;

    private const uint FlagInitialCapital = 1;
    private const uint FlagAllCapitals = 2;
    private const uint FlagDigit = 4;
    private const uint FlagHyphen = 8;
    private const uint FlagSentenceStart = 16;

    private static readonly WordHashes Before1 = Boundary(0xB1);
    private static readonly WordHashes Before2 = Boundary(0xB2);
    private static readonly WordHashes After1 = Boundary(0xA1);
    private static readonly WordHashes After2 = Boundary(0xA2);

    /// <summary>Computes the hashes of <paramref name="word"/>.</summary>
    public static void Hash(ReadOnlySpan<char> word, bool sentenceStart, out WordHashes hashes)
    {
        hashes = default;
        ulong cased = 14695981039346656037UL;
        ulong lower = 14695981039346656037UL;
        ulong shape = 14695981039346656037UL;
        char lastShape = '\0';
        var run = 0;
        var upper = 0;
        var letters = 0;
        uint flags = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = Characters.Fold(word[i]);
            cased = (cased ^ c) * 1099511628211UL;
            char l;
            char s;
            if (char.IsAsciiLetterLower(c))
            {
                l = c;
                s = 'x';
                letters++;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                l = (char)(c | 0x20);
                s = 'X';
                letters++;
                upper++;
            }
            else if (char.IsAsciiDigit(c))
            {
                l = '0';
                s = 'd';
                flags |= FlagDigit;
            }
            else if (c < 128)
            {
                l = c;
                s = c;
                if (c == '-')
                {
                    flags |= FlagHyphen;
                }
            }
            else if (char.IsUpper(c))
            {
                l = char.ToLowerInvariant(c);
                s = 'X';
                letters++;
                upper++;
            }
            else
            {
                l = c;
                s = char.IsLetter(c) ? 'x' : c;
                letters += char.IsLetter(c) ? 1 : 0;
            }

            lower = (lower ^ l) * 1099511628211UL;
            if (i == 0)
            {
                hashes.Prefix1 = Fold(lower);
            }
            else if (i == 1)
            {
                hashes.Prefix2 = Fold(lower);
            }
            else if (i == 2)
            {
                hashes.Prefix3 = Fold(lower);
            }

            // Runs of one class are cut at two characters: "Xxx" for every capitalised word, "dd.dd" for decimals.
            run = s == lastShape ? run + 1 : 1;
            lastShape = s;
            if (run <= 2)
            {
                shape = (shape ^ s) * 1099511628211UL;
            }
        }

        if (word.Length < 2)
        {
            hashes.Prefix2 = hashes.Prefix1;
        }

        if (word.Length < 3)
        {
            hashes.Prefix3 = hashes.Prefix2;
        }

        hashes.Cased = Fold(cased);
        hashes.Lower = Fold(lower);
        hashes.Shape = Fold(shape);
        hashes.Suffix1 = Suffix(word, 1);
        hashes.Suffix2 = Suffix(word, 2);
        hashes.Suffix3 = Suffix(word, 3);
        hashes.Suffix4 = Suffix(word, 4);
        hashes.Suffix5 = Suffix(word, 5);
        hashes.LastPart = hashes.Lower;
        if ((flags & FlagHyphen) != 0)
        {
            var hyphen = word.LastIndexOfAny('-', '\u2010', '\u2013');
            if (hyphen >= 0 && hyphen < word.Length - 1)
            {
                hashes.LastPart = Suffix(word, word.Length - hyphen - 1) ^ 0x5A5A5A5Au;
            }
        }

        if (letters > 0 && upper == letters && letters > 1)
        {
            flags |= FlagAllCapitals;
        }
        else if (word.Length > 0 && char.IsUpper(word[0]))
        {
            flags |= FlagInitialCapital;
        }

        if (sentenceStart)
        {
            flags |= FlagSentenceStart;
        }

        hashes.Flags = flags;
    }

    /// <summary>
    /// Writes the lower-cased form whose hash is <see cref="WordHashes.Lower"/> (letters lower-cased, digits <c>0</c>,
    /// typographic dashes and quotes folded) into <paramref name="destination"/>, and returns its length.
    /// </summary>
    public static int LowerForm(ReadOnlySpan<char> word, Span<char> destination)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = Characters.Fold(word[i]);
            destination[i] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20)
                : char.IsAsciiDigit(c) ? '0'
                : c < 128 ? c
                : char.IsUpper(c) ? char.ToLowerInvariant(c)
                : c;
        }

        return word.Length;
    }

    /// <summary>Writes the feature hashes of position <paramref name="i"/> into <paramref name="features"/> (length <see cref="Count"/>).</summary>
    /// <param name="words">Hashes of every word in the sentence.</param>
    /// <param name="previous">Predicted tag of position i-1, or -1 at the start.</param>
    /// <param name="previous2">Predicted tag of position i-2, or -1.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Extract(ReadOnlySpan<WordHashes> words, int i, int previous, int previous2, Span<uint> features)
    {
        ref readonly var w = ref words[i];
        ref readonly var p1 = ref i > 0 ? ref words[i - 1] : ref Before1;
        ref readonly var p2 = ref i > 1 ? ref words[i - 2] : ref i > 0 ? ref Before1 : ref Before2;
        ref readonly var n1 = ref i + 1 < words.Length ? ref words[i + 1] : ref After1;
        ref readonly var n2 = ref i + 2 < words.Length ? ref words[i + 2] : ref i + 1 < words.Length ? ref After1 : ref After2;
        var t1 = (uint)(previous + 2);
        var t2 = (uint)(previous2 + 2);

        features[0] = Mix(0, 0);
        features[1] = Mix(1, w.Cased);
        features[2] = Mix(2, w.Lower);
        features[3] = Mix(3, w.Suffix1);
        features[4] = Mix(4, w.Suffix2);
        features[5] = Mix(5, w.Suffix3);
        features[6] = Mix(6, w.Suffix4);
        features[7] = Mix(7, w.Prefix1);
        features[8] = Mix(8, w.Prefix2);
        features[9] = Mix(9, w.Prefix3);
        features[10] = Mix(10, w.Shape);
        features[11] = Mix(11, w.Flags);
        features[12] = Mix(12, t1);
        features[13] = Mix(13, t2);
        features[14] = Mix(14, t1 << 8 | t2);
        features[15] = Mix(15, w.Lower, t1);
        features[16] = Mix(16, p1.Lower);
        features[17] = Mix(17, p1.Suffix3);
        features[18] = Mix(18, p2.Lower);
        features[19] = Mix(19, n1.Lower);
        features[20] = Mix(20, n1.Suffix3);
        features[21] = Mix(21, n2.Lower);
        features[22] = Mix(22, p1.Lower, w.Lower);
        features[23] = Mix(23, w.Lower, n1.Lower);
        features[24] = Mix(24, p1.Shape);
        features[25] = Mix(25, n1.Shape);
        features[26] = Mix(26, n1.Lower, t1);
        features[27] = Mix(27, w.Suffix3, t1);
        features[28] = Mix(28, w.Shape, n1.Shape);
        features[29] = Mix(29, n2.Suffix3);
        features[30] = Mix(30, w.Ambiguity);
        features[31] = Mix(31, n1.Ambiguity);
        features[32] = Mix(32, n2.Ambiguity);
        features[33] = Mix(33, p1.Ambiguity);
        features[34] = Mix(34, w.Ambiguity, t1);
        features[35] = Mix(35, w.Ambiguity, n1.Ambiguity);
        features[36] = Mix(36, n1.Ambiguity, t1);
        features[37] = Mix(37, p1.Flags << 8 | w.Flags);
        features[38] = Mix(38, n1.Flags << 8 | w.Flags);
        features[39] = Mix(39, t1 << 8 | w.Flags);
        features[40] = Mix(40, w.LastPart);
        features[41] = Mix(41, w.Suffix5);
        features[42] = Mix(42, w.CasedAmbiguity);
        features[43] = Mix(43, n1.CasedAmbiguity);
        features[44] = Mix(44, p1.CasedAmbiguity);
        features[45] = Mix(45, w.CasedAmbiguity, t1);

        // Word clusters learned from unlabelled text (Koo et al. 2008, Owoputi et al. 2013): the path at several lengths.
        features[46] = Mix(60, w.Cluster0);
        features[47] = Mix(61, w.Cluster1);
        features[48] = Mix(62, w.Cluster2);
        features[49] = Mix(63, w.Cluster3);
        features[50] = Mix(64, p1.Cluster3);
        features[51] = Mix(65, n1.Cluster3);
        features[52] = Mix(66, p1.Cluster1);
        features[53] = Mix(67, n1.Cluster1);
        features[54] = Mix(68, p2.Cluster1);
        features[55] = Mix(69, n2.Cluster1);
        features[56] = Mix(70, w.Cluster3, t1);
    }

    /// <summary>
    /// The second pass's features: the first pass's, plus the tags the first pass gave to this word and the two
    /// after it (<paramref name="first"/>), so that the decision also sees the right context's tags.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ExtractSecondPass(ReadOnlySpan<WordHashes> words, int i, int previous, int previous2, ReadOnlySpan<byte> first, Span<uint> features)
    {
        Extract(words, i, previous, previous2, features);
        ref readonly var w = ref words[i];
        var t1 = (uint)(previous + 2);
        var f0 = (uint)first[i] + 2;
        var f1 = i + 1 < first.Length ? (uint)first[i + 1] + 2 : 1;
        var f2 = i + 2 < first.Length ? (uint)first[i + 2] + 2 : 1;
        features[Count] = Mix(46, f1);
        features[Count + 1] = Mix(47, f2);
        features[Count + 2] = Mix(48, f1 << 8 | f2);
        features[Count + 3] = Mix(49, t1 << 8 | f1);
        features[Count + 4] = Mix(50, w.Lower, f1);
        features[Count + 5] = Mix(51, f0);
        features[Count + 6] = Mix(52, w.Suffix3, f1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint template, uint a)
    {
        var x = (template + 1) * 0x9E3779B97F4A7C15UL ^ a;
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        return (uint)(x >> 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint template, uint a, uint b) => Mix(template, Mix(a, b));

    /// <summary>The lexicon key of a cased-word hash, kept apart from the lower-cased keys it shares the lexicon with.</summary>
    public static uint CasedKey(uint cased) => cased ^ 0x9E3779B9u;

    private static uint Fold(ulong h) => (uint)(h ^ h >> 32);

    private static uint Suffix(ReadOnlySpan<char> word, int length)
    {
        var start = Math.Max(0, word.Length - length);
        ulong h = 14695981039346656037UL + (ulong)length;
        for (var i = start; i < word.Length; i++)
        {
            var c = Characters.Fold(word[i]);
            c = char.IsAsciiDigit(c) ? '0' : c < 128 ? (char)(char.IsAsciiLetterUpper(c) ? c | 0x20 : c) : char.ToLowerInvariant(c);
            h = (h ^ c) * 1099511628211UL;
        }

        return Fold(h);
    }

    private static WordHashes Boundary(uint marker) => new()
    {
        Cased = marker, Lower = marker, Shape = marker, Suffix1 = marker, Suffix2 = marker, Suffix3 = marker,
        Suffix4 = marker, Prefix1 = marker, Prefix2 = marker, Prefix3 = marker, Flags = marker, Ambiguity = 0x8000_0000 | marker, LastPart = marker, Suffix5 = marker, CasedAmbiguity = 0x8000_0000 | marker,
        Cluster0 = 0x4000_0000 | marker, Cluster1 = 0x4000_0000 | marker, Cluster2 = 0x4000_0000 | marker, Cluster3 = 0x4000_0000 | marker,
    };
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using PaperGraph.Nlp.Sentences;
using PaperGraph.Nlp.Tokenization;

namespace PaperGraph.Nlp.Tagging.Training;

/// <summary>Settings of <see cref="WordClusterer"/>; validated on construction.</summary>
/// <param name="Levels">Classes at each level, coarse to fine; the finest level clusters words, each coarser one groups the classes of the next.</param>
/// <param name="MinCount">Words seen fewer times are left out of the table (they share one "rare word" item while clustering).</param>
/// <param name="MaxWords">At most this many words, the most frequent, are clustered.</param>
/// <param name="Iterations">At most this many exchange passes per level.</param>
/// <param name="MinMovedShare">A level stops when a pass moves fewer than this share of its items.</param>
/// <param name="Seed">Seed of the initial classes; the same text and settings give the same table.</param>
public sealed record WordClusterSettings(
    IReadOnlyList<int> Levels, int MinCount = 5, int MaxWords = 100_000, int Iterations = 15, double MinMovedShare = 0.002, int Seed = 1)
{
    /// <summary>The default levels: 16, 64 and 256 classes.</summary>
    public static IReadOnlyList<int> DefaultLevels { get; } = [16, 64, 256];

    /// <summary>Checks the settings.</summary>
    public WordClusterSettings Validate()
    {
        ArgumentNullException.ThrowIfNull(Levels);
        if (Levels.Count is < 1 or > 4 || Levels.Any(l => l is < 2 or > 4096) || Levels.Zip(Levels.Skip(1)).Any(p => p.Second < p.First))
        {
            throw new ArgumentOutOfRangeException(nameof(Levels), "1 to 4 levels of 2 to 4096 classes, coarse to fine.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MinCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWords, Levels[^1]);
        ArgumentOutOfRangeException.ThrowIfLessThan(Iterations, 1);
        return this;
    }
}

/// <summary>What <see cref="WordClusterer.Cluster"/> did.</summary>
public sealed record WordClusteringSummary(long Tokens, int Sentences, int WordTypes, int WordsClustered, long DistinctPairs, TimeSpan Elapsed);

/// <summary>
/// Learns word classes from unlabelled text with the exchange algorithm (<see cref="ExchangeClustering"/>), for the
/// tagger's cluster features: first add texts, then <see cref="Cluster"/>.
/// </summary>
/// <remarks>
/// Texts are cut with PaperGraph's own tokenizer and sentence splitter, so words are counted as the tagger will meet
/// them, in the tagger's lower-cased form. LaTeX, addresses and e-mail addresses count as one word each
/// (<c>&lt;math&gt;</c>, <c>&lt;url&gt;</c>) and sentence boundaries as another, so that they still give context. Adjacent
/// pairs are counted by sorting, which needs about 12 bytes per token of memory while clustering.
/// </remarks>
public sealed class WordClusterer
{
    private const string Boundary = "<s>";
    private const string Rare = "<unk>";
    private const int ChunkSize = 1 << 20;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _words = [];
    private readonly List<long> _counts = [];
    private readonly List<int[]> _chunks = [];
    private readonly List<Token> _tokens = new(512);
    private readonly List<Sentence> _sentences = new(32);
    private readonly char[] _buffer = new char[256];
    private long _length;
    private int _sentenceCount;

    /// <summary>Creates an empty clusterer.</summary>
    public WordClusterer()
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Id(Boundary);
        Id(Rare);
    }

    /// <summary>Tokens added so far (sentence boundaries not included).</summary>
    public long Tokens => _length - _sentenceCount;

    /// <summary>Adds a text: it is tokenized and split into sentences.</summary>
    public void AddText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _tokens.Clear();
        _sentences.Clear();
        Tokenizer.Default.Tokenize(text, _tokens);
        var tokens = CollectionsMarshal.AsSpan(_tokens);
        SentenceSplitter.Default.Split(text, tokens, _sentences);
        foreach (var sentence in _sentences)
        {
            Append(0);
            for (var i = sentence.Start; i < sentence.End; i++)
            {
                Append(WordId(tokens[i].In(text), tokens[i].Kind));
            }

            _sentenceCount++;
        }
    }

    /// <summary>Adds a sentence given as words (a gold tokenisation, as in a CoNLL-U file).</summary>
    public void AddSentence(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        Append(0);
        foreach (var word in words)
        {
            Append(WordId(word, TokenKind.Word));
        }

        _sentenceCount++;
    }

    /// <summary>Clusters the words added so far into the settings' levels and returns the table.</summary>
    public (WordClusters Table, WordClusteringSummary Summary) Cluster(WordClusterSettings settings, Action<ExchangePass>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var stopwatch = Stopwatch.StartNew();
        Append(0);

        // Items: 0 the boundary, 1 every rare word, then the words kept, most frequent first (ties in ordinal order).
        var kept = Enumerable.Range(2, _words.Count - 2)
            .Where(id => _counts[id] >= settings.MinCount)
            .OrderByDescending(id => _counts[id]).ThenBy(id => _words[id], StringComparer.Ordinal)
            .Take(settings.MaxWords)
            .ToArray();
        var item = new int[_words.Count];
        Array.Fill(item, 1);
        item[0] = 0;
        for (var i = 0; i < kept.Length; i++)
        {
            item[kept[i]] = i + 2;
        }

        var count = kept.Length + 2;
        var graph = CountPairs(item, count, cancellationToken);
        var pairs = graph.Successors.Sum(s => (long)s.Length);

        var levels = settings.Levels;
        var random = new Random(settings.Seed);
        var finest = levels[^1];
        var classOf = new int[count];
        for (var w = 0; w < count; w++)
        {
            // The most frequent items start in classes of their own, the rest at random (Martin et al. 1998).
            classOf[w] = w < finest ? w : random.Next(finest);
        }

        var paths = new int[count][];
        for (var w = 0; w < count; w++)
        {
            paths[w] = new int[levels.Count];
        }

        classOf = ExchangeClustering.Run(graph, finest, classOf, settings.Iterations, settings.MinMovedShare, progress, cancellationToken);
        for (var w = 0; w < count; w++)
        {
            paths[w][^1] = classOf[w];
        }

        // Each coarser level groups the classes of the finer one, with the same objective on their pair counts.
        var itemsGraph = graph;
        var memberOf = classOf;
        var previousClasses = finest;
        for (var l = levels.Count - 2; l >= 0; l--)
        {
            itemsGraph = itemsGraph.Collapse(memberOf, previousClasses);
            var groups = new int[previousClasses];
            for (var c = 0; c < previousClasses; c++)
            {
                groups[c] = c < levels[l] ? c : random.Next(levels[l]);
            }

            groups = ExchangeClustering.Run(itemsGraph, levels[l], groups, settings.Iterations * 4, 0, progress, cancellationToken);
            for (var w = 0; w < count; w++)
            {
                paths[w][l] = groups[paths[w][l + 1]];
            }

            memberOf = groups;
            previousClasses = levels[l];
        }

        var words = new Dictionary<string, int[]>(kept.Length, StringComparer.Ordinal);
        for (var i = 0; i < kept.Length; i++)
        {
            // Placeholders (<math>, <url>) and what the table's format cannot hold (a leading '#', whitespace) are
            // clustered, as context for the others, but left out of the table.
            if (Storable(_words[kept[i]]))
            {
                words[_words[kept[i]]] = paths[i + 2];
            }
        }

        var table = new WordClusters(levels, words);
        return (table, new WordClusteringSummary(Tokens, _sentenceCount, _words.Count - 2, words.Count, pairs, stopwatch.Elapsed));
    }

    private static bool Storable(string word) =>
        word[0] != '#' && !(word[0] == '<' && word[^1] == '>' && word.Length > 2) && !word.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    private BigramGraph CountPairs(int[] item, int count, CancellationToken cancellationToken)
    {
        // Pairs as (first * count + second), sorted, then run-length counted: no hash table of tens of millions.
        var keys = new long[Math.Max(0, _length - 1)];
        var previous = -1;
        long k = 0;
        foreach (var id in Stream())
        {
            var current = item[id];
            if (previous >= 0)
            {
                keys[k++] = (long)previous * count + current;
            }

            previous = current;
        }

        cancellationToken.ThrowIfCancellationRequested();
        Array.Sort(keys);
        var successors = new List<(int, long)>[count];
        var predecessors = new List<(int, long)>[count];
        for (var i = 0; i < count; i++)
        {
            successors[i] = [];
            predecessors[i] = [];
        }

        for (long i = 0; i < keys.LongLength;)
        {
            var key = keys[i];
            long j = i;
            while (j < keys.LongLength && keys[j] == key)
            {
                j++;
            }

            var a = (int)(key / count);
            var b = (int)(key % count);
            successors[a].Add((b, j - i));
            predecessors[b].Add((a, j - i));
            i = j;
        }

        return new BigramGraph(count, [.. successors.Select(s => s.ToArray())], [.. predecessors.Select(p => p.ToArray())]);
    }

    private IEnumerable<int> Stream()
    {
        for (var c = 0; c < _chunks.Count; c++)
        {
            var chunk = _chunks[c];
            var length = c == _chunks.Count - 1 ? (int)(_length - (long)c * ChunkSize) : ChunkSize;
            for (var i = 0; i < length; i++)
            {
                yield return chunk[i];
            }
        }
    }

    private int WordId(ReadOnlySpan<char> token, TokenKind kind)
    {
        switch (kind)
        {
            case TokenKind.Math:
                return Id("<math>");
            case TokenKind.Url or TokenKind.Email:
                return Id("<url>");
        }

        if (token.Length > _buffer.Length)
        {
            return 1;
        }

        var length = TaggerFeatures.LowerForm(token, _buffer);
        return Id(_buffer.AsSpan(0, length));
    }

    private int Id(ReadOnlySpan<char> word)
    {
        if (!_lookup.TryGetValue(word, out var id))
        {
            id = _words.Count;
            var text = word.ToString();
            _ids[text] = id;
            _words.Add(text);
            _counts.Add(0);
        }

        _counts[id]++;
        return id;
    }

    private void Append(int id)
    {
        var offset = (int)(_length % ChunkSize);
        if (offset == 0 && _length / ChunkSize == _chunks.Count)
        {
            _chunks.Add(new int[ChunkSize]);
        }

        _chunks[(int)(_length / ChunkSize)][offset] = id;
        _length++;
    }
}

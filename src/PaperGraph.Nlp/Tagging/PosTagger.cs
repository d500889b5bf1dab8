using System.Buffers;
using System.Runtime.InteropServices;
using PaperGraph.Nlp.Tokenization;

namespace PaperGraph.Nlp.Tagging;

/// <summary>Assigns a Universal Dependencies part-of-speech tag to every token of a sentence.</summary>
/// <remarks>
/// A greedy left-to-right averaged perceptron (Collins 2002) over hashed features (<see cref="TaggerFeatures"/>).
/// Frequent words that always had one tag in training are tagged from a dictionary without scoring. Cost per
/// token: one pass over its characters, about thirty hashes and thirty row additions; nothing is allocated for
/// sentences up to <see cref="StackSentenceLength"/> tokens. Immutable and safe to share between threads.
/// </remarks>
public sealed class PosTagger
{
    /// <summary>Name of the shipped model, embedded in this assembly (trained on UD English EWT; see Models/README.md).</summary>
    public const string ShippedModelName = "en-ewt-upos.pgtagger";

    private const int StackSentenceLength = 128;

    private static readonly Lazy<PosTagger> Shipped = new(LoadShipped);

    private readonly TaggerModel _model;

    /// <summary>Creates a tagger that uses <paramref name="model"/>.</summary>
    public PosTagger(TaggerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>The tagger with the model shipped inside PaperGraph, loaded once on first use.</summary>
    public static PosTagger Default => Shipped.Value;

    /// <summary>The model in use.</summary>
    public TaggerModel Model => _model;

    /// <summary>Tags one sentence of <paramref name="text"/>: <paramref name="tokens"/> are its tokens, in order.</summary>
    /// <remarks>Addresses and LaTeX are tagged X and SYM, and numbers NUM, from their token kind.</remarks>
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<PosTag> tags)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tags.Length, tokens.Length, nameof(tags));
        WordHashes[]? rented = null;
        var words = tokens.Length <= StackSentenceLength
            ? stackalloc WordHashes[StackSentenceLength]
            : rented = ArrayPool<WordHashes>.Shared.Rent(tokens.Length);
        try
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                TaggerFeatures.Hash(tokens[i].In(text), i == 0, out words[i]);
                words[i].Ambiguity = Ambiguity(words[i].Lower);
                words[i].CasedAmbiguity = Ambiguity(TaggerFeatures.CasedKey(words[i].Cased));
                _model.Clusters?.Fill(ref words[i]);
            }

            Tag(words[..tokens.Length], tags);
            for (var i = 0; i < tokens.Length; i++)
            {
                switch (tokens[i].Kind)
                {
                    case TokenKind.Url or TokenKind.Email:
                        tags[i] = PosTag.Other;
                        break;
                    case TokenKind.Math:
                        tags[i] = PosTag.Symbol;
                        break;
                    case TokenKind.Number:
                        tags[i] = PosTag.Numeral;
                        break;
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<WordHashes>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Tags a sentence given as words (a gold tokenisation, as in a CoNLL-U file).</summary>
    public void Tag(IReadOnlyList<string> words, Span<PosTag> tags)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfLessThan(tags.Length, words.Count, nameof(tags));
        var hashes = ArrayPool<WordHashes>.Shared.Rent(Math.Max(1, words.Count));
        try
        {
            for (var i = 0; i < words.Count; i++)
            {
                TaggerFeatures.Hash(words[i], i == 0, out hashes[i]);
                hashes[i].Ambiguity = Ambiguity(hashes[i].Lower);
                hashes[i].CasedAmbiguity = Ambiguity(TaggerFeatures.CasedKey(hashes[i].Cased));
                _model.Clusters?.Fill(ref hashes[i]);
            }

            Tag(hashes.AsSpan(0, words.Count), tags);
        }
        finally
        {
            ArrayPool<WordHashes>.Shared.Return(hashes);
        }
    }

    internal void Tag(ReadOnlySpan<WordHashes> words, Span<PosTag> tags)
    {
        var output = MemoryMarshal.Cast<PosTag, byte>(tags)[..words.Length];
        if (_model.SecondPass is not { } second)
        {
            GreedyDecoder.Decode(words, _model.Weights, _model.HashBits, _model.DictionaryMap, [], output);
            return;
        }

        byte[]? rented = null;
        var first = words.Length <= StackSentenceLength
            ? stackalloc byte[StackSentenceLength]
            : rented = ArrayPool<byte>.Shared.Rent(words.Length);
        try
        {
            first = first[..words.Length];
            GreedyDecoder.Decode(words, _model.Weights, _model.HashBits, _model.DictionaryMap, [], first);
            GreedyDecoder.Decode(words, second, _model.HashBits, _model.DictionaryMap, first, output);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private uint Ambiguity(uint key) => _model.LexiconMap.TryGetValue(key, out var mask) ? mask : 0;

    private static PosTagger LoadShipped()
    {
        using var stream = typeof(PosTagger).Assembly.GetManifestResourceStream("PaperGraph.Nlp.Models." + ShippedModelName)
            ?? throw new InvalidOperationException($"The shipped tagger model {ShippedModelName} is not embedded in this build; run 'papergraph tagger train' (see README).");
        // The cluster table is parsed on another thread while the model's weights are decoded.
        var clusters = Task.Run(WordClusters.LoadShippedIfPresent);
        return new PosTagger(TaggerModel.Load(stream, ShippedModelName, () => clusters.GetAwaiter().GetResult(), shipped: true));
    }
}

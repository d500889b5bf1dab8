using System.Runtime.InteropServices;
using PaperGraph.Nlp.Sentences;
using PaperGraph.Nlp.Tagging;
using PaperGraph.Nlp.Tokenization;

namespace PaperGraph.Nlp;

/// <summary>The tokens, sentences and tags of one text; reused from text to text so that analysis does not allocate.</summary>
public sealed class AnalyzedText
{
    private readonly List<Token> _tokens = new(256);
    private readonly List<Sentence> _sentences = new(16);
    private PosTag[] _tags = new PosTag[256];

    /// <summary>The text analysed.</summary>
    public string Text { get; private set; } = "";

    /// <summary>Every token, in text order.</summary>
    public ReadOnlySpan<Token> Tokens => CollectionsMarshal.AsSpan(_tokens);

    /// <summary>The sentences, as ranges of <see cref="Tokens"/>.</summary>
    public ReadOnlySpan<Sentence> Sentences => CollectionsMarshal.AsSpan(_sentences);

    /// <summary>The tag of each token (same index as <see cref="Tokens"/>).</summary>
    public ReadOnlySpan<PosTag> Tags => _tags.AsSpan(0, _tokens.Count);

    /// <summary>The characters of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> TokenText(int index) => _tokens[index].In(Text);

    internal List<Token> TokenList => _tokens;

    internal List<Sentence> SentenceList => _sentences;

    internal void Reset(string text)
    {
        Text = text;
        _tokens.Clear();
        _sentences.Clear();
    }

    internal Span<PosTag> TagBuffer()
    {
        if (_tags.Length < _tokens.Count)
        {
            _tags = new PosTag[Math.Max(_tokens.Count, _tags.Length * 2)];
        }

        return _tags.AsSpan(0, _tokens.Count);
    }
}

/// <summary>Tokenizes, splits into sentences and tags a text: the NLP core as one call.</summary>
/// <remarks>Thread-safe; give each thread its own <see cref="AnalyzedText"/>.</remarks>
public sealed class TextAnalyzer(Tokenizer tokenizer, SentenceSplitter splitter, PosTagger tagger)
{
    private static readonly Lazy<TextAnalyzer> Shipped = new(() => new TextAnalyzer(Tokenizer.Default, SentenceSplitter.Default, PosTagger.Default));

    /// <summary>The analyzer with the shipped tagger model.</summary>
    public static TextAnalyzer Default => Shipped.Value;

    /// <summary>Analyses <paramref name="text"/> into <paramref name="result"/>, replacing what it held.</summary>
    public void Analyze(string text, AnalyzedText result)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(result);
        result.Reset(text);
        tokenizer.Tokenize(text, result.TokenList);
        var tokens = result.Tokens;
        splitter.Split(text, tokens, result.SentenceList);
        var tags = result.TagBuffer();
        foreach (var sentence in result.Sentences)
        {
            tagger.Tag(text, tokens.Slice(sentence.Start, sentence.Length), tags.Slice(sentence.Start, sentence.Length));
        }
    }

    /// <summary>Analyses <paramref name="text"/> into a new result.</summary>
    public AnalyzedText Analyze(string text)
    {
        var result = new AnalyzedText();
        Analyze(text, result);
        return result;
    }
}

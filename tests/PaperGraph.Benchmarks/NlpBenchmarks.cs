using BenchmarkDotNet.Attributes;
using PaperGraph.Nlp;
using PaperGraph.Concepts;
using PaperGraph.Nlp.Sentences;
using PaperGraph.Nlp.Tagging;
using PaperGraph.Nlp.Tokenization;

namespace PaperGraph.Benchmarks;

/// <summary>
/// The NLP core on the first 10,000 abstracts of the 200k corpus, one thread. Each benchmark processes every abstract
/// once; the Tokens/s column divides the corpus's token count by the mean time.
/// </summary>
[MemoryDiagnoser]
public class NlpBenchmarks
{
    private readonly List<Token> _tokens = new(1024);
    private readonly List<Sentence> _sentences = new(64);
    private readonly AnalyzedText _analysis = new();
    private string[] _texts = [];
    private (string Text, Token[] Tokens, Sentence[] Sentences)[] _prepared = [];
    private PosTag[] _tags = [];

    [GlobalSetup]
    public void Setup()
    {
        _texts = Corpus.FirstAbstracts;
        _prepared = _texts.Select(t =>
        {
            var tokens = Tokenizer.Default.Tokenize(t);
            return (t, tokens, SentenceSplitter.Default.Split(t, tokens));
        }).ToArray();
        _tags = new PosTag[_prepared.Max(p => p.Tokens.Length)];
        _ = PosTagger.Default;
    }

    /// <summary>Tokenizer only.</summary>
    [Benchmark]
    public int Tokenize()
    {
        var count = 0;
        foreach (var text in _texts)
        {
            _tokens.Clear();
            Tokenizer.Default.Tokenize(text, _tokens);
            count += _tokens.Count;
        }

        return count;
    }

    /// <summary>Tagger only, on text already tokenized and split.</summary>
    [Benchmark]
    public int Tag()
    {
        var tagger = PosTagger.Default;
        var nouns = 0;
        foreach (var (text, tokens, sentences) in _prepared)
        {
            foreach (var sentence in sentences)
            {
                var span = _tags.AsSpan(sentence.Start, sentence.Length);
                tagger.Tag(text, tokens.AsSpan(sentence.Start, sentence.Length), span);
                nouns += span[0] == PosTag.Noun ? 1 : 0;
            }
        }

        return nouns;
    }

    /// <summary>Tokenize, split and tag: <see cref="TextAnalyzer.Analyze(string, AnalyzedText)"/> with a reused result.</summary>
    [Benchmark]
    public int Pipeline()
    {
        var count = 0;
        foreach (var text in _texts)
        {
            TextAnalyzer.Default.Analyze(text, _analysis);
            count += _analysis.Sentences.Length;
        }

        return count;
    }

    /// <summary>Concept extraction per paper: the pipeline plus chunking, abbreviations and concept keys.</summary>
    [Benchmark]
    public int ExtractTerms()
    {
        var count = 0;
        var extractor = ConceptExtractor.Default;
        foreach (var text in _texts)
        {
            count += extractor.Extract("id", null, text, _analysis).Mentions.Count;
        }

        return count;
    }

    /// <summary>Tokens in the benchmark input (computed in the host process for the Tokens/s column).</summary>
    public static long TokenCount()
    {
        long count = 0;
        var tokens = new List<Token>();
        foreach (var text in Corpus.FirstAbstracts)
        {
            tokens.Clear();
            Tokenizer.Default.Tokenize(text, tokens);
            count += tokens.Count;
        }

        return count;
    }
}

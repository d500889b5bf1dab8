using System.Text;
using PaperGraph.Nlp.Abbreviations;
using PaperGraph.Nlp.Chunking;
using PaperGraph.Nlp.Tagging;
using PaperGraph.Nlp.Tokenization;
using PaperGraph.Nlp.Morphology;
using PaperGraph.Nlp;

namespace PaperGraph.Concepts;

/// <summary>How a term was found.</summary>
public enum MentionKind : byte
{
    /// <summary>A noun phrase.</summary>
    Term,

    /// <summary>An <c>X of Y</c> phrase; kept only if the corpus shows it as a fixed phrase.</summary>
    OfPhrase,

    /// <summary>The short form of an abbreviation defined in this document.</summary>
    ShortForm,

    /// <summary>The long form of an abbreviation defined in this document.</summary>
    LongForm,

    /// <summary>A shorter term ending a longer one (<c>ship control</c> in <c>safe ship control</c>); kept only if the corpus also uses it on its own.</summary>
    Nested,
}

/// <summary>One occurrence of a term in a document.</summary>
/// <param name="Key">Concept key of the surface form (<see cref="ConceptKeys"/>), before corpus-level merging.</param>
/// <param name="Surface">The text as written.</param>
/// <param name="Token">Index of the first token in the document.</param>
/// <param name="Sentence">Index of the sentence.</param>
/// <param name="InTitle">Whether it is in the title.</param>
/// <param name="PartA">For an <see cref="MentionKind.OfPhrase"/>: index of the mention of X (else -1).</param>
/// <param name="PartB">For an <see cref="MentionKind.OfPhrase"/>: index of the mention of Y (else -1).</param>
/// <param name="BeforeOf">For a <see cref="MentionKind.Term"/>: whether <c>of</c> follows it (<c>the existence of</c>).</param>
public sealed record TermMention(string Key, string Surface, MentionKind Kind, int Token, int Sentence, bool InTitle, int PartA = -1, int PartB = -1, bool BeforeOf = false);

/// <summary>An abbreviation defined in a document: <c>Reinforcement Learning from Human Feedback (RLHF)</c>.</summary>
/// <param name="ShortForm">The short form, singular, case kept (<c>LLM</c> for <c>LLMs</c>).</param>
/// <param name="LongKey">Concept key of the long form.</param>
/// <param name="LongSurface">The long form as written.</param>
public sealed record AcronymDefinition(string ShortForm, string LongKey, string LongSurface);

/// <summary>The terms of one document, before corpus-level merging and scoring.</summary>
public sealed class DocumentTerms(string id, int tokens, int sentences)
{
    /// <summary>The document's id.</summary>
    public string Id { get; } = id;

    /// <summary>Number of tokens in title and abstract.</summary>
    public int Tokens { get; } = tokens;

    /// <summary>Number of sentences.</summary>
    public int Sentences { get; } = sentences;

    /// <summary>Every term occurrence, in text order per kind.</summary>
    public List<TermMention> Mentions { get; } = [];

    /// <summary>Abbreviations defined in the document.</summary>
    public List<AcronymDefinition> Definitions { get; } = [];
}

/// <summary>Finds the terms of a paper: noun phrases, <c>X of Y</c> phrases and abbreviations with their long forms.</summary>
/// <remarks>
/// Composes the NLP stages explicitly: <see cref="TextAnalyzer"/> (tokens, sentences, tags), then per sentence
/// <see cref="NounPhraseChunker"/> and <see cref="AbbreviationDetector"/>. The title and abstract are read as one text,
/// <c>title. abstract</c>. Thread-safe; give each thread its own <see cref="AnalyzedText"/>.
/// </remarks>
public sealed class ConceptExtractor(TextAnalyzer analyzer, NounPhraseChunker chunker, AbbreviationDetector detector)
{
    private static readonly Lazy<ConceptExtractor> Shipped = new(() => new ConceptExtractor(TextAnalyzer.Default, NounPhraseChunker.Default, AbbreviationDetector.Default));

    /// <summary>The extractor with the shipped tagger model.</summary>
    public static ConceptExtractor Default => Shipped.Value;

    /// <summary>
    /// Version of what <see cref="Default"/> extracts. Change it with any change that alters the terms found in a text
    /// (tokenizer, sentence splitter, tagger model, chunker, abbreviation detector, keys): a workspace whose terms come
    /// from another version then has every paper analysed again, instead of mixing old and new terms.
    /// </summary>
    /// <remarks>
    /// 2: the noun of a linking phrase (<c>on the other hand</c>) is no longer a term. 3: terms record whether <c>of</c>
    /// follows them. 4: singulars of names and of Greek and Latin plurals (<c>naive Bayes</c>, <c>Navier-Stokes</c>,
    /// <c>biases</c>, <c>hypotheses</c>); nouns of fixed idioms (<c>through the lens of</c>), sentence-opening
    /// participles (<c>Building on</c>), verbs after a plural subject (<c>findings reveal</c>), LaTeX commands, maths
    /// functions and Greek letter names are no longer terms. 5: capitals glued to an index or a rate unit (<c>SF$_6$</c>,
    /// <c>GS/s</c>) are a formula or a unit, not a term; a compound before a relative clause keeps its head (<c>the
    /// sales data that we collected</c>); a past-tense verb right after its subject pronoun does not start a term
    /// (<c>we performed molecular dynamics simulations</c>). 6: the tagger model uses word clusters learned from
    /// arXiv abstracts (<c>findings reveal</c> is now mostly tagged right), so many texts get other tags.
    /// </remarks>
    public const int Version = 6;

    /// <summary>Extracts the terms of one paper.</summary>
    /// <param name="scratch">Reused analysis buffers (one per thread).</param>
    public DocumentTerms Extract(string id, string? title, string text, AnalyzedText scratch)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scratch);
        title = title?.Trim();
        var full = string.IsNullOrEmpty(title) ? text : title[^1] is '.' or '?' or '!' ? title + " " + text : title + ". " + text;
        var titleEnd = string.IsNullOrEmpty(title) ? 0 : title.Length;
        analyzer.Analyze(full, scratch);

        var document = new DocumentTerms(id, scratch.Tokens.Length, scratch.Sentences.Length);
        var chunks = new List<Chunk>();
        var words = new List<string>();
        Span<int> wordStarts = stackalloc int[NounPhraseChunker.MaxLength];
        var sentences = scratch.Sentences;

        // Abbreviations first, over the whole text: a long form defined in the abstract is recognised in the title
        // too ("Reinforcement Learning from Human Feedback for Dialogue"), even where the chunker would split it.
        // Most sentences define none: they share one empty list, and only those with some get their own.
        var found = new List<Abbreviation>();
        var bySentence = new List<Abbreviation>[sentences.Length];
        var anyDefinition = false;
        for (var s = 0; s < sentences.Length; s++)
        {
            found.Clear();
            detector.Detect(scratch, sentences[s], found);
            bySentence[s] = found.Count == 0 ? NoAbbreviations : [.. found];
            anyDefinition |= found.Count > 0;
        }

        if (anyDefinition)
        {
            AddRepeatedLongForms(scratch, sentences, bySentence);
        }

        for (var s = 0; s < sentences.Length; s++)
        {
            chunks.Clear();
            chunker.Chunk(scratch, sentences[s], chunks);
            var abbreviations = bySentence[s];

            foreach (var abbreviation in abbreviations)
            {
                var longKey = Key(scratch, abbreviation.LongStart, abbreviation.LongEnd, words);
                var longSurface = Surface(scratch, abbreviation.LongStart, abbreviation.LongEnd);
                var inTitle = scratch.Tokens[abbreviation.LongStart].Start < titleEnd;
                document.Mentions.Add(new TermMention(longKey, longSurface, MentionKind.LongForm, abbreviation.LongStart, s, inTitle));
                if (abbreviation.ShortToken < 0)
                {
                    continue;
                }

                var shortForm = NounForms.SingularAcronym(scratch.TokenText(abbreviation.ShortToken).ToString());
                document.Definitions.Add(new AcronymDefinition(shortForm, longKey, longSurface));
                document.Mentions.Add(new TermMention(shortForm, scratch.TokenText(abbreviation.ShortToken).ToString(), MentionKind.ShortForm,
                    abbreviation.ShortToken, s, scratch.Tokens[abbreviation.ShortToken].Start < titleEnd));
            }

            var previous = -1;
            Chunk previousChunk = default;
            foreach (var chunk in chunks)
            {
                if (Covered(chunk, abbreviations))
                {
                    previous = -1;
                    continue;
                }

                var key = ChunkKey(scratch, chunk, wordStarts);
                var index = document.Mentions.Count;
                var inTitle = scratch.Tokens[chunk.Start].Start < titleEnd;
                var beforeOf = chunk.End < sentences[s].End && scratch.TokenText(chunk.End).Equals("of", StringComparison.OrdinalIgnoreCase);
                document.Mentions.Add(new TermMention(key, Surface(scratch, chunk.Start, chunk.End, key), MentionKind.Term, chunk.Start, s, inTitle, BeforeOf: beforeOf));

                // "theory of mind", "mixture of experts": X of Y with short X and Y.
                if (previous >= 0 && previousChunk.End + 1 == chunk.Start && previousChunk.Length <= 3 && chunk.Length <= 3
                    && scratch.TokenText(previousChunk.End).Equals("of", StringComparison.OrdinalIgnoreCase))
                {
                    var ofKey = document.Mentions[previous].Key + " of " + Key(scratch, chunk.Start, chunk.End, words, singularize: false);
                    document.Mentions.Add(new TermMention(ofKey, Surface(scratch, previousChunk.Start, chunk.End), MentionKind.OfPhrase,
                        previousChunk.Start, s, document.Mentions[previous].InTitle, previous, index));
                }

                // Shorter terms inside this one that keep its head: "decision support system" in "online decision support
                // system". Their keys are the ends of this one's, from where each token's words start in it.
                for (var i = chunk.Start + 1; i < chunk.End - 1; i++)
                {
                    var at = wordStarts[i - chunk.Start];
                    var nestedKey = at > 0 && at < key.Length ? key[at..] : Key(scratch, i, chunk.End, words);
                    document.Mentions.Add(new TermMention(nestedKey, Surface(scratch, i, chunk.End, nestedKey), MentionKind.Nested, i, s, inTitle));
                }

                previous = index;
                previousChunk = chunk;
            }
        }

        return document;
    }

    /// <summary>Adds, to the sentences they occur in, the other occurrences of each long form defined in the text (short token -1).</summary>
    private static void AddRepeatedLongForms(AnalyzedText analysis, ReadOnlySpan<Nlp.Sentences.Sentence> sentences, List<Abbreviation>[] bySentence)
    {
        var definitions = bySentence.SelectMany(a => a).Where(a => a.ShortToken >= 0).ToList();
        if (definitions.Count == 0)
        {
            return;
        }

        for (var s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            foreach (var definition in definitions)
            {
                for (var start = sentence.Start; start + definition.LongLength <= sentence.End; start++)
                {
                    if (Overlaps(bySentence[s], start, start + definition.LongLength) || !SameWords(analysis, definition.LongStart, start, definition.LongLength))
                    {
                        continue;
                    }

                    if (ReferenceEquals(bySentence[s], NoAbbreviations))
                    {
                        bySentence[s] = [];
                    }

                    bySentence[s].Add(new Abbreviation(-1, start, definition.LongLength));
                    start += definition.LongLength - 1;
                }
            }
        }
    }

    /// <summary>The abbreviations of a sentence without any; never added to.</summary>
    private static readonly List<Abbreviation> NoAbbreviations = [];

    private static bool Overlaps(List<Abbreviation> abbreviations, int start, int end)
    {
        foreach (var a in abbreviations)
        {
            if (start < a.LongEnd && end > a.LongStart || a.ShortToken >= start && a.ShortToken < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the tokens at <paramref name="a"/> and <paramref name="b"/> spell the same words, ignoring case, dash style and the number of the last word.</summary>
    private static bool SameWords(AnalyzedText analysis, int a, int b, int length)
    {
        for (var k = 0; k < length; k++)
        {
            var x = analysis.TokenText(a + k);
            var y = analysis.TokenText(b + k);
            if (TokenText.EqualsNormalized(x, y, ignoreCase: true))
            {
                continue;
            }

            // Only the last word may differ, and only in number ("model" / "models").
            if (k < length - 1 || char.ToLowerInvariant(x[0]) != char.ToLowerInvariant(y[0])
                || NounForms.Singular(x.ToString().ToLowerInvariant()) != NounForms.Singular(y.ToString().ToLowerInvariant()))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Covered(Chunk chunk, List<Abbreviation> abbreviations)
    {
        foreach (var a in abbreviations)
        {
            if (chunk.Start < a.LongEnd && chunk.End > a.LongStart || chunk.Start <= a.ShortToken && a.ShortToken < chunk.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The key of a chunk, built without a string per token, and where each token's words start in it
    /// (<paramref name="wordStarts"/>, 0 when not known: an <c>X of Y</c> key, or a token that adds no word).
    /// </summary>
    private static string ChunkKey(AnalyzedText analysis, Chunk chunk, Span<int> wordStarts)
    {
        var key = t_key ??= new StringBuilder(64);
        key.Clear();
        var lastPart = ConceptKeys.HeadShape.Word;
        for (var t = chunk.Start; t < chunk.End; t++)
        {
            var before = key.Length;
            var text = analysis.TokenText(t);
            if (analysis.Tags[t] is not PosTag.Punctuation || text.Length > 1)
            {
                ConceptKeys.AppendWord(key, text, ref lastPart);
            }

            wordStarts[t - chunk.Start] = key.Length == before ? 0 : before == 0 ? 0 : before + 1;
        }

        if (ConceptKeys.IndexOfOf(key) >= 0)
        {
            // The head is then the word before "of", which a shorter term may not contain: no shared ends.
            wordStarts.Clear();
        }

        return ConceptKeys.Finish(key, singularHead: true, lastPart);
    }

    [ThreadStatic]
    private static StringBuilder? t_key;

    private static string Key(AnalyzedText analysis, int start, int end, List<string> words, bool singularize = true)
    {
        words.Clear();
        for (var t = start; t < end; t++)
        {
            if (analysis.Tags[t] is not PosTag.Punctuation || analysis.TokenText(t).Length > 1)
            {
                words.Add(analysis.TokenText(t).ToString());
            }
        }

        return ConceptKeys.Key(words, singularize);
    }

    /// <summary>The text of tokens [start, end) with its whitespace made single spaces; <paramref name="key"/> itself when they are equal (no copy).</summary>
    private static string Surface(AnalyzedText analysis, int start, int end, string? key = null)
    {
        var tokens = analysis.Tokens;
        var span = analysis.Text.AsSpan(tokens[start].Start, tokens[end - 1].End - tokens[start].Start);
        if (key is not null && span.SequenceEqual(key))
        {
            return key;
        }

        return span.ContainsAny('\n', '\r', '\t') || span.Contains("  ", StringComparison.Ordinal)
            ? string.Join(' ', span.ToString().Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
            : span.ToString();
    }
}

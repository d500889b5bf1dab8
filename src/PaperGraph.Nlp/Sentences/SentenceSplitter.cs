using System.Collections.Frozen;
using PaperGraph.Nlp.Tokenization;

namespace PaperGraph.Nlp.Sentences;

/// <summary>A sentence: a range of token indices.</summary>
/// <param name="Start">Index of the first token.</param>
/// <param name="Length">Number of tokens (at least one).</param>
public readonly record struct Sentence(int Start, int Length)
{
    /// <summary>Index just past the last token.</summary>
    public int End => Start + Length;
}

/// <summary>Groups tokens into sentences.</summary>
/// <remarks>
/// <para>
/// Rules, in order: a blank line always ends a sentence. A sentence ends after <c>.</c>, <c>!</c> or <c>?</c>
/// (the tokenizer has already kept decimals, abbreviations and initials whole, so a lone full stop is a real one),
/// together with any closing brackets and quotes right after it; after an ellipsis only when a capitalised word
/// follows; after <c>etc.</c>, <c>et al.</c> or an acronym such as <c>U.S.</c> only when a capitalised word follows;
/// after a capital letter and a stop only when a sentence-starting function word follows (<c>X. The</c>, not
/// <c>J. Smith</c>); never after abbreviations that introduce something (<c>e.g.</c>, <c>Fig.</c>).
/// </para>
/// <para>Computes boundaries first, then writes them, like spaCy's sentencizer. Stateless and thread-safe.</para>
/// </remarks>
public sealed class SentenceSplitter
{
    /// <summary>The splitter; it has no settings.</summary>
    public static SentenceSplitter Default { get; } = new();

    /// <summary>Appends the sentences of <paramref name="tokens"/> (tokens of <paramref name="text"/>) to <paramref name="sentences"/>.</summary>
    public void Split(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, List<Sentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var start = 0;
        var i = 0;
        while (i < tokens.Length)
        {
            var end = BoundaryAfter(text, tokens, i);
            if (end > 0)
            {
                sentences.Add(new Sentence(start, end - start));
                start = end;
                i = end;
            }
            else
            {
                i++;
            }
        }

        if (start < tokens.Length)
        {
            sentences.Add(new Sentence(start, tokens.Length - start));
        }
    }

    /// <summary>Splits and returns the sentences.</summary>
    public Sentence[] Split(string text, ReadOnlySpan<Token> tokens)
    {
        var sentences = new List<Sentence>();
        Split(text, tokens, sentences);
        return [.. sentences];
    }

    /// <summary>If a sentence ends with token <paramref name="i"/> (plus closing marks), the index of the next sentence's first token; else 0.</summary>
    private static int BoundaryAfter(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int i)
    {
        var token = tokens[i];
        var next = i + 1;
        if (next >= tokens.Length)
        {
            return 0;
        }

        if (HasBlankLine(text[token.End..tokens[next].Start]))
        {
            return next;
        }

        var value = token.In(text);
        var ends = token.Kind switch
        {
            TokenKind.Punctuation when IsTerminal(value) => true,
            TokenKind.Punctuation when IsEllipsis(value) => StartsCapitalised(text, tokens[next]),
            TokenKind.Abbreviation when value.Length == 2 => IsSentenceStarter(tokens[next].In(text)),
            TokenKind.Abbreviation => KnownAbbreviations.MayEndSentence(value) && StartsCapitalised(text, tokens[next]),
            _ => false,
        };
        if (!ends)
        {
            return 0;
        }

        // Closing brackets and quotes after the full stop belong to the sentence that ends.
        while (next < tokens.Length && tokens[next].Kind == TokenKind.Punctuation && IsClosing(tokens[next].In(text))
            && !HasSpaceBefore(text, tokens[next]))
        {
            next++;
        }

        // "(see above.)," or "?," continue the sentence.
        if (next < tokens.Length && tokens[next].Length == 1 && text[tokens[next].Start] is ',' or ';' or ':')
        {
            return 0;
        }

        return next < tokens.Length ? next : 0;
    }

    /// <summary>
    /// Capitalised function words that start sentences far more often than they follow an initial: after "X." they
    /// mean the sentence ended ("we call it X. The ..."), while "J. Smith" goes on.
    /// </summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceStarters = new[]
    {
        "A", "An", "The", "This", "These", "That", "Those", "It", "Its", "We", "Our", "They", "Their", "He", "She", "I",
        "In", "On", "For", "To", "By", "With", "From", "At", "As", "Of", "If", "When", "While", "Although", "Since",
        "However", "Moreover", "Furthermore", "Finally", "Thus", "Therefore", "Hence", "Here", "There", "Then", "Also",
        "And", "But", "Or", "Yet", "So", "Such", "Each", "All", "Both", "Most", "Many", "Some", "No", "Not", "Unlike",
        "Experiments", "Results", "Code", "Overall", "Specifically", "Instead", "Using",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsSentenceStarter(ReadOnlySpan<char> word) => SentenceStarters.Contains(word);

    private static bool IsTerminal(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is not ('.' or '!' or '?' or '\uFF0E' or '\uFF01' or '\uFF1F'))
            {
                return false;
            }
        }

        return value.Length > 0 && !IsEllipsis(value);
    }

    private static bool IsEllipsis(ReadOnlySpan<char> value) => value is "…" || value.Length >= 3 && value.IndexOfAnyExcept('.') < 0;

    private static bool IsClosing(ReadOnlySpan<char> value) =>
        value is ")" or "]" or "}" or "\"" or "'" or "''" or "\u201D" or "\u2019" or "\u00BB";

    private static bool HasSpaceBefore(ReadOnlySpan<char> text, Token token) => token.Start > 0 && Characters.IsSpace(text[token.Start - 1]);

    private static bool StartsCapitalised(ReadOnlySpan<char> text, Token token)
    {
        var c = text[token.Start];
        return char.IsUpper(c) || char.IsDigit(c) && token.Kind != TokenKind.Number
            || token.Kind == TokenKind.Punctuation && c is '(' or '[' or '"' or '\u201C' or '\'' or '\u2018';
    }

    private static bool HasBlankLine(ReadOnlySpan<char> gap)
    {
        var first = gap.IndexOf('\n');
        if (first < 0)
        {
            return false;
        }

        var rest = gap[(first + 1)..];
        var second = rest.IndexOf('\n');
        return second >= 0 && rest[..second].IsWhiteSpace();
    }
}

namespace PaperGraph.Nlp.Tokenization;

/// <summary>A token: a range of the original text (nothing is copied or rewritten) and what kind of token it is.</summary>
/// <param name="Start">Offset of the first character in the text.</param>
/// <param name="Length">Number of characters; a token never has length zero.</param>
/// <param name="Kind">What the tokenizer recognised.</param>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    /// <summary>Offset just past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The token's characters in <paramref name="text"/>, the text it was made from.</summary>
    public ReadOnlySpan<char> In(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}

/// <summary>What a token is, as far as the tokenizer can tell without a model.</summary>
public enum TokenKind : byte
{
    /// <summary>Letters, digits and word-internal hyphens or apostrophes: <c>fine-tuning</c>, <c>GPT-3.5</c>, <c>3D</c>.</summary>
    Word,

    /// <summary>A number, possibly signed, with decimals, thousands separators or a trailing percent sign: <c>0.85</c>, <c>12.5%</c>.</summary>
    Number,

    /// <summary>Punctuation: brackets, quotes, sentence marks, dashes, an ellipsis.</summary>
    Punctuation,

    /// <summary>A symbol that is not punctuation: <c>+</c>, <c>=</c>, <c>×</c>, <c>±</c>.</summary>
    Symbol,

    /// <summary>An abbreviation that keeps its full stop: <c>e.g.</c>, <c>et al.</c>, <c>Fig.</c>, an initial such as <c>J.</c>.</summary>
    Abbreviation,

    /// <summary>A web address.</summary>
    Url,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>LaTeX left in the text: <c>$O(n \log n)$</c>, <c>\alpha</c>, <c>{\bf 1}</c>.</summary>
    Math,

    /// <summary>A clitic split from its word, as in Universal Dependencies: <c>'s</c>, <c>n't</c>, <c>'re</c>.</summary>
    Clitic,
}

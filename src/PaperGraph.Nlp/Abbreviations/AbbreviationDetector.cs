using PaperGraph.Nlp.Sentences;
using PaperGraph.Nlp.Tagging;
using PaperGraph.Nlp.Tokenization;

namespace PaperGraph.Nlp.Abbreviations;

/// <summary>An abbreviation defined in the text: a short form and the tokens of its long form.</summary>
/// <param name="ShortToken">Index of the short form's token (<c>RLHF</c>).</param>
/// <param name="LongStart">Index of the long form's first token.</param>
/// <param name="LongLength">Number of tokens in the long form.</param>
public readonly record struct Abbreviation(int ShortToken, int LongStart, int LongLength)
{
    /// <summary>Index just past the long form's last token.</summary>
    public int LongEnd => LongStart + LongLength;
}

/// <summary>Finds abbreviations defined in parentheses, after Schwartz and Hearst (2003).</summary>
/// <remarks>
/// <para>
/// Two patterns: <c>long form (SF)</c>, as in <c>Low-Rank Adaptation (LoRA)</c>, and <c>SF (long form)</c>. Inside the
/// parentheses the short form may be followed by <c>,</c> or <c>;</c> and more text (<c>(RLHF; Ouyang et al.)</c>).
/// A short form is one token of 2 to 10 characters that starts with a letter or digit and has a capital letter; a
/// plural short form (<c>LLMs</c>) matches without its final s. Matching is Schwartz and Hearst's: every letter and
/// digit of the short form, right to left, is found in the long form in order; the first one must start a word. The
/// long form has at most min(|SF| + 5, 2|SF|) words, and loses a leading determiner.
/// </para>
/// <para>
/// Reference: A. S. Schwartz and M. A. Hearst, "A simple algorithm for identifying abbreviation definitions in
/// biomedical text", Pacific Symposium on Biocomputing, 2003.
/// </para>
/// </remarks>
public sealed class AbbreviationDetector
{
    /// <summary>The detector; it has no settings.</summary>
    public static AbbreviationDetector Default { get; } = new();

    /// <summary>Appends the abbreviations defined in <paramref name="sentence"/> to <paramref name="found"/>.</summary>
    public void Detect(AnalyzedText analysis, Sentence sentence, List<Abbreviation> found)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(found);
        var tokens = analysis.Tokens;
        for (var open = sentence.Start + 1; open < sentence.End - 1; open++)
        {
            if (!Is(analysis, open, "("))
            {
                continue;
            }

            var close = open + 1;
            while (close < sentence.End && !Is(analysis, close, ")") && !Is(analysis, close, "("))
            {
                close++;
            }

            if (close >= sentence.End || !Is(analysis, close, ")"))
            {
                continue;
            }

            // long form (SF) or long form (SF, more) / (SF; more)
            var inner = open + 1;
            if (IsShortForm(analysis, inner) && (inner + 1 == close || Is(analysis, inner + 1, ",") || Is(analysis, inner + 1, ";")))
            {
                var maxWords = MaxLongWords(ShortFormLetters(analysis.TokenText(inner)));
                var first = Math.Max(sentence.Start, open - maxWords);
                for (var k = open - 1; k > first; k--)
                {
                    // The long form does not reach back over a bracket or sentence punctuation.
                    if (tokens[k - 1].Kind == TokenKind.Punctuation && !Characters.IsHyphen(analysis.Text[tokens[k - 1].Start]))
                    {
                        first = k;
                        break;
                    }
                }

                if (Match(analysis, inner, first, open) is { } longStart)
                {
                    found.Add(new Abbreviation(inner, longStart, open - longStart));
                    open = close;
                    continue;
                }
            }

            // SF (long form)
            var before = open - 1;
            if (IsShortForm(analysis, before) && close - inner >= 2 && close - inner <= MaxLongWords(ShortFormLetters(analysis.TokenText(before)))
                && Match(analysis, before, inner, close) is { } start && start == SkipDeterminers(analysis, inner, close))
            {
                found.Add(new Abbreviation(before, start, close - start));
                open = close;
            }
        }
    }

    /// <summary>Whether the token can be a short form: 2-10 characters, a letter or digit first, a capital letter in it.</summary>
    internal static bool IsShortForm(AnalyzedText analysis, int index)
    {
        var token = analysis.Tokens[index];
        if (token.Kind != TokenKind.Word || token.Length is < 2 or > 10)
        {
            return false;
        }

        var text = analysis.TokenText(index);
        if (!char.IsLetterOrDigit(text[0]))
        {
            return false;
        }

        var upper = 0;
        var letters = 0;
        foreach (var c in text)
        {
            upper += char.IsUpper(c) ? 1 : 0;
            letters += char.IsLetter(c) ? 1 : 0;
        }

        return upper >= 1 && letters >= 1 && (upper >= 2 || char.IsUpper(text[0]) && text.Length <= 5 && upper == letters);
    }

    /// <summary>The short form without the plural s of <c>LLMs</c>.</summary>
    internal static ReadOnlySpan<char> ShortFormLetters(ReadOnlySpan<char> shortForm) =>
        shortForm.Length > 2 && shortForm[^1] == 's' && char.IsUpper(shortForm[^2]) ? shortForm[..^1] : shortForm;

    private static int MaxLongWords(ReadOnlySpan<char> shortForm) => Math.Min(shortForm.Length + 5, shortForm.Length * 2);

    /// <summary>Schwartz-Hearst matching of the short form against tokens [<paramref name="first"/>, <paramref name="end"/>); the long form's first token, or null.</summary>
    private static int? Match(AnalyzedText analysis, int shortIndex, int first, int end)
    {
        if (first >= end)
        {
            return null;
        }

        var tokens = analysis.Tokens;
        for (var k = first; k < end; k++)
        {
            // LaTeX, numbers or addresses are not part of a name being abbreviated.
            if (tokens[k].Kind is TokenKind.Math or TokenKind.Url or TokenKind.Email)
            {
                return null;
            }
        }

        var text = analysis.Text;
        var shortForm = ShortFormLetters(analysis.TokenText(shortIndex));
        if (MatchInitials(analysis, shortForm, first, end) is { } byInitials)
        {
            return SkipDeterminers(analysis, byInitials, end);
        }

        var longStart = tokens[first].Start;
        var longForm = text.AsSpan(longStart, tokens[end - 1].End - longStart);
        if (longForm.Contains(shortForm, StringComparison.Ordinal))
        {
            return null;
        }

        var s = shortForm.Length - 1;
        var l = longForm.Length - 1;
        while (s >= 0)
        {
            var c = char.ToLowerInvariant(shortForm[s]);
            if (!char.IsLetterOrDigit(c))
            {
                s--;
                continue;
            }

            while (l >= 0 && (char.ToLowerInvariant(longForm[l]) != c || s == 0 && l > 0 && char.IsLetterOrDigit(longForm[l - 1])))
            {
                l--;
            }

            if (l < 0)
            {
                return null;
            }

            l--;
            s--;
        }

        // The token where the match of the first character lies starts the long form.
        var matchChar = longStart + l + 1;
        for (var k = first; k < end; k++)
        {
            if (tokens[k].End > matchChar)
            {
                return SkipDeterminers(analysis, k, end);
            }
        }

        return null;
    }

    /// <summary>
    /// The preferred match: the short form's capitals are the initials of the last words or word parts
    /// (<c>Proximal Policy Optimization</c> for <c>PPO</c>, <c>Low-Rank Adaptation</c> for <c>LoRA</c>), small
    /// function words skipped. Schwartz and Hearst's letter matching alone would settle for "Policy Optimization",
    /// taking the second P from "oPtimization".
    /// </summary>
    private static int? MatchInitials(AnalyzedText analysis, ReadOnlySpan<char> shortForm, int first, int end)
    {
        Span<char> letters = stackalloc char[shortForm.Length];
        var count = 0;
        foreach (var c in shortForm)
        {
            if (char.IsUpper(c) || char.IsDigit(c))
            {
                letters[count++] = char.ToLowerInvariant(c);
            }
        }

        if (count < 2)
        {
            return null;
        }

        var next = count - 1;
        for (var k = end - 1; k >= first && next >= 0; k--)
        {
            var word = analysis.TokenText(k);
            if (analysis.Tags[k] is PosTag.Adposition or PosTag.CoordinatingConjunction or PosTag.Determiner && word.Length <= 4)
            {
                continue;
            }

            // Initials of the word's parts, right to left: "Low-Rank" gives r, then l.
            for (var part = word.Length - 1; part >= 0 && next >= 0; part--)
            {
                if ((part == 0 || Characters.IsHyphen(word[part - 1])) && char.IsLetterOrDigit(word[part]))
                {
                    if (char.ToLowerInvariant(word[part]) != letters[next])
                    {
                        return null;
                    }

                    next--;
                }
            }

            if (next < 0)
            {
                return k;
            }
        }

        return null;
    }

    private static int SkipDeterminers(AnalyzedText analysis, int start, int end)
    {
        while (start < end - 1 && analysis.Tags[start] is PosTag.Determiner)
        {
            start++;
        }

        return start;
    }

    private static bool Is(AnalyzedText analysis, int index, string value) => analysis.TokenText(index).SequenceEqual(value);
}

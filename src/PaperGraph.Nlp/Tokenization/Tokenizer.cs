using PaperGraph.Core;
using static PaperGraph.Nlp.Tokenization.Characters;

namespace PaperGraph.Nlp.Tokenization;

/// <summary>Splits scientific English into tokens without changing the text: each token is an offset and a length.</summary>
/// <remarks>
/// <para>
/// Built for titles and abstracts. Kept whole: hyphenated and dotted words (<c>fine-tuning</c>, <c>GPT-3.5</c>,
/// <c>k-NN</c>, <c>state-of-the-art</c>), numbers with decimals, thousands separators or a percent sign
/// (<c>0.85</c>, <c>10,000</c>, <c>12.5%</c>), version numbers, web and e-mail addresses, abbreviations with their
/// full stop (<c>e.g.</c>, <c>et al.</c>, <c>Fig.</c>, initials) and LaTeX left in the text (<c>$...$</c>,
/// <c>\alpha</c>, <c>{\bf 1}</c>, marked <see cref="TokenKind.Math"/>). Split off: brackets, quotes, trailing
/// punctuation, and clitics as Universal Dependencies does (<c>model's</c> becomes <c>model</c> <c>'s</c>).
/// </para>
/// <para>
/// Typographic dashes and quotes are treated like their ASCII forms when deciding where tokens end; the text is not
/// rewritten (use <see cref="TokenText.Normalize"/> to compare tokens). One pass, no allocation besides the output list.
/// </para>
/// </remarks>
public sealed class Tokenizer
{
    /// <summary>Longest LaTeX span (<c>$...$</c> or a brace group) taken as one token, in characters.</summary>
    private const int MaxMathLength = 400;

    /// <summary>
    /// Strict, unlike ingest's <c>LatexScanner</c> (see <see cref="LatexSyntax"/>): a token boundary decided wrongly swallows
    /// words, so a group stays on one line, within <see cref="MaxMathLength"/>, is never empty, and a backslash escapes nothing.
    /// </summary>
    private static readonly LatexGroupRules MathRules = new(MaxMathLength, SingleLine: true, Escapes: false, AllowEmpty: false);

    /// <summary>The tokenizer; it has no settings and is safe to share between threads.</summary>
    public static Tokenizer Default { get; } = new();

    /// <summary>Tokenizes <paramref name="text"/>.</summary>
    public Token[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5);
        Tokenize(text, tokens);
        return [.. tokens];
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/> (reuse the list to avoid allocation).</summary>
    public void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsSpace(c))
            {
                i++;
                continue;
            }

            int end;
            if (c == '$' && TryDollarMath(text, i, out end)
                || c == '\\' && i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]) && TryLatexCommand(text, i, out end)
                || c == '{' && TryBraceGroup(text, i, out end))
            {
                tokens.Add(new Token(i, end - i, TokenKind.Math));
            }
            else if (IsWordChar(c) || IsSign(c) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && (i == 0 || !IsWordChar(text[i - 1])))
            {
                if (TryUrl(text, i, out end))
                {
                    tokens.Add(new Token(i, end - i, TokenKind.Url));
                }
                else
                {
                    end = Word(text, i, tokens);
                }
            }
            else
            {
                end = PunctuationRun(text, i);
                tokens.Add(new Token(i, end - i, end - i == 1 && IsSymbol(c) ? TokenKind.Symbol : TokenKind.Punctuation));
            }

            i = end;
        }
    }

    /// <summary>Reads the word, number, e-mail address or abbreviation starting at <paramref name="start"/>; returns its end.</summary>
    private static int Word(ReadOnlySpan<char> text, int start, List<Token> tokens)
    {
        var n = text.Length;
        var j = start + 1;
        var segmentStart = IsSign(text[start]) ? start + 1 : start;
        var math = false;
        while (j < n)
        {
            var c = text[j];
            if (IsWordChar(c))
            {
                j++;
                continue;
            }

            var prev = text[j - 1];
            var next = j + 1 < n ? text[j + 1] : '\0';
            if (IsHyphen(c) && IsWordChar(prev) && IsWordChar(next)
                || IsApostrophe(c) && char.IsLetter(prev) && char.IsLetter(next)
                || c == '_' && IsWordChar(prev) && IsWordChar(next)
                || c == '&' && char.IsAsciiLetterUpper(prev) && char.IsAsciiLetterUpper(next)
                || c is ',' or ':' or '/' && char.IsAsciiDigit(prev) && char.IsAsciiDigit(next))
            {
                j++;
                segmentStart = j;
                continue;
            }

            if (c == '.' && IsWordChar(prev) && IsWordChar(next)
                && (char.IsAsciiDigit(prev) && char.IsAsciiDigit(next) || j - segmentStart == 1 && char.IsLetter(prev)))
            {
                // 0.85, 1.2.3, GPT-3.5; or single letters between stops: e.g, U.S (the final stop is decided below).
                j++;
                segmentStart = j;
                continue;
            }

            if (c == '.' && IsWordChar(next) && TryDottedEmail(text, j, out var dottedEnd))
            {
                tokens.Add(new Token(start, dottedEnd - start, TokenKind.Email));
                return dottedEnd;
            }

            if (c == '@' && IsWordChar(prev) && IsWordChar(next) && TryEmailDomain(text, j + 1, out var emailEnd))
            {
                tokens.Add(new Token(start, emailEnd - start, TokenKind.Email));
                return emailEnd;
            }

            if (c is '_' or '^' && next == '{' && TryBraceGroup(text, j + 1, out var groupEnd))
            {
                j = groupEnd;
                math = true;
                continue;
            }

            break;
        }

        if (j < n)
        {
            var c = text[j];
            if (c == '%' && char.IsAsciiDigit(text[j - 1]))
            {
                j++;
            }
            else if (c is '+' or '#' && char.IsLetterOrDigit(text[j - 1]))
            {
                // C++, C#, GPT-4+ (but "LLM+RAG" is three tokens).
                var k = j;
                while (k < n && text[k] is '+' or '#')
                {
                    k++;
                }

                if (k == n || !IsWordChar(text[k]))
                {
                    j = k;
                }
            }
            else if (c == '.' && IsAbbreviation(text[start..j]))
            {
                tokens.Add(new Token(start, j + 1 - start, TokenKind.Abbreviation));
                return j + 1;
            }
            else if (IsSpace(c) && text[start..j] is "et" or "Et" && TryEtAl(text, j, out var etAlEnd))
            {
                tokens.Add(new Token(start, etAlEnd - start, TokenKind.Abbreviation));
                return etAlEnd;
            }
        }

        var word = text[start..j];
        var kind = math ? TokenKind.Math : IsNumber(word) ? TokenKind.Number : TokenKind.Word;
        // "cannot" is "can" + "not", as Universal Dependencies writes it.
        var clitic = kind == TokenKind.Word ? word.Equals("cannot", StringComparison.OrdinalIgnoreCase) ? 3 : CliticLength(word) : 0;
        if (clitic > 0)
        {
            tokens.Add(new Token(start, j - clitic - start, TokenKind.Word));
            tokens.Add(new Token(j - clitic, clitic, TokenKind.Clitic));
        }
        else
        {
            tokens.Add(new Token(start, j - start, kind));
        }

        return j;
    }

    /// <summary>Whether <paramref name="core"/> followed by a full stop is an abbreviation that keeps the stop.</summary>
    private static bool IsAbbreviation(ReadOnlySpan<char> core)
    {
        // An initial: "J." in "J. Smith".
        if (core.Length == 1)
        {
            return char.IsUpper(core[0]);
        }

        // Letters separated by stops: "e.g", "i.e", "U.S", "w.r.t".
        if (core.Length >= 3 && core[1] == '.')
        {
            for (var k = 0; k < core.Length; k++)
            {
                if ((k % 2 == 0) != char.IsLetter(core[k]) || (k % 2 == 1 && core[k] != '.'))
                {
                    return false;
                }
            }

            return core.Length % 2 == 1;
        }

        Span<char> withStop = stackalloc char[16];
        if (core.Length >= withStop.Length)
        {
            return false;
        }

        core.CopyTo(withStop);
        withStop[core.Length] = '.';
        return KnownAbbreviations.IsKnown(withStop[..(core.Length + 1)]);
    }

    /// <summary>After "et" and a space: "al." makes "et al." one token.</summary>
    private static bool TryEtAl(ReadOnlySpan<char> text, int afterEt, out int end)
    {
        var k = afterEt;
        while (k < text.Length && text[k] is ' ' or '\u00A0')
        {
            k++;
        }

        end = k + 3;
        return k > afterEt && k - afterEt <= 2 && text[k..].StartsWith("al.", StringComparison.Ordinal)
            && (end == text.Length || !IsWordChar(text[end]));
    }

    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        var digits = 0;
        foreach (var c in word)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not ('.' or ',' or ':' or '/' or '%') && !IsSign(c))
            {
                return false;
            }
        }

        return digits > 0;
    }

    /// <summary>Length of a clitic at the end of <paramref name="word"/> that UD splits off (<c>n't</c>, <c>'s</c>, <c>'re</c>...), or 0.</summary>
    private static int CliticLength(ReadOnlySpan<char> word)
    {
        var n = word.Length;
        if (n > 3 && IsApostrophe(word[n - 2]) && (word[n - 3] | 0x20) == 'n' && (word[n - 1] | 0x20) == 't')
        {
            return 3;
        }

        if (n > 2 && IsApostrophe(word[n - 2]) && (word[n - 1] | 0x20) is 's' or 'm' or 'd')
        {
            return 2;
        }

        if (n > 3 && IsApostrophe(word[n - 3]))
        {
            var a = (char)(word[n - 2] | 0x20);
            var b = (char)(word[n - 1] | 0x20);
            if (a == 'r' && b == 'e' || a == 'v' && b == 'e' || a == 'l' && b == 'l')
            {
                return 3;
            }
        }

        return 0;
    }

    /// <summary>The end of a run of punctuation read as one token ("...", "--", "?!", "``", "''"), or of a single character.</summary>
    private static int PunctuationRun(ReadOnlySpan<char> text, int start)
    {
        var c = text[start];
        var j = start + 1;
        switch (c)
        {
            case '.' or '-' or '`' or '\'' or '*' or '=':
                while (j < text.Length && text[j] == c)
                {
                    j++;
                }

                break;
            case '!' or '?':
                while (j < text.Length && text[j] is '!' or '?')
                {
                    j++;
                }

                break;
        }

        return j;
    }

    /// <summary><c>$...$</c> or <c>$$...$$</c>: the opening dollar is followed by a non-space, the closing one preceded by a non-space and not followed by a digit (so "$5 and $3" is not maths).</summary>
    private static bool TryDollarMath(ReadOnlySpan<char> text, int start, out int end)
    {
        end = 0;
        var delimiter = start + 1 < text.Length && text[start + 1] == '$' ? 2 : 1;
        var contentStart = start + delimiter;
        if (contentStart >= text.Length || IsSpace(text[contentStart]) || text[contentStart] == '$')
        {
            return false;
        }

        // The first unescaped dollar closes, even a single one after "$$" (which then fails); a paragraph break before it
        // means the opening dollar was not maths.
        var limit = Math.Min(text.Length, start + MaxMathLength);
        var k = LatexSyntax.IndexOfUnescaped(text[..limit], contentStart + 1, "$");
        if (k < 0 || text[(contentStart + 1)..k].IndexOf("\n\n") >= 0)
        {
            return false;
        }

        if (IsSpace(text[k - 1]) || delimiter == 2 && (k + 1 >= text.Length || text[k + 1] != '$'))
        {
            return false;
        }

        end = k + delimiter;
        return end >= text.Length || !char.IsAsciiDigit(text[end]);
    }

    /// <summary>A LaTeX command such as <c>\alpha</c> or <c>\mathbf{x}</c>, with the brace groups that follow it.</summary>
    private static bool TryLatexCommand(ReadOnlySpan<char> text, int start, out int end)
    {
        end = LatexSyntax.SkipGroups(text, LatexSyntax.CommandNameEnd(text, start), MathRules);
        return true;
    }

    /// <summary>A balanced brace group on one line, such as <c>{\bf 1}</c> or <c>{bf 1}</c>.</summary>
    private static bool TryBraceGroup(ReadOnlySpan<char> text, int start, out int end) => LatexSyntax.TryReadGroup(text, start, MathRules, out end);

    /// <summary>A web address: a scheme (<c>https://</c>), <c>www.</c>, or a bare domain followed by a path (<c>github.com/org/repo</c>).</summary>
    private static bool TryUrl(ReadOnlySpan<char> text, int start, out int end)
    {
        end = 0;
        var rest = text[start..];
        int bodyStart;
        if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            bodyStart = 8;
        }
        else if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase))
        {
            bodyStart = rest[0] is 'f' or 'F' ? 6 : 7;
        }
        else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            bodyStart = 4;
        }
        else if (!IsBareDomainWithPath(rest, out bodyStart))
        {
            return false;
        }

        var k = bodyStart;
        var open = 0;
        while (k < rest.Length && !IsSpace(rest[k]))
        {
            open += rest[k] switch { '(' => 1, ')' => -1, _ => 0 };
            k++;
        }

        // Trailing punctuation belongs to the sentence, and a closing bracket to the text unless the address opened it.
        while (k > bodyStart && (rest[k - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or ']' or '}' or '>' or '\u201D' or '\u2019'
            || rest[k - 1] == ')' && open < 0))
        {
            if (rest[k - 1] == ')')
            {
                open++;
            }

            k--;
        }

        if (k <= bodyStart)
        {
            return false;
        }

        end = start + k;
        return true;
    }

    private static bool IsBareDomainWithPath(ReadOnlySpan<char> rest, out int pathStart)
    {
        pathStart = 0;
        var lastDot = -1;
        var k = 0;
        while (k < rest.Length && (char.IsAsciiLetterOrDigit(rest[k]) || rest[k] == '-' || rest[k] == '.' && k > 0 && rest[k - 1] != '.'))
        {
            if (rest[k] == '.')
            {
                lastDot = k;
            }

            k++;
        }

        if (lastDot < 0 || k >= rest.Length - 1 || rest[k] != '/' || IsSpace(rest[k + 1]))
        {
            return false;
        }

        var tld = rest[(lastDot + 1)..k];
        if (tld.Length is < 2 or > 6)
        {
            return false;
        }

        foreach (var c in tld)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        pathStart = k;
        return true;
    }

    /// <summary>An e-mail address whose local part has stops (<c>first.last@uni.edu</c>), from the first such stop.</summary>
    private static bool TryDottedEmail(ReadOnlySpan<char> text, int stop, out int end)
    {
        end = 0;
        var k = stop + 1;
        while (k < text.Length && (IsWordChar(text[k]) || text[k] is '.' or '-' or '_' or '+'))
        {
            k++;
        }

        return k + 1 < text.Length && text[k] == '@' && IsWordChar(text[k - 1]) && TryEmailDomain(text, k + 1, out end);
    }

    /// <summary>The domain of an e-mail address, from just after the <c>@</c>: labels joined by stops, the last of two or more letters.</summary>
    private static bool TryEmailDomain(ReadOnlySpan<char> text, int start, out int end)
    {
        end = 0;
        var k = start;
        var labelStart = start;
        var dots = 0;
        while (k < text.Length)
        {
            var c = text[k];
            if (char.IsAsciiLetterOrDigit(c) || c == '-')
            {
                k++;
            }
            else if (c == '.' && k > labelStart && k + 1 < text.Length && char.IsAsciiLetterOrDigit(text[k + 1]))
            {
                dots++;
                k++;
                labelStart = k;
            }
            else
            {
                break;
            }
        }

        if (dots == 0 || k - labelStart < 2)
        {
            return false;
        }

        for (var t = labelStart; t < k; t++)
        {
            if (!char.IsAsciiLetter(text[t]))
            {
                return false;
            }
        }

        end = k;
        return true;
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace PaperGraph.Ingest.Text;

/// <summary>Turns LaTeX accent commands into the accented letters they stand for.</summary>
/// <remarks>
/// Handles <c>\"o</c>, <c>\"{o}</c>, <c>{\"o}</c> and the other one-letter accents (<c>\' \` \^ \~ \= \. \u \v \H \c</c>)
/// plus <c>\ss</c>, <c>\o</c>, <c>\aa</c> and friends. A brace group around the command (<c>{\"o}</c>) is consumed only
/// when both of its braces are there, so the text's braces stay balanced.
/// </remarks>
internal static partial class LatexAccents
{
    [GeneratedRegex("""(?<open>\{)?\\(?<cmd>["'`^~=.]|[uvHck](?=[{\s]))\s*(?:\{(?<ch>[A-Za-z])\}|(?<ch>[A-Za-z]))(?(open)\})""")]
    private static partial Regex AccentPattern();

    [GeneratedRegex("""(?<open>\{)?\\(?<cmd>ss|aa|AA|ae|AE|oe|OE|o|O|l|L)(?![A-Za-z])(?(open)\s*\})""")]
    private static partial Regex LetterPattern();

    /// <summary>A cheap test that is true whenever <see cref="Replace"/> could change <paramref name="text"/>.</summary>
    public static bool MayContainAccent(string text)
    {
        var span = text.AsSpan();
        for (var i = span.IndexOf('\\'); i >= 0 && i + 1 < span.Length; i = NextBackslash(span, i))
        {
            var next = span[i + 1];
            if (next is '"' or '\'' or '`' or '^' or '~' or '=' or '.')
            {
                return true;
            }

            // Letter commands: the accent and letter commands are one or two letters long.
            var nameLength = 0;
            while (i + 1 + nameLength < span.Length && char.IsAsciiLetter(span[i + 1 + nameLength]))
            {
                nameLength++;
            }

            if (nameLength is 1 or 2)
            {
                return true;
            }
        }

        return false;
    }

    private static int NextBackslash(ReadOnlySpan<char> span, int current)
    {
        var next = span[(current + 1)..].IndexOf('\\');
        return next < 0 ? -1 : current + 1 + next;
    }

    public static string Replace(string text)
    {
        text = AccentPattern().Replace(text, static m =>
        {
            var mark = m.Groups["cmd"].Value switch
            {
                "\"" => '\u0308',
                "'" => '\u0301',
                "`" => '\u0300',
                "^" => '\u0302',
                "~" => '\u0303',
                "=" => '\u0304',
                "." => '\u0307',
                "u" => '\u0306',
                "v" => '\u030C',
                "H" => '\u030B',
                "c" => '\u0327',
                "k" => '\u0328',
                _ => '\0',
            };
            return string.Concat(m.Groups["ch"].Value, mark.ToString()).Normalize(NormalizationForm.FormC);
        });

        return LetterPattern().Replace(text, static m => m.Groups["cmd"].Value switch
        {
            "ss" => "ß",
            "aa" => "å",
            "AA" => "Å",
            "ae" => "æ",
            "AE" => "Æ",
            "oe" => "œ",
            "OE" => "Œ",
            "o" => "ø",
            "O" => "Ø",
            "l" => "ł",
            _ => "Ł",
        });
    }
}

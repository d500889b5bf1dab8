using System.Globalization;
using System.Runtime.CompilerServices;

namespace PaperGraph.Nlp.Tokenization;

/// <summary>Character classes shared by the tokenizer, the sentence splitter and the tagger's features.</summary>
public static class Characters
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c);
        }

        return char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => c == ' ' || (c < 128 ? c is >= '\t' and <= '\r' : char.IsWhiteSpace(c));

    /// <summary>Hyphens and the short dashes that join words or number ranges (not the em dash, which separates).</summary>
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212';

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    public static bool IsSign(char c) => c is '-' or '+' or '\u2212';

    /// <summary>Maps typographic dashes and quotes to their ASCII forms, one character for one, so offsets stay valid.</summary>
    public static char Fold(char c) => c switch
    {
        < '\u00AB' => c,
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2026' => '.',
        _ => c,
    };

    public static bool IsSymbol(char c) =>
        c is '%' or '+' or '=' or '<' or '>' or '^' or '~' or '|' or '$' or '#' or '&' or '*'
        || (c >= 128 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol
            or UnicodeCategory.ModifierSymbol or UnicodeCategory.OtherSymbol);
}

using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace PaperGraph.Ingest.Text;

/// <summary>Normalises title and abstract text so that the same words compare equal whatever the source.</summary>
/// <remarks>
/// In order: LaTeX accent commands become letters (<c>Schr\"odinger</c> → <c>Schrödinger</c>); Unicode NFKC
/// (ligatures, full-width forms, non-breaking spaces); a hyphen at a line break is joined — dropped between two
/// lower-case word parts (<c>compu-\ntation</c>) unless the left part is a common compound prefix
/// (<c>self-\nsupervised</c>) or already hyphenated, kept otherwise; a hyphen before a space and a capital letter is
/// a PDF line-break artefact and is closed up (<c>Vision- Language</c> → <c>Vision-Language</c>); soft hyphens,
/// zero-width and control characters are removed; runs of white space become one space; the ends are trimmed.
/// </remarks>
public static class TextNormalizer
{
    private static readonly FrozenSet<string> CompoundPrefixes = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "anti", "auto", "co", "counter", "cross", "fine", "half", "high", "inter", "intra", "large", "long", "low",
        "multi", "non", "off", "on", "over", "post", "pre", "pseudo", "quasi", "re", "semi", "self", "short", "single",
        "small", "sub", "super", "under", "well", "zero", "few", "one", "two", "three", "end", "real", "state", "data",
        "task", "model", "domain", "time", "training", "open", "closed", "knowledge", "human", "graph", "rule");

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        if (LatexAccents.MayContainAccent(text))
        {
            text = LatexAccents.Replace(text);
        }

        if (!Ascii.IsValid(text) && !text.IsNormalized(NormalizationForm.FormKC))
        {
            text = text.Normalize(NormalizationForm.FormKC);
        }

        if (IsClean(text))
        {
            return text;
        }

        var rented = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var length = Clean(text, rented);
            var result = rented.AsSpan(0, length);
            return result.SequenceEqual(text) ? text : new string(result);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Characters that <see cref="Clean"/> may change: white space other than the plain space, invisibles, controls.</summary>
    private static readonly SearchValues<char> NeedsCleaning = SearchValues.Create(BuildNeedsCleaning());

    private static string BuildNeedsCleaning()
    {
        var chars = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if (ch != ' ' && (char.IsWhiteSpace(ch) || IsInvisible(ch)))
            {
                chars.Append(ch);
            }
        }

        return chars.ToString();
    }

    /// <summary>Most text is already clean; these vectorised scans let it through without a copy.</summary>
    private static bool IsClean(string text) =>
        text[0] != ' ' && text[^1] != ' '
        && text.AsSpan().IndexOfAny(NeedsCleaning) < 0
        && !text.Contains("  ", StringComparison.Ordinal)
        && !text.Contains("- ", StringComparison.Ordinal);

    /// <summary>One pass over <paramref name="text"/>, writing the cleaned text to <paramref name="output"/>.</summary>
    private static int Clean(ReadOnlySpan<char> text, Span<char> output)
    {
        var written = 0;
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '-' && i > 0 && char.IsLetter(text[i - 1]) && TryJoinHyphen(text, i, output, ref written, out var resume))
            {
                pendingSpace = false;
                i = resume - 1;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = written > 0;
                continue;
            }

            if (IsInvisible(c))
            {
                continue;
            }

            if (pendingSpace)
            {
                output[written++] = ' ';
                pendingSpace = false;
            }

            output[written++] = c;
        }

        return written;
    }

    /// <summary>
    /// At a hyphen followed by white space: decides whether the white space is a line-break artefact and, if so,
    /// writes the joined form and returns where to resume (the first letter after the white space).
    /// </summary>
    private static bool TryJoinHyphen(ReadOnlySpan<char> text, int hyphen, Span<char> output, ref int written, out int resume)
    {
        resume = hyphen + 1;
        var next = hyphen + 1;
        var sawNewline = false;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
        {
            sawNewline |= text[next] is '\n' or '\r';
            next++;
        }

        if (next == hyphen + 1 || next == text.Length || !char.IsLetterOrDigit(text[next]))
        {
            return false;
        }

        var after = text[next];
        if (!sawNewline)
        {
            // "Vision- Language": a PDF line break that lost its newline. "pre- and post-" stays as written.
            if (!char.IsUpper(after) && !char.IsDigit(after))
            {
                return false;
            }

            output[written++] = '-';
            resume = next;
            return true;
        }

        var leftStart = hyphen;
        while (leftStart > 0 && char.IsLetter(text[leftStart - 1]))
        {
            leftStart--;
        }

        var left = text[leftStart..hyphen];
        var leftIsCompound = (leftStart > 0 && text[leftStart - 1] == '-')
            || CompoundPrefixes.Contains(left.ToString());
        var dropHyphen = char.IsLower(after) && char.IsLower(text[hyphen - 1]) && !leftIsCompound;
        if (!dropHyphen)
        {
            output[written++] = '-';
        }

        resume = next;
        return true;
    }

    private static bool IsInvisible(char c) =>
        c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF'
        || (char.IsControl(c) && !char.IsWhiteSpace(c));
}

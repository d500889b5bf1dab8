using PaperGraph.Core;

namespace PaperGraph.Ingest.Text;

/// <summary>Finds LaTeX fragments in normalised text, so later stages can skip them while the text stays as written.</summary>
/// <remarks>
/// Marks <c>$…$</c>, <c>$$…$$</c>, <c>\(…\)</c>, <c>\[…\]</c>, <c>\begin{x}…\end{x}</c>, commands with their brace
/// arguments (<c>\mathcal{O}</c>, <c>\cite{x}</c>), font groups with or without their lost backslash
/// (<c>{\it x}</c>, <c>{bf 1}</c>), and words carrying a braced sub- or superscript (<c>n^{1+o(1)}</c>,
/// <c>D^{-1}</c>). An unclosed <c>$</c> marks nothing: a lone dollar is more often money than maths.
/// Ranges are sorted and do not overlap. Linear in the text length.
/// </remarks>
public static class LatexScanner
{
    /// <summary>
    /// Generous, as marking fragments of whole abstracts wants: a group may be of any length, cross lines, escape a brace
    /// (<c>\{</c>) and be empty. The tokenizer's rules are stricter (see <see cref="LatexSyntax"/>).
    /// </summary>
    private static readonly LatexGroupRules Rules = new(MaxLength: int.MaxValue, SingleLine: false, Escapes: true, AllowEmpty: true);

    private static readonly string[] FontWords = ["bf", "it", "rm", "em", "sf", "tt", "cal", "sc", "sl", "mathbf", "mathrm"];

    public static IReadOnlyList<TextRange> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("$\\{^") < 0 && !text.Contains("_{", StringComparison.Ordinal))
        {
            return [];
        }

        var ranges = new List<TextRange>();
        var i = 0;
        while (i < text.Length)
        {
            var end = MatchAt(text, i);
            if (end > i)
            {
                var start = i;
                if (text[i] is '^' or '_')
                {
                    // Include the word the script is attached to: "n^{1+o(1)}" is one fragment.
                    while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not ('(' or '[' or ','))
                    {
                        start--;
                    }
                }

                Add(ranges, start, end);
                i = end;
            }
            else
            {
                i++;
            }
        }

        return ranges;
    }

    /// <summary>End of a fragment starting at <paramref name="i"/>, or <paramref name="i"/> when none starts there.</summary>
    private static int MatchAt(string text, int i)
    {
        var c = text[i];
        switch (c)
        {
            case '$':
            {
                if (i > 0 && text[i - 1] == '\\')
                {
                    return i;
                }

                var isDisplay = i + 1 < text.Length && text[i + 1] == '$';
                var delimiter = isDisplay ? "$$" : "$";
                var close = LatexSyntax.IndexOfUnescaped(text, i + delimiter.Length, delimiter);
                return close < 0 ? i : close + delimiter.Length;
            }

            case '\\' when i + 1 < text.Length:
            {
                var next = text[i + 1];
                if (next is '(' or '[')
                {
                    var close = text.IndexOf(next == '(' ? "\\)" : "\\]", i + 2, StringComparison.Ordinal);
                    return close < 0 ? i : close + 2;
                }

                if (!char.IsAsciiLetter(next))
                {
                    return next is '$' or '%' or '&' or '#' or '_' or '{' or '}' ? i + 2 : i;
                }

                var nameEnd = LatexSyntax.CommandNameEnd(text, i);
                var name = text.AsSpan(i + 1, nameEnd - i - 1);
                if (name.SequenceEqual("begin") && TryReadGroup(text, nameEnd, out var envEnd))
                {
                    var env = text[(nameEnd + 1)..(envEnd - 1)];
                    var endTag = "\\end{" + env + "}";
                    var close = text.IndexOf(endTag, envEnd, StringComparison.Ordinal);
                    return close < 0 ? envEnd : close + endTag.Length;
                }

                return ExtendScripts(text, LatexSyntax.SkipGroups(text, nameEnd, Rules));
            }

            case '{':
            {
                if (!TryReadGroup(text, i, out var groupEnd))
                {
                    return i;
                }

                var inner = text.AsSpan(i + 1, groupEnd - i - 2);
                if (inner.StartsWith("\\"))
                {
                    return ExtendScripts(text, groupEnd);
                }

                foreach (var word in FontWords)
                {
                    if (inner.StartsWith(word) && inner.Length > word.Length && inner[word.Length] == ' ')
                    {
                        return ExtendScripts(text, groupEnd);
                    }
                }

                return i;
            }

            case '^' or '_' when i > 0 && !char.IsWhiteSpace(text[i - 1]):
                return TryReadGroup(text, i + 1, out var scriptEnd) ? ExtendWord(text, scriptEnd) : i;

            default:
                return i;
        }
    }

    /// <summary>Continues a fragment over sub- and superscripts attached to it: "{bf 1}_n", "\\sum_{i=1}^n".</summary>
    private static int ExtendScripts(string text, int end)
    {
        while (end + 1 < text.Length && text[end] is '^' or '_')
        {
            if (TryReadGroup(text, end + 1, out var groupEnd))
            {
                end = groupEnd;
                continue;
            }

            var next = end + 1;
            while (next < text.Length && char.IsLetterOrDigit(text[next]))
            {
                next++;
            }

            if (next == end + 1)
            {
                break;
            }

            end = next;
        }

        return end;
    }

    /// <summary>Continues a fragment over the rest of its word ("n^{1+o(1)}" then ")" or "_n").</summary>
    private static int ExtendWord(string text, int end)
    {
        while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not (',' or ';'))
        {
            if (text[end] is '{' && TryReadGroup(text, end, out var groupEnd))
            {
                end = groupEnd;
                continue;
            }

            if (text[end] is '.' && (end + 1 == text.Length || char.IsWhiteSpace(text[end + 1])))
            {
                break;
            }

            end++;
        }

        return end;
    }

    private static bool TryReadGroup(string text, int start, out int end) => LatexSyntax.TryReadGroup(text, start, Rules, out end);

    private static void Add(List<TextRange> ranges, int start, int end)
    {
        if (ranges.Count > 0 && ranges[^1].End >= start)
        {
            var last = ranges[^1];
            var mergedStart = Math.Min(last.Start, start);
            ranges[^1] = new TextRange(mergedStart, Math.Max(last.End, end) - mergedStart);
            return;
        }

        ranges.Add(new TextRange(start, end - start));
    }
}

namespace PaperGraph.Core;

/// <summary>How far a LaTeX brace group may reach; each reader of LaTeX states its own.</summary>
/// <param name="MaxLength">Longest group, braces included, in characters.</param>
/// <param name="SingleLine">A line break ends the search (no group).</param>
/// <param name="Escapes">A backslash hides the next character (<c>\}</c> does not close).</param>
/// <param name="AllowEmpty">Whether <c>{}</c> counts as a group.</param>
public readonly record struct LatexGroupRules(int MaxLength, bool SingleLine, bool Escapes, bool AllowEmpty);

/// <summary>Reads the pieces of LaTeX that PaperGraph meets in abstracts: brace groups, commands and their arguments, closing delimiters.</summary>
/// <remarks>
/// <para>The one home of LaTeX scanning. Two stages read LaTeX for different ends, so each keeps its own rules on top of
/// these pieces: ingest's <c>LatexScanner</c> marks fragments of the whole normalised text for later stages to skip, and
/// is generous (groups of any length, across lines, with escapes); the tokenizer decides where tokens end in a single
/// text, where a wrong maths token would swallow words, and is strict (groups on one line, short, never empty; a
/// <c>$</c> must hug its content). The rules are data (<see cref="LatexGroupRules"/>) so the two stay comparable.</para>
/// <para>Every method is linear in the length it reads and allocates nothing.</para>
/// </remarks>
public static class LatexSyntax
{
    /// <summary>Reads a balanced <c>{…}</c> group starting exactly at <paramref name="start"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Where the opening brace must be.</param>
    /// <param name="rules">How far the group may reach.</param>
    /// <param name="end">Just after the closing brace, when a group is read.</param>
    /// <returns>Whether a group within the rules starts at <paramref name="start"/>.</returns>
    public static bool TryReadGroup(ReadOnlySpan<char> text, int start, LatexGroupRules rules, out int end)
    {
        end = start;
        if (start >= text.Length || text[start] != '{')
        {
            return false;
        }

        var limit = rules.MaxLength >= text.Length - start ? text.Length : start + rules.MaxLength;
        var depth = 0;
        for (var j = start; j < limit; j++)
        {
            switch (text[j])
            {
                case '\\' when rules.Escapes:
                    j++;
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    end = j + 1;
                    return rules.AllowEmpty || j > start + 1;
                case '\n' when rules.SingleLine:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The end of a command's name: the ASCII letters after the backslash at <paramref name="backslash"/> (<c>\mathcal</c>).</summary>
    public static int CommandNameEnd(ReadOnlySpan<char> text, int backslash)
    {
        var end = backslash + 1;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>Continues over the brace groups that follow a command's name (<c>\frac{a}{b}</c>), as many as there are.</summary>
    public static int SkipGroups(ReadOnlySpan<char> text, int end, LatexGroupRules rules)
    {
        while (TryReadGroup(text, end, rules, out var groupEnd))
        {
            end = groupEnd;
        }

        return end;
    }

    /// <summary>The first <paramref name="delimiter"/> at or after <paramref name="from"/> that no backslash escapes (<c>\$</c>), or −1.</summary>
    public static int IndexOfUnescaped(ReadOnlySpan<char> text, int from, ReadOnlySpan<char> delimiter)
    {
        while (from <= text.Length)
        {
            var found = text[from..].IndexOf(delimiter);
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            if (at == 0 || text[at - 1] != '\\')
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }
}

using System.Collections.Frozen;

namespace PaperGraph.Nlp.Tokenization;

/// <summary>Abbreviations written with a full stop that belongs to them, and whether they can end a sentence.</summary>
internal static class KnownAbbreviations
{
    /// <summary>Abbreviations that introduce something (a figure, an example, a name), so a sentence never ends on them.</summary>
    private static readonly string[] NeverFinal =
    [
        "e.g.", "E.g.", "i.e.", "I.e.", "vs.", "Vs.", "cf.", "Cf.", "viz.", "ca.", "approx.", "Approx.", "resp.",
        "Fig.", "Figs.", "fig.", "figs.", "Eq.", "Eqs.", "eq.", "eqs.", "Eqn.", "Eqns.", "Sec.", "Secs.", "Sect.", "Tab.",
        "Ref.", "Refs.", "Ch.", "Chap.", "Thm.", "Def.", "Prop.", "Lem.", "Alg.", "Appx.", "Vol.", "pp.", "w.r.t.",
        "a.k.a.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "St.",
    ];

    /// <summary>Abbreviations that often end a sentence too (a capitalised word after them starts a new one).</summary>
    private static readonly string[] MaybeFinal = ["etc.", "al.", "Inc.", "Ltd.", "Corp.", "Co.", "Jr.", "Sr."];

    private static readonly FrozenDictionary<string, bool> All =
        NeverFinal.Select(a => KeyValuePair.Create(a, false))
            .Concat(MaybeFinal.Select(a => KeyValuePair.Create(a, true)))
            .ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> Lookup = All.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="textWithStop"/> (ending in its full stop) is a known abbreviation.</summary>
    public static bool IsKnown(ReadOnlySpan<char> textWithStop) => Lookup.ContainsKey(textWithStop);

    /// <summary>Whether a sentence may end on the abbreviation token <paramref name="token"/>.</summary>
    /// <remarks>
    /// Known introducers (<c>e.g.</c>, <c>Fig.</c>) never end one; lower-case dotted forms (<c>w.r.t.</c>) and initials
    /// (<c>J.</c>) do not either. <c>etc.</c>, <c>et al.</c> and upper-case dotted acronyms (<c>U.S.</c>) may.
    /// </remarks>
    public static bool MayEndSentence(ReadOnlySpan<char> token)
    {
        if (token.EndsWith(" al.", StringComparison.Ordinal) || token.EndsWith("\u00A0al.", StringComparison.Ordinal))
        {
            return true;
        }

        if (Lookup.TryGetValue(token, out var mayEnd))
        {
            return mayEnd;
        }

        // An initial ("J.") is followed by a name; a dotted acronym ("U.S.") can end a sentence.
        return token.Length > 2 && char.IsUpper(token[0]);
    }
}

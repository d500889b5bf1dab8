using System.Collections.Frozen;
using System.Text;
using PaperGraph.Nlp.Tokenization;

namespace PaperGraph.Nlp.Concepts;

/// <summary>Turns the surface form of a term into its concept key, so that variants of one concept share a key.</summary>
/// <remarks>
/// The key is the words in lower case, except acronyms and names written with inner capitals (<c>RLHF</c>,
/// <c>LoRA</c>, <c>ImageNet</c>), which keep their case; hyphens and dashes become spaces (<c>fine-tuning</c> =
/// <c>fine tuning</c>); the head noun (the last word) is made singular, with irregular plurals known
/// (<c>analyses</c> → <c>analysis</c>, <c>criteria</c> → <c>criterion</c>), the Greek and Latin families by their
/// endings (<c>-yses</c>, <c>-eses</c> → <c>-sis</c>; <c>biases</c>, <c>viruses</c> → <c>-s</c>), mass nouns left alone
/// (<c>data</c>) and names kept whole (<c>naive Bayes</c>, <c>Navier-Stokes</c>).
/// A plural acronym loses its s (<c>LLMs</c> → <c>LLM</c>). Joined spellings (<c>finetuning</c>) are unified with
/// spaced ones at the corpus level, where both are seen.
/// </remarks>
public static class ConceptKeys
{
    /// <summary>How the last part of a term is written, which decides how its head is made singular.</summary>
    internal enum HeadShape : byte
    {
        /// <summary>An ordinary word: made singular by English morphology.</summary>
        Word,

        /// <summary>An acronym: loses a plural s (<c>LLMs</c>).</summary>
        Acronym,

        /// <summary>
        /// The last of two or more capitalised names joined by hyphens (<c>Navier-Stokes</c>, <c>Yang-Mills</c>,
        /// <c>Metropolis-Hastings</c>): an eponym, whose final s is part of the name.
        /// </summary>
        Name,
    }

    private static readonly FrozenDictionary<string, string> Irregular = new Dictionary<string, string>
    {
        ["analyses"] = "analysis", ["criteria"] = "criterion", ["phenomena"] = "phenomenon", ["indices"] = "index",
        ["matrices"] = "matrix", ["vertices"] = "vertex", ["hypotheses"] = "hypothesis", ["theses"] = "thesis",
        ["axes"] = "axis", ["children"] = "child", ["corpora"] = "corpus", ["formulae"] = "formula",
        ["schemata"] = "schema", ["appendices"] = "appendix", ["syntheses"] = "synthesis", ["diagnoses"] = "diagnosis",
        ["bases"] = "basis", ["crises"] = "crisis", ["emphases"] = "emphasis", ["parentheses"] = "parenthesis",
        ["prognoses"] = "prognosis", ["men"] = "man", ["women"] = "woman", ["feet"] = "foot", ["teeth"] = "tooth",
        ["mice"] = "mouse", ["geese"] = "goose", ["lemmata"] = "lemma", ["stimuli"] = "stimulus", ["nuclei"] = "nucleus",
        ["radii"] = "radius", ["loci"] = "locus", ["foci"] = "focus", ["alumni"] = "alumnus", ["algae"] = "alga",
        ["optima"] = "optimum", ["maxima"] = "maximum", ["minima"] = "minimum", ["spectra"] = "spectrum",
        ["quanta"] = "quantum", ["strata"] = "stratum", ["curricula"] = "curriculum", ["leaves"] = "leaf",
        ["halves"] = "half", ["selves"] = "self", ["lives"] = "life", ["wolves"] = "wolf", ["knives"] = "knife",
        ["shelves"] = "shelf", ["thieves"] = "thief", ["gases"] = "gas", ["atlases"] = "atlas", ["canvases"] = "canvas",
        ["lenses"] = "lens", ["buses"] = "bus",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words that end in s but are singular, or plural-only, or uncountable: left as they are.</summary>
    private static readonly FrozenSet<string> Unchanged = new[]
    {
        "data", "series", "species", "news", "means", "physics", "mathematics", "statistics", "economics", "robotics",
        "dynamics", "analytics", "genomics", "linguistics", "semantics", "ethics", "graphics", "optics", "kinetics",
        "mechanics", "electronics", "logistics", "politics", "thermodynamics", "bias", "gas", "lens", "atlas",
        "chaos", "ethos", "cosmos", "corpus", "status", "virus", "bus", "consensus", "apparatus", "focus", "radius",
        "campus", "census", "nexus", "stimulus", "syllabus", "thesaurus", "calculus", "modulus", "locus", "torus",
        "plus", "bonus", "canvas", "alias", "process", "access", "class", "loss", "mass", "glass", "boss",
        "always", "perhaps", "whereas", "thus", "various", "previous", "analysis", "basis", "axis", "thesis",
        "hypothesis", "synthesis", "diagnosis", "crisis", "emphasis", "genesis", "paralysis", "this", "its", "us",
        "yes", "less", "unless", "across", "alphas", "wellness", "lotus", "sepsis", "arthritis", "tennis", "iris",
        "metropolis", "chassis", "pancreas", "diabetes", "herpes", "rabies", "measles", "mumps",
        "headquarters", "goods", "clothes", "scissors", "trousers", "thanks", "savings", "earnings", "surroundings",
        "lodgings", "outskirts", "premises", "whereabouts", "odds", "sports", "arms",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The concept key of a term given as its words (as written).</summary>
    /// <param name="singularHead">Whether to make the last word singular (false for the Y of <c>mixture of experts</c>).</param>
    public static string Key(IReadOnlyList<string> words, bool singularHead = true)
    {
        ArgumentNullException.ThrowIfNull(words);
        var key = new StringBuilder();
        var lastPart = HeadShape.Word;
        foreach (var word in words)
        {
            AppendWord(key, word, ref lastPart);
        }

        return Finish(key, singularHead, lastPart);
    }

    /// <summary>
    /// Appends one written word to a key being built: each hyphen- or slash-separated part becomes a word of its own,
    /// in lower case unless it is an acronym ("Low-Rank" → "low rank", "GPT-4" → "GPT 4").
    /// </summary>
    /// <param name="lastPart">Set to how the word's last part is written, for <see cref="Finish"/>.</param>
    internal static void AppendWord(StringBuilder key, ReadOnlySpan<char> word, ref HeadShape lastPart)
    {
        var part = 0;
        var parts = 0;
        var allNames = true;
        while (part < word.Length)
        {
            var end = part;
            while (end < word.Length && Characters.Fold(word[end]) is not ('-' or '/'))
            {
                end++;
            }

            if (end > part)
            {
                var text = word[part..end];
                var acronym = IsAcronymLike(text);
                allNames &= IsNameShaped(text);
                lastPart = acronym ? HeadShape.Acronym : ++parts >= 2 && allNames ? HeadShape.Name : HeadShape.Word;
                Separate(key);
                foreach (var raw in text)
                {
                    var c = Characters.Fold(raw);
                    if (!char.IsWhiteSpace(c))
                    {
                        key.Append(acronym ? c : char.ToLowerInvariant(c));
                    }
                }
            }

            part = end + 1;
        }
    }

    /// <summary>Makes the head singular (the word before <c>of</c> in <c>X of Y</c>, else the last) and returns the key.</summary>
    internal static string Finish(StringBuilder key, bool singularHead, HeadShape lastPart)
    {
        if (!singularHead)
        {
            return key.ToString();
        }

        var of = IndexOfOf(key);
        if (of < 0)
        {
            SingularizeLastWord(key, lastPart);
            return key.ToString();
        }

        // In "mixtures of experts" the head is the word before "of".
        var built = key.ToString();
        var head = new StringBuilder(built[..of]);
        SingularizeLastWord(head, IsAcronymLike(built.AsSpan(0, of)[(built.LastIndexOf(' ', of - 1) + 1)..]) ? HeadShape.Acronym : HeadShape.Word);
        return head.Append(built.AsSpan(of)).ToString();
    }

    /// <summary>Where <c>" of "</c> first occurs in <paramref name="key"/>, or -1.</summary>
    internal static int IndexOfOf(StringBuilder key)
    {
        for (var i = 1; i + 3 < key.Length; i++)
        {
            if (key[i] == ' ' && key[i + 1] == 'o' && key[i + 2] == 'f' && key[i + 3] == ' ')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The key of a term given as text (split on spaces).</summary>
    public static string Key(string term) => Key(term.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The singular of a lower-case English noun, or the noun itself when it is not a regular plural.</summary>
    public static string Singular(string noun)
    {
        ArgumentNullException.ThrowIfNull(noun);
        if (noun.Length < 4 || Unchanged.Contains(noun))
        {
            return noun;
        }

        if (Irregular.TryGetValue(noun, out var singular))
        {
            return singular;
        }

        // A vowel before -yes: a name (Bayes, Hayes), not the plural of a word in -ye (eyes, dyes, goodbyes).
        if (noun.Length >= 5 && noun.EndsWith("yes", StringComparison.Ordinal) && IsVowel(noun[^4]))
        {
            return noun;
        }

        if (noun.EndsWith("ies", StringComparison.Ordinal) && noun.Length > 4)
        {
            // Most words in -ies come from -y (policies); those in -vies and -okies from -ie (movies, cookies).
            return noun.EndsWith("vies", StringComparison.Ordinal) || noun.EndsWith("okies", StringComparison.Ordinal) ? noun[..^1] : noun[..^3] + "y";
        }

        if (noun.EndsWith("sses", StringComparison.Ordinal) || noun.EndsWith("xes", StringComparison.Ordinal)
            || noun.EndsWith("ches", StringComparison.Ordinal) || noun.EndsWith("shes", StringComparison.Ordinal)
            || noun.EndsWith("zzes", StringComparison.Ordinal))
        {
            return noun[..^2];
        }

        // Greek plurals of -sis: analyses, hypotheses, diagnoses, psychoses. No English noun ends in -yse or -ese
        // (cheeses aside); -ose does (doses, purposes), so -oses only after the clusters of -gnosis and -chosis, and -iosis.
        if (noun.EndsWith("yses", StringComparison.Ordinal) || noun.EndsWith("eses", StringComparison.Ordinal)
            || noun.EndsWith("gnoses", StringComparison.Ordinal) || noun.EndsWith("choses", StringComparison.Ordinal)
            || noun.EndsWith("ioses", StringComparison.Ordinal))
        {
            return noun[..^2] + "is";
        }

        // Singulars in -ias and -us take -es (biases, aliases; viruses, statuses, bonuses, campuses, radiuses). Words
        // in -use have a vowel or another consonant before u (causes, houses, uses, abuses, fuses, excuses, misuses).
        if (noun.EndsWith("iases", StringComparison.Ordinal)
            || noun.Length >= 7 && noun.EndsWith("uses", StringComparison.Ordinal) && noun[^5] is 'r' or 't' or 'n' or 'p' or 'x' or 'i')
        {
            return noun[..^2];
        }

        if (noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal) && !noun.EndsWith("us", StringComparison.Ordinal)
            && !noun.EndsWith("is", StringComparison.Ordinal) && !noun.EndsWith("ics", StringComparison.Ordinal)
            && !noun.EndsWith("ous", StringComparison.Ordinal) && !noun.EndsWith("'s", StringComparison.Ordinal))
        {
            return noun[..^1];
        }

        return noun;
    }

    /// <summary>A capital and then two lower-case letters or more, as names are written (<c>Stokes</c>, not <c>Q</c>).</summary>
    private static bool IsNameShaped(ReadOnlySpan<char> text)
    {
        if (text.Length < 3 || !char.IsUpper(text[0]))
        {
            return false;
        }

        foreach (var c in text[1..])
        {
            if (!char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Whether a word is written like an acronym or a name with inner capitals (two capitals or more: <c>RLHF</c>, <c>LoRA</c>, <c>GPT-4</c>).</summary>
    public static bool IsAcronymLike(ReadOnlySpan<char> word)
    {
        var upper = 0;
        foreach (var c in word)
        {
            if (char.IsUpper(c) && ++upper >= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The singular of an acronym written in the plural: <c>LLMs</c> → <c>LLM</c>.</summary>
    public static string SingularAcronym(string acronym) =>
        acronym.Length > 2 && acronym[^1] == 's' && char.IsUpper(acronym[^2]) ? acronym[..^1] : acronym;

    /// <summary>The key without its spaces, which joins <c>fine tuning</c> and <c>finetuning</c>.</summary>
    public static string Compact(string key) => key.Replace(" ", "", StringComparison.Ordinal);

    private static void Separate(StringBuilder key)
    {
        if (key.Length > 0 && key[^1] != ' ')
        {
            key.Append(' ');
        }
    }

    /// <summary>Makes the last word of <paramref name="key"/> singular in place; false when it already was.</summary>
    internal static bool SingularizeLastWord(StringBuilder key, HeadShape shape)
    {
        var end = key.Length;
        while (end > 0 && key[end - 1] == ' ')
        {
            end--;
        }

        var start = end;
        while (start > 0 && key[start - 1] != ' ')
        {
            start--;
        }

        if (end - start < 2)
        {
            return false;
        }

        var word = key.ToString(start, end - start);
        var singular = shape switch
        {
            HeadShape.Acronym => SingularAcronym(word),
            HeadShape.Name => word,
            _ => Singular(word),
        };
        if (singular == word)
        {
            return false;
        }

        key.Remove(start, end - start).Insert(start, singular);
        return true;
    }
}

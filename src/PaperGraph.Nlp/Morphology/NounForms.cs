using System.Collections.Frozen;

namespace PaperGraph.Nlp.Morphology;

/// <summary>Singular forms of English nouns and acronyms, and the shape of an acronym, as concept keys and the chunker read them.</summary>
/// <remarks>
/// Irregular plurals are listed (<c>analyses</c>, <c>criteria</c>); Greek and Latin families are read from their endings
/// (<c>-yses</c>, <c>-eses</c> become <c>-sis</c>; <c>biases</c>, <c>viruses</c> lose <c>-es</c>); mass nouns and words that
/// only look plural (<c>data</c>, <c>physics</c>, <c>always</c>) stay as they are.
/// </remarks>
public static class NounForms
{
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
}

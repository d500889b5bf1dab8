namespace PaperGraph.Nlp.Tagging;

/// <summary>A Universal Dependencies part-of-speech tag (UPOS); the value order is UD's alphabetical order.</summary>
public enum PosTag : byte
{
    /// <summary>ADJ.</summary>
    Adjective,

    /// <summary>ADP: prepositions and postpositions.</summary>
    Adposition,

    /// <summary>ADV.</summary>
    Adverb,

    /// <summary>AUX: auxiliary verbs (<c>is</c>, <c>can</c>).</summary>
    Auxiliary,

    /// <summary>CCONJ.</summary>
    CoordinatingConjunction,

    /// <summary>DET.</summary>
    Determiner,

    /// <summary>INTJ.</summary>
    Interjection,

    /// <summary>NOUN.</summary>
    Noun,

    /// <summary>NUM.</summary>
    Numeral,

    /// <summary>PART: <c>to</c>, <c>not</c>, possessive <c>'s</c>.</summary>
    Particle,

    /// <summary>PRON.</summary>
    Pronoun,

    /// <summary>PROPN.</summary>
    ProperNoun,

    /// <summary>PUNCT.</summary>
    Punctuation,

    /// <summary>SCONJ.</summary>
    SubordinatingConjunction,

    /// <summary>SYM.</summary>
    Symbol,

    /// <summary>VERB.</summary>
    Verb,

    /// <summary>X: foreign words, addresses, anything else.</summary>
    Other,
}

/// <summary>Conversions between <see cref="PosTag"/> and the UD tag names.</summary>
public static class PosTags
{
    /// <summary>Number of UPOS tags.</summary>
    public const int Count = 17;

    private static readonly string[] Names =
        ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"];

    /// <summary>The UD name of <paramref name="tag"/>, such as <c>NOUN</c>.</summary>
    public static string ToUpos(this PosTag tag) => Names[(int)tag];

    /// <summary>Parses a UD tag name; false for anything else (including <c>_</c>).</summary>
    public static bool TryParse(ReadOnlySpan<char> upos, out PosTag tag)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (upos.SequenceEqual(Names[i]))
            {
                tag = (PosTag)i;
                return true;
            }
        }

        tag = PosTag.Other;
        return false;
    }
}

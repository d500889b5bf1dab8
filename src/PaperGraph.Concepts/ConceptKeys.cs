using System.Collections.Frozen;
using System.Text;
using PaperGraph.Nlp.Morphology;
using PaperGraph.Nlp.Tokenization;

namespace PaperGraph.Concepts;

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
                var acronym = NounForms.IsAcronymLike(text);
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
        SingularizeLastWord(head, NounForms.IsAcronymLike(built.AsSpan(0, of)[(built.LastIndexOf(' ', of - 1) + 1)..]) ? HeadShape.Acronym : HeadShape.Word);
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
            HeadShape.Acronym => NounForms.SingularAcronym(word),
            HeadShape.Name => word,
            _ => NounForms.Singular(word),
        };
        if (singular == word)
        {
            return false;
        }

        key.Remove(start, end - start).Insert(start, singular);
        return true;
    }
}

using System.Collections.Frozen;
using PaperGraph.Nlp.Sentences;
using PaperGraph.Nlp.Tagging;
using PaperGraph.Nlp.Tokenization;
using PaperGraph.Nlp.Morphology;

namespace PaperGraph.Nlp.Chunking;

/// <summary>A noun phrase: a range of token indices.</summary>
public readonly record struct Chunk(int Start, int Length)
{
    /// <summary>Index just past the last token.</summary>
    public int End => Start + Length;
}

/// <summary>Finds noun-phrase terms: maximal runs of modifiers ending in a noun.</summary>
/// <remarks>
/// <para>
/// A term is a run of adjectives, nouns, proper nouns, numbers written with letters (<c>3D</c>) and past participles
/// (<c>pre-trained</c>, <c>learned</c>), ending in a noun or proper noun. Determiners, pronouns, other verbs,
/// adpositions, punctuation, numbers, maths and addresses end a run. Leading evaluative or vague modifiers
/// (<c>novel</c>, <c>proposed</c>, <c>various</c>) are dropped: they qualify the paper, not the concept. Runs longer
/// than <see cref="MaxLength"/> keep their last tokens (the head and its closest modifiers).
/// </para>
/// <para>Returns non-overlapping token ranges in text order, like spaCy's <c>noun_chunks</c>; no text is copied.</para>
/// </remarks>
public sealed class NounPhraseChunker
{
    /// <summary>Longest term kept, in tokens.</summary>
    public const int MaxLength = 5;

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LeadingModifiers = new[]
    {
        // Words that qualify the paper or the sentence, not the concept. Words that can name a kind of thing
        // ("conventional", "optimal", "key", "critical") are kept: they are often part of a term.
        "novel", "new", "proposed", "existing", "various", "different", "several", "many", "much", "other", "such",
        "same", "previous", "prior", "recent", "current", "certain", "particular", "specific", "given", "respective",
        "overall", "further", "additional", "numerous", "whole", "entire", "typical", "state-of-the-art",
        "powerful", "promising", "remarkable", "superior", "competitive", "possible", "potential", "corresponding",
        "related", "relevant", "appropriate", "suitable", "better", "best", "good", "great", "strong", "simple",
        "effective", "more", "most", "less", "least", "few", "fewer", "own", "above", "following", "called",
        "so-called", "significant", "important", "extensive", "comprehensive", "impressive", "notable", "substantial",
        "considerable", "useful", "valuable", "unique", "diverse",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LinkingGerunds = new[]
    {
        "using", "including", "following", "leveraging", "achieving", "showing", "making", "enabling", "allowing",
        "providing", "requiring", "yielding", "improving", "reducing", "resulting", "involving", "combining",
        "exploiting", "capturing", "integrating", "incorporating", "outperforming", "demonstrating", "leading",
        "according", "regarding", "considering", "concerning", "compared", "being", "having", "becoming", "revealing",
        "suggesting", "indicating", "highlighting", "addressing", "tackling", "obtaining", "reaching", "producing",
        "generating", "creating", "ranging", "spanning", "covering", "containing", "comprising", "consisting",
        "relying", "depending", "focusing", "aiming", "seeking", "trying", "helping", "supporting", "ensuring",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Fixed phrases whose noun names nothing: phrases that link sentences (<c>on the other hand</c>, <c>in contrast</c>,
    /// <c>in line with</c>) and idioms of academic prose (<c>through the lens of</c>, <c>shed light on</c>, <c>at the
    /// heart of</c>, <c>pave the way</c>). Their noun is not a term there; elsewhere (<c>a straight line</c>, <c>a convex
    /// lens</c>, <c>visible light</c>, <c>heart rate</c>) it is. Each phrase is written as its words, the noun in
    /// capitals; <c>a|b</c> is either word, and <c>shed*</c> any word that starts so (<c>sheds</c>, <c>shedding</c>).
    /// </summary>
    private static readonly FrozenDictionary<string, (string[] Words, int Noun)[]>.AlternateLookup<ReadOnlySpan<char>> Idioms = new[]
    {
        "on the other HAND", "on the one HAND", "in CONTRAST", "by CONTRAST", "in ADDITION",
        "in SUMMARY", "in PRINCIPLE", "in other WORDS", "in LINE with", "in TURN", "in LIGHT of", "into ACCOUNT",
        "in SPITE of", "in CONCLUSION", "in a NUTSHELL", "in the long RUN", "in DEPTH", "in COMMON", "in PLACE of",
        "in FAVOR of", "in FAVOUR of", "on TOP of", "in FRONT of", "at first GLANCE", "at first SIGHT", "in the MEANTIME",
        "for the first TIME", "on AVERAGE", "in PARALLEL", "in RETURN", "by DEFINITION", "by CONSTRUCTION", "in NATURE",
        // Idioms: a verb or preposition and a noun used figuratively.
        "through|via|from|under the LENS of", "through|via|from|under a LENS", "shed*|cast*|throw*|threw LIGHT",
        "shed*|cast*|throw*|threw new|some|more|further LIGHT",
        "in the LIGHT of", "bring*|brought|com*|came to LIGHT", "at the HEART of", "at the CORE of", "pav*|pave the WAY",
        "play*|play a|an ROLE", "giv*|gave RISE to", "at HAND", "a HOST of", "a WEALTH of", "a PLETHORA of", "a MYRIAD of",
        "in the REALM of", "in the SPIRIT of", "in the WAKE of", "in the FACE of",
        "on the FLY", "in the WILD", "la*|laid the FOUNDATION", "la*|laid the FOUNDATIONS", "open*|open the DOOR",
        "open*|open up new AVENUES", "open*|open new AVENUES", "on ACCOUNT of", "take*|took|tak* into ACCOUNT",
    }
        .Select(phrase => phrase.Split(' '))
        .Select(words => (Words: words.Select(w => w.ToLowerInvariant()).ToArray(), Noun: Array.FindIndex(words, w => w.Any(char.IsUpper))))
        .GroupBy(idiom => idiom.Words[idiom.Noun], StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The names of the Greek letters, with LaTeX's variant forms.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> GreekLetters = new[]
    {
        "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa",
        "varkappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "varpi", "rho", "varrho", "sigma", "varsigma", "tau",
        "upsilon", "phi", "varphi", "chi", "psi", "omega",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The chunker; it has no settings.</summary>
    public static NounPhraseChunker Default { get; } = new();

    /// <summary>Appends the terms of <paramref name="sentence"/> in <paramref name="analysis"/> to <paramref name="chunks"/>.</summary>
    public void Chunk(AnalyzedText analysis, Sentence sentence, List<Chunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(chunks);
        var tokens = analysis.Tokens;
        var tags = analysis.Tags;
        var i = sentence.Start;
        while (i < sentence.End)
        {
            if (!IsModifier(analysis, i, tokens[i], tags[i]))
            {
                // A function or LaTeX command ("Omega(kd)", "poly(n)", "mathcal{O}"): its argument is maths too.
                var call = MathCallEnd(analysis, i);
                i = call > i ? Math.Min(call, sentence.End) : i + 1;
                continue;
            }

            var start = i;
            var lastHead = -1;
            var verb = false;
            while (i < sentence.End && IsModifier(analysis, i, tokens[i], tags[i]))
            {
                if (i > start && i + 1 < sentence.End && IsModifier(analysis, i + 1, tokens[i + 1], tags[i + 1]) && LooksLikeVerb(analysis, i))
                {
                    // "This paper presents large models": the run stops before the verb and starts again after it.
                    verb = true;
                    break;
                }

                if (IsHead(tokens[i], tags[i]))
                {
                    lastHead = i;
                }

                i++;
            }

            var end = lastHead + 1;
            if (verb)
            {
                i++;
            }

            if (lastHead < 0)
            {
                continue;
            }

            // A tagger slip: a present-tense verb read as a plural noun at the end of a term ("the model outperforms the
            // baseline"). Such a word is followed by a determiner or pronoun, which a noun phrase's head rarely is; a noun
            // that ends in s but is singular ("time series", "gas lens") is no such verb. Not before a subordinator: "that"
            // tagged so starts relative clauses too ("gradient algorithms that").
            if (end - start >= 2 && end < sentence.End && tags[end] is PosTag.Determiner or PosTag.Pronoun
                && IsPlural(analysis.TokenText(end - 1)) && tags[end - 2] is PosTag.Noun or PosTag.ProperNoun)
            {
                end--;
            }

            // The same slip after a plural subject: "our findings reveal that", "these results suggest that". The verb is in
            // its base form, after a plural that opens the term, and a clause or an object follows. A plural modifier
            // ("materials science", "sales data") follows a verb or a preposition instead, or is followed by a noun.
            if (end - start >= 2 && end < sentence.End && tags[end] is PosTag.Determiner or PosTag.Pronoun or PosTag.SubordinatingConjunction
                && !IsRelativePronoun(analysis, end)
                && tags[end - 1] is PosTag.Noun && IsPlural(analysis.TokenText(end - 2)) && !IsPlural(analysis.TokenText(end - 1))
                && char.IsLower(analysis.TokenText(end - 1)[0]) && OpensClause(analysis, sentence, end - 2, start))
            {
                end--;
            }

            // A participle opening a sentence before its subject ("Building on prior work, we ..."): the tagger may read
            // it as a noun. It is one word, a function word follows it ("on", "the"; not "of": "Clustering of graphs"
            // names a topic), and a comma then a pronoun or determiner (the subject) come later in the sentence.
            if (end - start == 1 && start == sentence.Start && OpensParticipleClause(analysis, sentence, start))
            {
                continue;
            }

            // A symbol naming an instance ("algebraic curve C", "minimization problem P", "graph G", "error epsilon") is not
            // part of the concept; the head before it is.
            while (end - start >= 2 && (IsSymbol(analysis.TokenText(end - 1)) || IsGreekLetter(analysis.TokenText(end - 1)))
                && tags[end - 2] is PosTag.Noun or PosTag.ProperNoun)
            {
                end--;
            }

            // A Greek letter is a symbol, not a concept ("Omega", "small epsilon"); before a noun it names one ("alpha
            // particle", "Dirac delta function").
            if (IsGreekLetter(analysis.TokenText(end - 1)))
            {
                continue;
            }

            while (start < end - 1 && LeadingModifiers.Contains(analysis.TokenText(start)))
            {
                start++;
            }

            // A past-tense verb right after its subject, read as an adjective ("We performed molecular dynamics
            // simulations", "They observed magnetic order"): the term starts after it. An adjective in -ed never
            // follows a subject pronoun directly.
            if (start < end - 1 && start > sentence.Start && analysis.TokenText(start - 1) is "we" or "We" or "they" or "They" or "I"
                && analysis.TokenText(start) is { Length: > 4 } first && first.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(first[0]))
            {
                start++;
            }

            if (end - start > MaxLength)
            {
                start = end - MaxLength;
            }

            // Inside a fixed phrase the noun is no term; a term before the phrase ("the proof sheds new light", a verb read
            // as a noun) ends where the phrase starts.
            var idiom = IdiomStart(analysis, sentence, start, end);
            if (idiom > start && IsHead(tokens[idiom - 1], tags[idiom - 1]))
            {
                end = idiom;
            }
            else if (idiom >= 0)
            {
                continue;
            }

            if (!(end - start == 1 && LeadingModifiers.Contains(analysis.TokenText(start))))
            {
                chunks.Add(new Chunk(start, end - start));
            }
        }
    }

    /// <summary>
    /// A tagger slip common in abstracts: a present-tense verb after a singular subject read as a plural noun
    /// ("paper presents", "model outperforms", "SAM segments"). Taken as a verb when it is a regular plural in lower
    /// case, follows a singular noun, and more nouns or adjectives follow it.
    /// </summary>
    private static bool LooksLikeVerb(AnalyzedText analysis, int index)
    {
        if (analysis.Tags[index] is not PosTag.Noun || analysis.Tags[index - 1] is not (PosTag.Noun or PosTag.ProperNoun))
        {
            return false;
        }

        var word = analysis.TokenText(index);
        var previous = analysis.TokenText(index - 1);
        if (word.Length < 4 || !char.IsLower(word[0]) || word[^1] != 's' || previous[^1] == 's' || word.Contains('-'))
        {
            return false;
        }

        var text = word.ToString();
        return NounForms.Singular(text) != text;
    }

    /// <summary>A lower-case regular plural (<c>findings</c>, <c>results</c>), as <see cref="NounForms.Singular"/> reads it.</summary>
    private static bool IsPlural(ReadOnlySpan<char> word)
    {
        if (word.Length < 4 || word[^1] != 's' || !char.IsLower(word[0]) || word.Contains('-'))
        {
            return false;
        }

        var text = word.ToString();
        return NounForms.Singular(text) != text;
    }

    /// <summary>
    /// Whether the token at <paramref name="index"/>, after nothing but vague modifiers of its term (from
    /// <paramref name="start"/>: "extensive experiments"), starts a clause: the sentence's first, or after a determiner,
    /// pronoun or comma.
    /// </summary>
    private static bool OpensClause(AnalyzedText analysis, Sentence sentence, int index, int start)
    {
        while (index > start && LeadingModifiers.Contains(analysis.TokenText(index - 1)))
        {
            index--;
        }

        if (index > start)
        {
            return false;
        }

        return index == sentence.Start || analysis.Tags[index - 1] is PosTag.Determiner or PosTag.Pronoun
            || analysis.TokenText(index - 1) is ",";
    }

    /// <summary>Whether the capitalised <c>-ing</c> word at <paramref name="index"/> opens a participle clause before the subject.</summary>
    private static bool OpensParticipleClause(AnalyzedText analysis, Sentence sentence, int index)
    {
        var word = analysis.TokenText(index);
        if (word.Length < 5 || !char.IsUpper(word[0]) || !word.EndsWith("ing", StringComparison.Ordinal) || index + 1 >= sentence.End
            || analysis.Tags[index + 1] is not (PosTag.Adposition or PosTag.Determiner or PosTag.Pronoun or PosTag.Particle or PosTag.Adverb)
            || analysis.TokenText(index + 1).Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        for (var k = index + 2; k + 1 < sentence.End; k++)
        {
            if (analysis.TokenText(k) is "," && analysis.Tags[k + 1] is PosTag.Pronoun or PosTag.Determiner)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the one of the <see cref="Idioms"/> starts whose noun ends the term from <paramref name="start"/> to
    /// <paramref name="end"/> and which overlaps no word of the term before it, or -1 when there is none.
    /// </summary>
    private static int IdiomStart(AnalyzedText analysis, Sentence sentence, int start, int end)
    {
        var index = end - 1;
        var word = analysis.TokenText(index);
        Span<char> lower = stackalloc char[16];
        if (word.Length > lower.Length || !Idioms.TryGetValue(lower[..word.ToLowerInvariant(lower)], out var idioms))
        {
            return -1;
        }

        foreach (var (words, noun) in idioms)
        {
            var first = index - noun;
            if (first < sentence.Start || first + words.Length > sentence.End)
            {
                continue;
            }

            var matches = true;
            for (var k = 0; k < words.Length && matches; k++)
            {
                matches = Matches(analysis.TokenText(first + k), words[k]);
            }

            if (matches)
            {
                return first;
            }
        }

        return -1;
    }

    /// <summary>Whether a token is the word of an idiom: equal, one of its <c>|</c> alternatives, or starting as a <c>*</c> prefix.</summary>
    private static bool Matches(ReadOnlySpan<char> token, ReadOnlySpan<char> pattern)
    {
        foreach (var range in pattern.Split('|'))
        {
            var alternative = pattern[range];
            if (alternative is [.. var prefix, '*'] ? token.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                : token.Equals(alternative, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the argument ends of a function or LaTeX command written at <paramref name="index"/> (the token after the
    /// closing bracket), or -1 when the word is none. A command is a word directly followed by <c>{</c>
    /// (<c>mathcal{O}</c>, <c>mathrm{poly}</c>, the backslash lost); a function a word directly followed by a bracketed
    /// argument without spaces (<c>Omega(kd)</c>, <c>poly(n)</c>), not a plural mark (<c>model(s)</c>), and not an
    /// acronym or name with digits (<c>ReLU(x)</c>, <c>GPT-4(V)</c>), which are terms.
    /// </summary>
    private static int MathCallEnd(AnalyzedText analysis, int index)
    {
        var tokens = analysis.Tokens;
        if (tokens[index].Kind is not TokenKind.Word || !Glued(analysis, index))
        {
            return -1;
        }

        var next = analysis.TokenText(index + 1);
        if (next is ['{', ..])
        {
            return index + 1;
        }

        var word = analysis.TokenText(index);
        if (next is not "(" || NounForms.IsAcronymLike(word) || word.IndexOfAnyInRange('0', '9') >= 0)
        {
            return -1;
        }

        var depth = 0;
        for (var k = index + 1; k < tokens.Length; k++)
        {
            if (k > index + 1 && !Glued(analysis, k - 1))
            {
                return -1;
            }

            var text = analysis.TokenText(k);
            depth += text is "(" ? 1 : text is ")" ? -1 : 0;
            if (depth == 0)
            {
                var argument = analysis.Text.AsSpan(tokens[index + 1].End, tokens[k].Start - tokens[index + 1].End);
                return argument.Length == 0 || argument is "s" or "es" ? -1 : k + 1;
            }
        }

        return -1;
    }

    /// <summary>The name of a Greek letter, as LaTeX writes it without its backslash (<c>epsilon</c>, <c>varepsilon</c>, <c>Omega</c>; not <c>PI</c>).</summary>
    private static bool IsGreekLetter(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || word.Length > 10 || NounForms.IsAcronymLike(word))
        {
            return false;
        }

        Span<char> lower = stackalloc char[10];
        return GreekLetters.Contains(lower[..word.ToLowerInvariant(lower)]);
    }

    /// <summary>
    /// Whether the word is part of a formula or a unit written without spaces, which no abbreviation is: one or two
    /// capitals with a numeric index (<c>SF$_6$</c>, <c>SF_6</c>, <c>CO^2</c>: a chemical formula, not star formation;
    /// not <c>BERT$_{base}$</c> or <c>GPT_4</c>), or a rate unit (<c>GS/s</c>, <c>Gb/s</c>: gigasamples per second, not
    /// a ground state), its last letters included.
    /// </summary>
    private static bool InFormulaOrUnit(AnalyzedText analysis, int index)
    {
        var word = analysis.TokenText(index);
        var mark = word.IndexOfAny('_', '^');
        if (mark > 0 && IsFormulaElement(word[..mark]) && NumericIndex(word[(mark + 1)..]))
        {
            return true; // one token: "SF_6"
        }

        if (Glued(analysis, index))
        {
            var next = analysis.TokenText(index + 1);
            if (next is ['$' or '_' or '^', ..])
            {
                // The index in the same token ("$_6$") or, after a lone mark ("^", "2"), in the next one.
                var indexText = next.TrimStart("$_^{");
                if (indexText.IsEmpty && Glued(analysis, index + 1) && index + 2 < analysis.Tokens.Length)
                {
                    indexText = analysis.TokenText(index + 2).TrimStart("$_^{");
                }

                return IsFormulaElement(word) && NumericIndex(indexText);
            }

            if (next is "/" && Glued(analysis, index + 1) && IsUnitLetters(analysis.TokenText(index + 2)) && !GluedToWord(analysis, index + 2) && word.Length <= 3)
            {
                return true; // "GS/s"
            }
        }

        // The unit's letters after the slash: "s" of "GS/s".
        return index >= 2 && IsUnitLetters(word) && Glued(analysis, index - 1) && Glued(analysis, index - 2) && analysis.TokenText(index - 1) is "/"
            && analysis.TokenText(index - 2).Length <= 3 && !GluedToWord(analysis, index);

        static bool IsUnitLetters(ReadOnlySpan<char> text) => text.Length is 1 or 2 && !text.ContainsAnyExceptInRange('a', 'z');
        static bool IsFormulaElement(ReadOnlySpan<char> text) => text.Length is 1 or 2 && !text.ContainsAnyExceptInRange('A', 'Z');
        static bool NumericIndex(ReadOnlySpan<char> text) => text.Length > 0 && char.IsAsciiDigit(text[0]);
    }

    /// <summary>
    /// Whether a relative clause about the noun before starts here ("the sales data that we collected", "the operations
    /// research that shaped"), not a complement clause after a verb ("our findings reveal that sparse solvers"): "which"
    /// or "who", or "that" followed by a finite verb or by a personal pronoun as subject. The tagger cannot tell them apart
    /// itself when it has read the verb as a noun. "Findings suggest that we ..." is read as relative too, and kept.
    /// </summary>
    private static bool IsRelativePronoun(AnalyzedText analysis, int index)
    {
        var word = analysis.TokenText(index);
        if (word is "which" or "who" or "whom" or "whose")
        {
            return true;
        }

        if (word is not "that" || index + 1 >= analysis.Tokens.Length)
        {
            return false;
        }

        // A finite verb: an auxiliary, or a verb in -ed or -s ("shaped", "drives"; not "sparse", which a tagger unsure
        // of the clause may also call a verb).
        var next = analysis.TokenText(index + 1);
        return analysis.Tags[index + 1] is PosTag.Auxiliary
            || analysis.Tags[index + 1] is PosTag.Verb && (next.EndsWith("ed", StringComparison.Ordinal) || next.EndsWith('s'))
            || next is "we" or "they" or "it" or "he" or "she" or "I" or "you";
    }

    /// <summary>Whether token <paramref name="left"/> is followed with no space by a word (not by punctuation: "GS/s," ends the unit).</summary>
    private static bool GluedToWord(AnalyzedText analysis, int left) => Glued(analysis, left) && analysis.Tokens[left + 1].Kind == TokenKind.Word;

    /// <summary>Whether token <paramref name="left"/> is followed by the next one with no space between.</summary>
    private static bool Glued(AnalyzedText analysis, int left) =>
        left >= 0 && left + 1 < analysis.Tokens.Length && analysis.Tokens[left + 1].Start == analysis.Tokens[left].End;

    /// <summary>A one-letter name, bare or with an index (<c>C</c>, <c>x_0</c>, <c>p_n</c>, <c>k^2</c>).</summary>
    private static bool IsSymbol(ReadOnlySpan<char> word) =>
        word.Length > 0 && char.IsLetter(word[0]) && (word.Length == 1 || word.Length <= 5 && word[1] is '_' or '^');

    private static bool HasLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHead(Token token, PosTag tag) => tag is PosTag.Noun or PosTag.ProperNoun or PosTag.Verb && token.Kind is TokenKind.Word;

    private static bool IsModifier(AnalyzedText analysis, int index, Token token, PosTag tag)
    {
        if (token.Kind is not TokenKind.Word || InFormulaOrUnit(analysis, index))
        {
            return false;
        }

        switch (tag)
        {
            case PosTag.Noun or PosTag.ProperNoun or PosTag.Adjective:
                // A linking verb read as a noun ("spaces consisting of") ends the term, as does a function or command.
                return !LinkingGerunds.Contains(analysis.TokenText(index)) && MathCallEnd(analysis, index) < 0;
            case PosTag.Numeral:
                // "3D", "GPT-4": names mixing letters and digits; plain numbers and number words ("three") are not part of a term.
                var word = analysis.TokenText(index);
                return word.IndexOfAnyInRange('0', '9') >= 0 && word.ContainsAnyExceptInRange('0', '9') && HasLetter(word);
            case PosTag.Verb:
                var text = analysis.TokenText(index);
                if (text.Length > 4 && text.EndsWith("ing", StringComparison.OrdinalIgnoreCase))
                {
                    // Gerunds that name things: "reinforcement learning", "fine tuning", "finetuning of encoders";
                    // not the verbs that link clauses ("models using", "methods including").
                    return !LinkingGerunds.Contains(text)
                        && (index > 0 && analysis.Tags[index - 1] is PosTag.Noun or PosTag.Adjective or PosTag.ProperNoun && analysis.Tokens[index - 1].Kind == TokenKind.Word
                            || index + 1 < analysis.Tokens.Length && analysis.TokenText(index + 1).Equals("of", StringComparison.OrdinalIgnoreCase));
                }

                // Past participles used as adjectives: "pre-trained models", "learned features".
                return text.Length > 4 && text.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && index + 1 < analysis.Tokens.Length
                    && analysis.Tags[index + 1] is PosTag.Noun or PosTag.ProperNoun or PosTag.Adjective;
            default:
                return false;
        }
    }
}

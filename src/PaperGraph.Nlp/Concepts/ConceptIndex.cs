using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PaperGraph.Nlp.Concepts;

/// <summary>Settings of <see cref="ConceptIndex.Build"/>; validated on construction.</summary>
/// <param name="MinFixedPhraseDocuments">An <c>X of Y</c> phrase is a concept when at least this many documents use it.</param>
/// <param name="GenericMinDocuments">Below this many documents a term is never judged generic from its spread.</param>
/// <param name="GenericMaxResidualIdf">A term in at least <see cref="GenericMinDocuments"/> documents whose residual IDF is below this is generic.</param>
/// <param name="TitleWeight">Score multiplier for a concept in the title.</param>
/// <param name="PositionWeight">Weight of an early first occurrence.</param>
/// <param name="SingleWordWeight">Score multiplier for one-word concepts (other than abbreviations), which are rarely what a researcher names.</param>
/// <param name="NestedWeight">How much an occurrence inside a longer term counts, against 1 for a term on its own.</param>
/// <param name="WordWeight">Weight of the concept's words' TF-IDF in the document, against 1 for the concept's own IDF.</param>
/// <param name="MaxBareUsesPerDefinition">A short form used bare in more papers than this many times the papers defining it is not read as its definition there.</param>
/// <param name="NestedNeedsStandalone">Whether a term found only inside longer ones must be used on its own somewhere in the corpus.</param>
public sealed record ConceptSettings(
    int MinFixedPhraseDocuments = 2,
    int GenericMinDocuments = 25,
    double GenericMaxResidualIdf = 0.15,
    double TitleWeight = 1.5,
    double PositionWeight = 3.0,
    double SingleWordWeight = 0.3,
    double NestedWeight = 0.5,
    double WordWeight = 1.0,
    bool NestedNeedsStandalone = true,
    int MaxBareUsesPerDefinition = 20)
{
    /// <summary>Checks the settings.</summary>
    public ConceptSettings Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinFixedPhraseDocuments, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(GenericMinDocuments, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(TitleWeight);
        ArgumentOutOfRangeException.ThrowIfNegative(PositionWeight);
        return this;
    }
}

/// <summary>A concept of the corpus: every surface form of one idea, merged.</summary>
public sealed class Concept(string key)
{
    /// <summary>The concept key (see <see cref="ConceptKeys"/>); an acronym's key is the acronym.</summary>
    public string Key { get; } = key;

    /// <summary>The most frequent surface form.</summary>
    public string Name { get; internal set; } = key;

    /// <summary>Every surface form with its number of occurrences.</summary>
    public Dictionary<string, int> Aliases { get; } = new(StringComparer.Ordinal);

    /// <summary>Number of documents that mention it.</summary>
    public int Documents { get; internal set; }

    /// <summary>Number of mentions in all documents.</summary>
    public int Occurrences { get; internal set; }

    /// <summary>For an abbreviation, its long form's key.</summary>
    public string? LongForm { get; internal set; }

    /// <summary>Residual IDF (Church and Gale 1995): how much more the concept clusters in few documents than chance would.</summary>
    public double ResidualIdf { get; internal set; }

    /// <summary>Corpus-level relevance: documents weighted by how specific the concept is.</summary>
    public double Relevance { get; internal set; }
}

/// <summary>A concept in one document, with its score there.</summary>
public sealed record DocumentConcept(string Key, int Count, double Score, bool InTitle, int FirstToken);

/// <summary>The concepts of a corpus and, per document, its concepts ranked by score.</summary>
/// <remarks>
/// <para>Built from every document's terms in four steps:</para>
/// <list type="number">
/// <item>Abbreviations are resolved across the corpus. A short form defined with one long form is one concept, keyed by
/// the short form, with the long form as an alias. A bare short form in a paper that does not define it joins the
/// concept defined elsewhere. A short form with two different long forms gives two concepts; where it appears bare,
/// the more frequent meaning is chosen and the choice is logged.</item>
/// <item>Spelling variants are merged: keys equal once spaces are removed (<c>finetuning</c>, <c>fine tuning</c>) share
/// the spaced key. <c>X of Y</c> phrases become concepts only when enough documents use them.</item>
/// <item>Generic terms are dropped: the built-in boilerplate list, and terms used by many documents but spread over
/// them like words used by chance. The test is residual IDF (observed IDF minus the IDF a Poisson spread of the same
/// number of occurrences would give): a topic clusters in a few papers, boilerplate does not.</item>
/// <item>Each concept is scored in each document from its frequency there, its words' TF-IDF, a title bonus and how
/// early it first appears.</item>
/// </list>
/// </remarks>
public sealed class ConceptIndex
{
    private ConceptIndex(Dictionary<string, Concept> concepts, Dictionary<string, List<DocumentConcept>> byDocument, int documentCount)
    {
        Concepts = concepts;
        ByDocument = byDocument;
        DocumentCount = documentCount;
    }

    /// <summary>Concepts by key.</summary>
    public IReadOnlyDictionary<string, Concept> Concepts { get; }

    /// <summary>Each document's concepts, best first.</summary>
    public IReadOnlyDictionary<string, List<DocumentConcept>> ByDocument { get; }

    /// <summary>Number of documents in the corpus.</summary>
    public int DocumentCount { get; }

    /// <summary>Builds the index of <paramref name="documents"/>.</summary>
    public static ConceptIndex Build(IReadOnlyList<DocumentTerms> documents, ConceptSettings settings, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        settings = (settings ?? throw new ArgumentNullException(nameof(settings))).Validate();
        logger ??= NullLogger.Instance;
        var n = documents.Count;

        // 1. Spelling variants: keys equal without spaces and hyphens share the most frequent spelling.
        var spellings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var key in document.Mentions.Select(m => m.Key).Concat(document.Definitions.Select(d => d.LongKey)))
            {
                spellings[key] = spellings.GetValueOrDefault(key) + 1;
            }
        }

        var compact = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, count) in spellings)
        {
            var c = ConceptKeys.Compact(key);
            if (!compact.TryGetValue(c, out var existing) || count > spellings[existing]
                || count == spellings[existing] && string.CompareOrdinal(key, existing) < 0)
            {
                compact[c] = key;
            }
        }

        string Spelling(string key) => compact.GetValueOrDefault(ConceptKeys.Compact(key), key);

        // 2. Abbreviations, their long forms spelled one way.
        var meanings = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var definition in document.Definitions.Where(IsUsable).DistinctBy(d => (d.ShortForm, Spelling(d.LongKey))))
            {
                if (!meanings.TryGetValue(definition.ShortForm, out var longForms))
                {
                    meanings[definition.ShortForm] = longForms = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                var longKey = Spelling(definition.LongKey);
                longForms[longKey] = longForms.GetValueOrDefault(longKey) + 1;
            }
        }

        // Papers that use a defined short form without defining it.
        var bare = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var key in document.Mentions.Where(m => m.Kind == MentionKind.Term && meanings.ContainsKey(m.Key)).Select(m => m.Key).Distinct(StringComparer.Ordinal))
            {
                if (!document.Definitions.Any(d => d.ShortForm == key))
                {
                    bare[key] = bare.GetValueOrDefault(key) + 1;
                }
            }
        }

        // Concept key of each (short form, long form) meaning; the most frequent meaning is the short form's default,
        // unless far more papers use the short form bare than define it ("GeV" defined once as "germanium vacancy"):
        // then every meaning is keyed "SF (long form)" and bare uses stay a concept of their own.
        var meaningKey = new Dictionary<(string Short, string Long), string>();
        var defaultMeaning = new Dictionary<string, string>(StringComparer.Ordinal);
        var longToConcept = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = 0;
        foreach (var (shortForm, longForms) in meanings.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var ranked = longForms.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();
            var anchored = bare.GetValueOrDefault(shortForm) <= settings.MaxBareUsesPerDefinition * longForms.Values.Sum();
            for (var r = 0; r < ranked.Count; r++)
            {
                var key = r == 0 && anchored ? shortForm : $"{shortForm} ({ranked[r].Key})";
                meaningKey[(shortForm, ranked[r].Key)] = key;
                longToConcept.TryAdd(ranked[r].Key, key);
            }

            if (anchored)
            {
                defaultMeaning[shortForm] = shortForm;
            }

            if (ranked.Count > 1)
            {
                ambiguous++;
                Log.AmbiguousAbbreviation(logger, shortForm, string.Join("; ", ranked.Select(l => $"{l.Key} ({l.Value})")), ranked[0].Key);
            }
        }

        if (ambiguous > 0)
        {
            Log.AmbiguousAbbreviations(logger, ambiguous);
        }

        string Canonical(string key)
        {
            if (longToConcept.TryGetValue(key, out var concept))
            {
                return concept;
            }

            var spaced = Spelling(key);
            return longToConcept.GetValueOrDefault(spaced, spaced);
        }

        // Fixed X-of-Y phrases: documents per phrase.
        var ofDocuments = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var key in document.Mentions.Where(m => m.Kind == MentionKind.OfPhrase).Select(m => Canonical(m.Key)).Distinct(StringComparer.Ordinal))
            {
                ofDocuments[key] = ofDocuments.GetValueOrDefault(key) + 1;
            }
        }

        // Terms the corpus uses on their own: a nested term counts only if it is one of them.
        var standalone = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var mention in document.Mentions)
            {
                if (mention.Kind is MentionKind.Term or MentionKind.LongForm)
                {
                    standalone.Add(Canonical(mention.Key));
                }
            }
        }

        // Resolve every mention to a concept key, per document.
        var perDocument = new List<(DocumentTerms Document, List<(string Key, TermMention Mention)> Mentions)>(n);
        foreach (var document in documents)
        {
            var local = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var definition in document.Definitions.Where(IsUsable))
            {
                // A paper that defines a short form twice means its first definition.
                local.TryAdd(definition.ShortForm, meaningKey[(definition.ShortForm, Spelling(definition.LongKey))]);
            }

            var suppressed = new HashSet<int>();
            var resolved = new List<(string, TermMention)>(document.Mentions.Count);
            for (var m = 0; m < document.Mentions.Count; m++)
            {
                var mention = document.Mentions[m];
                if (mention.Kind == MentionKind.OfPhrase && ofDocuments.GetValueOrDefault(Canonical(mention.Key)) >= settings.MinFixedPhraseDocuments)
                {
                    suppressed.Add(mention.PartA);
                    suppressed.Add(mention.PartB);
                }
            }

            for (var m = 0; m < document.Mentions.Count; m++)
            {
                var mention = document.Mentions[m];
                if (suppressed.Contains(m) || mention.Kind == MentionKind.OfPhrase && ofDocuments.GetValueOrDefault(Canonical(mention.Key)) < settings.MinFixedPhraseDocuments
                    || mention.Kind == MentionKind.Nested && settings.NestedNeedsStandalone && !standalone.Contains(Canonical(mention.Key)))
                {
                    continue;
                }

                string key;
                if (local.TryGetValue(mention.Key, out var defined))
                {
                    key = defined;
                }
                else if (mention.Kind == MentionKind.LongForm)
                {
                    key = Canonical(mention.Key);
                }
                else if (defaultMeaning.TryGetValue(mention.Key, out var meaning))
                {
                    key = meaning;
                }
                else
                {
                    key = Canonical(mention.Key);
                }

                resolved.Add((key, mention));
            }

            perDocument.Add((document, resolved));
        }

        // Corpus statistics per concept.
        var concepts = new Dictionary<string, Concept>(StringComparer.Ordinal);
        foreach (var (_, mentions) in perDocument)
        {
            foreach (var group in mentions.GroupBy(m => m.Key, StringComparer.Ordinal))
            {
                if (!concepts.TryGetValue(group.Key, out var concept))
                {
                    concepts[group.Key] = concept = new Concept(group.Key);
                }

                concept.Documents++;
                foreach (var (_, mention) in group)
                {
                    concept.Occurrences++;
                    concept.Aliases[mention.Surface] = concept.Aliases.GetValueOrDefault(mention.Surface) + 1;
                }
            }
        }

        foreach (var (shortForm, longForms) in meanings)
        {
            foreach (var (longForm, _) in longForms)
            {
                if (concepts.TryGetValue(meaningKey[(shortForm, longForm)], out var concept))
                {
                    concept.LongForm = longForm;
                }
            }
        }

        // 3. Generic terms.
        var generic = new HashSet<string>(StringComparer.Ordinal);
        foreach (var concept in concepts.Values)
        {
            // Ties go to the form with more lower case ("reward models" over "Reward models").
            concept.Name = concept.Aliases.OrderByDescending(a => a.Value).ThenByDescending(a => a.Key, StringComparer.Ordinal).First().Key;
            concept.ResidualIdf = ResidualIdf(concept.Documents, concept.Occurrences, n);
            concept.Relevance = concept.Documents * Math.Max(0.05, concept.ResidualIdf)
                * (concept.LongForm is null && !concept.Key.Contains(' ', StringComparison.Ordinal) ? settings.SingleWordWeight : 1.0);
            if (GenericTerms.Contains(concept.Key) || concept.Key.Count(char.IsLetter) < 2 || concept.LongForm is null && concept.Documents >= settings.GenericMinDocuments && concept.ResidualIdf < settings.GenericMaxResidualIdf)
            {
                generic.Add(concept.Key);
            }
        }

        foreach (var key in generic)
        {
            concepts.Remove(key);
        }

        // Word statistics for the TF-IDF part of the score.
        var wordDocuments = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, mentions) in perDocument)
        {
            foreach (var word in mentions.SelectMany(m => Words(m.Mention.Key)).Distinct(StringComparer.Ordinal))
            {
                wordDocuments[word] = wordDocuments.GetValueOrDefault(word) + 1;
            }
        }

        // 4. Scores per document.
        var byDocument = new Dictionary<string, List<DocumentConcept>>(StringComparer.Ordinal);
        foreach (var (document, mentions) in perDocument)
        {
            var wordCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (_, mention) in mentions)
            {
                foreach (var word in Words(mention.Key))
                {
                    wordCounts[word] = wordCounts.GetValueOrDefault(word) + 1;
                }
            }

            var ranked = new List<DocumentConcept>();
            foreach (var group in mentions.GroupBy(m => m.Key, StringComparer.Ordinal))
            {
                if (!concepts.TryGetValue(group.Key, out var concept))
                {
                    continue;
                }

                var count = group.Sum(m => m.Mention.Kind == MentionKind.Nested ? settings.NestedWeight : 1.0);
                var inTitle = group.Any(m => m.Mention.InTitle);
                var first = group.Min(m => m.Mention.Token);
                var firstSentence = group.Min(m => m.Mention.Sentence);
                var words = Words(group.First().Mention.Key).ToList();
                var wordScore = 0.0;
                foreach (var word in words)
                {
                    wordScore += wordCounts.GetValueOrDefault(word) * Math.Log((n + 1.0) / (wordDocuments.GetValueOrDefault(word) + 0.5));
                }

                var phraseIdf = Math.Log((n + 1.0) / (concept.Documents + 0.5));
                var score = (1 + Math.Log(Math.Max(1, count))) * (settings.WordWeight * wordScore + phraseIdf)
                    * (inTitle ? settings.TitleWeight : 1.0)
                    * (1 + settings.PositionWeight / (1 + firstSentence))
                    * (words.Count == 1 && concept.LongForm is null ? settings.SingleWordWeight : 1.0);
                ranked.Add(new DocumentConcept(group.Key, group.Count(), score, inTitle, first));
            }

            ranked.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.FirstToken.CompareTo(b.FirstToken));
            byDocument[document.Id] = ranked;
        }

        return new ConceptIndex(concepts, byDocument, n);
    }

    /// <summary>Residual IDF: -log2(df/N) + log2(1 - e^(-cf/N)), the IDF observed minus the IDF a Poisson spread would give.</summary>
    internal static double ResidualIdf(int documents, int occurrences, int n)
    {
        if (documents == 0 || n == 0)
        {
            return 0;
        }

        var observed = -Math.Log2((double)documents / n);
        var expected = -Math.Log2(1 - Math.Exp(-(double)occurrences / n));
        return observed - expected;
    }

    /// <summary>A definition whose long form is one word, or boilerplate, is a false match ("spin transfer system (STS)" read as "system").</summary>
    private static bool IsUsable(AcronymDefinition definition) =>
        definition.LongKey.Contains(' ', StringComparison.Ordinal) && !GenericTerms.Contains(definition.LongKey);

    private static IEnumerable<string> Words(string key) => key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "of");
}

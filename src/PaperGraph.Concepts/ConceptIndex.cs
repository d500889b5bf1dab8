using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResolvedDocuments = System.Collections.Generic.List<(PaperGraph.Concepts.DocumentTerms Document, System.Collections.Generic.List<PaperGraph.Concepts.ConceptIndex.Resolved> Mentions)>;

namespace PaperGraph.Concepts;

/// <summary>Settings of <see cref="ConceptIndex.Build"/>; validated on construction.</summary>
/// <param name="MinFixedPhraseDocuments">An <c>X of Y</c> phrase is a concept when at least this many documents use it.</param>
/// <param name="GenericMinDocuments">Below this many documents a term is never judged generic from its spread.</param>
/// <param name="GenericMaxResidualIdf">A term in at least <see cref="GenericMinDocuments"/> documents whose residual IDF is below this is generic.</param>
/// <param name="NestedWeight">How much an occurrence inside a longer term counts, against 1 for a term on its own.</param>
/// <param name="MaxBareUsesPerDefinition">A short form used bare in more papers than this many times the papers defining it is not read as its definition there.</param>
/// <param name="StopList">Concept keys never to keep (see <see cref="ConceptFiles"/>).</param>
/// <param name="Thesaurus">Concept key to the key it is replaced by, or to null to drop it (see <see cref="ConceptFiles"/>).</param>
/// <param name="MinStandaloneShare">
/// A term found inside longer ones counts there only if the corpus also uses it on its own, at least this many times
/// per use inside (<c>dynamics simulation</c>, nearly always inside <c>molecular dynamics simulation</c>, is a piece, not a term).
/// </param>
/// <param name="Ranker">Ranks each document's concepts; null for the shipped <see cref="ConceptRanker.Default"/>.</param>
/// <param name="GenericMinOfShare">
/// A one-word term in at least <see cref="GenericMinDocuments"/> documents that is followed by <c>of</c> in this share of
/// its uses or more names a relation to something else (<c>the existence of</c>, <c>a family of</c>), not a topic: generic.
/// </param>
public sealed record ConceptSettings(
    int MinFixedPhraseDocuments = 2,
    int GenericMinDocuments = 25,
    double GenericMaxResidualIdf = 0.15,
    double NestedWeight = 0.5,
    double MinStandaloneShare = 0.1,
    int MaxBareUsesPerDefinition = 20,
    IReadOnlySet<string>? StopList = null,
    IReadOnlyDictionary<string, string?>? Thesaurus = null,
    ConceptRanker? Ranker = null,
    double GenericMinOfShare = 0.7)
{
    /// <summary>Checks the settings.</summary>
    public ConceptSettings Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinFixedPhraseDocuments, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(GenericMinDocuments, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(NestedWeight);
        if (MinStandaloneShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinStandaloneShare), MinStandaloneShare, "must be in [0, 1].");
        }

        if (GenericMinOfShare is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(GenericMinOfShare), GenericMinOfShare, "must be in (0, 1].");
        }

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

    /// <summary>For an abbreviation, the corpus's most frequent spelling of its long form (<c>low-rank adaptation</c> for the key <c>low rank adaptation</c>).</summary>
    public string? LongFormName { get; internal set; }

    /// <summary>Residual IDF (Church and Gale 1995): how much more the concept clusters in few documents than chance would.</summary>
    public double ResidualIdf { get; internal set; }

    /// <summary>
    /// The mean probability, over the documents that mention the concept, that the ranker takes it for one of the
    /// document's keyphrases: high for what papers are about (<c>black hole</c>), low for the vocabulary they use to say
    /// it (<c>theory</c>, <c>results</c>).
    /// </summary>
    public double Keyphraseness { get; internal set; }

    /// <summary>Corpus-level relevance: documents × <see cref="Keyphraseness"/>², how many papers are about the concept.</summary>
    public double Relevance { get; internal set; }

    /// <summary>The concept as the workspace stores it, for display: the long form as written, not its key.</summary>
    public PaperGraph.Core.ConceptSummary ToSummary() => new(Key, Name, Aliases, Documents, Occurrences, LongFormName ?? LongForm, Relevance);
}

/// <summary>A concept in one document, with its score there.</summary>
/// <param name="Surface">How this paper first writes the concept.</param>
/// <param name="Sentences">The sentences that mention it, as bits (sentence i sets bit min(i, 63)), for same-sentence co-occurrence.</param>
public sealed record DocumentConcept(string Key, int Count, double Score, bool InTitle, int FirstToken, string Surface, ulong Sentences = 0);

/// <summary>The concepts of a corpus and, per document, its concepts ranked by score.</summary>
/// <remarks>
/// <para>Built from every document's terms in five steps:</para>
/// <list type="number">
/// <item>Abbreviations are resolved across the corpus. A short form defined with one long form is one concept, keyed by
/// the short form, with the long form as an alias. A bare short form in a paper that does not define it joins the
/// concept defined elsewhere. A short form with two different long forms gives two concepts; where it appears bare,
/// the more frequent meaning is chosen if the long forms name one idea (<c>recurrent neural network</c>,
/// <c>recurrent NN</c>), and otherwise only with evidence from the paper: the long form written out, or concepts typical
/// of one meaning; without evidence the bare use is left out.</item>
/// <item>A term found inside longer ones (<c>dynamics simulation</c> in <c>molecular dynamics simulation</c>) counts
/// there only if the corpus uses it on its own often enough (<see cref="ConceptSettings.MinStandaloneShare"/>).</item>
/// <item>Spelling variants are merged: keys equal once spaces are removed (<c>finetuning</c>, <c>fine tuning</c>) share
/// the spaced key. <c>X of Y</c> phrases become concepts only when enough documents use them.</item>
/// <item>Generic terms are dropped: the built-in boilerplate list, and terms used by many documents but spread over
/// them like words used by chance. The test is residual IDF (observed IDF minus the IDF a Poisson spread of the same
/// number of occurrences would give): a topic clusters in a few papers, boilerplate does not.</item>
/// <item>Each concept is scored in each document by <see cref="ConceptRanker"/>: the probability that it is one of
/// the document's keyphrases, from its frequency, position and form there and from corpus statistics scaled so that
/// they do not grow with the corpus.</item>
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
    /// <param name="documents">Every document's terms.</param>
    /// <param name="settings">Settings.</param>
    /// <param name="logger">Where choices and timings are logged.</param>
    /// <param name="features">
    /// Called with each document's id and, for each of its concepts, the key and the ranker's features; from several
    /// threads at once. For fitting the ranker.
    /// </param>
    public static ConceptIndex Build(IReadOnlyList<DocumentTerms> documents, ConceptSettings settings, ILogger? logger = null,
        Action<string, IReadOnlyList<(string Key, double[] Features)>>? features = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(settings);
        return new Builder(documents, settings.Validate(), logger ?? NullLogger.Instance, features).Build();
    }

    /// <summary>The steps of <see cref="ConceptIndex.Build"/>, with the lookups they share.</summary>
    private sealed class Builder(IReadOnlyList<DocumentTerms> documents, ConceptSettings settings, ILogger logger,
        Action<string, IReadOnlyList<(string Key, double[] Features)>>? featureSink)
    {
        private readonly IReadOnlyList<DocumentTerms> _documents = documents;
        private readonly ConceptSettings _settings = settings;
        private readonly ILogger _logger = logger;
        private readonly int _n = documents.Count;
        private readonly System.Diagnostics.Stopwatch _phase = System.Diagnostics.Stopwatch.StartNew();
        private readonly Dictionary<string, string> _spellingCache = new(StringComparer.Ordinal);
        // Compact form (no spaces) to the id of its most frequent spelling.
        private Dictionary<string, int> _compact = [];
        private Dictionary<string, Dictionary<string, int>> _meanings = [];
        private Dictionary<(string Short, string Long), string> _meaningKey = [];
        private Dictionary<string, string> _defaultMeaning = [];
        private Dictionary<string, string> _longToConcept = [];

        // Every key met in the corpus gets an id in the spelling pass, and every concept key an id too: the later
        // passes over the 8.9M mentions of the 200k corpus then index arrays instead of looking strings up.
        private Dictionary<string, int> _keyIdOf = new(StringComparer.Ordinal);
        private readonly List<string> _keys = [];
        private readonly List<int> _standaloneUses = [];
        private readonly List<int> _nestedUses = [];
        // Per key: uses as a term, and of those the uses followed by "of", before any X of Y phrase takes its X.
        private readonly List<int> _termUses = [];
        private readonly List<int> _ofUses = [];
        private int[][] _mentionKeys = [];
        private readonly Dictionary<string, int> _conceptIdOf = new(StringComparer.Ordinal);
        private readonly List<string> _conceptKeys = [];
        private int[] _canonical = [];

        public ConceptIndex Build()
        {
            CollectSpellings();
            Phase("spellings");
            ResolveAbbreviations();
            InternConcepts();
            Phase("abbreviations");
            var (ofDocuments, standalone) = FixedPhrasesAndStandaloneTerms();
            Phase("fixed phrases and standalone terms");
            var senses = SensesOfContestedAbbreviations();
            Phase("senses of contested abbreviations");
            var perDocument = ResolveMentions(ofDocuments, standalone, senses);
            Phase("resolving mentions");
            // Concept statistics and word statistics read the resolved mentions and share nothing else: one runs on
            // another thread.
            var counting = Task.Run(() =>
            {
                var counted = CountConcepts(perDocument, out var byId);
                NameScoreAndDropGeneric(counted, byId);
                return (counted, byId);
            });
            var (wordIdf, wordRidf, wordsOfKey) = WordStatistics(perDocument);
            var (concepts, conceptById) = counting.GetAwaiter().GetResult();
            Phase("concept and word statistics, generic terms");
            var byDocument = Score(perDocument, conceptById, wordIdf, wordRidf, wordsOfKey);
            Phase("scores, keyphraseness and relevance");
            return new ConceptIndex(concepts, byDocument, _n);
        }

        private void Phase(string name)
        {
            Log.IndexPhase(_logger, name, _phase.Elapsed.TotalSeconds);
            _phase.Restart();
        }

        private void CollectSpellings()
        {
            // 1. Spelling variants: keys equal without spaces and hyphens share the most frequent spelling. The same
            // pass gives every key its id, records each mention's, and notes the keys used on their own (as a term or
            // a long form), for nested terms.
            var counts = new List<int>();
            _mentionKeys = new int[_n][];
            for (var d = 0; d < _n; d++)
            {
                var document = _documents[d];
                var ids = _mentionKeys[d] = new int[document.Mentions.Count];
                for (var m = 0; m < ids.Length; m++)
                {
                    var mention = document.Mentions[m];
                    var id = KeyId(mention.Key, counts);
                    ids[m] = id;
                    counts[id]++;
                    if (mention.Kind is MentionKind.Term or MentionKind.LongForm)
                    {
                        _standaloneUses[id]++;
                    }
                    else if (mention.Kind == MentionKind.Nested)
                    {
                        _nestedUses[id]++;
                    }

                    if (mention.Kind == MentionKind.Term)
                    {
                        _termUses[id]++;
                        _ofUses[id] += mention.BeforeOf ? 1 : 0;
                    }
                }

                foreach (var definition in document.Definitions)
                {
                    counts[KeyId(definition.LongKey, counts)]++;
                }
            }

            // Each key's compact form on every core; then, per compact form, the id of its most frequent spelling.
            var compacts = new string[_keys.Count];
            Parallel.For(0, compacts.Length, id => compacts[id] = ConceptKeys.Compact(_keys[id]));
            _compact = new Dictionary<string, int>(compacts.Length, StringComparer.Ordinal);
            for (var id = 0; id < compacts.Length; id++)
            {
                ref var best = ref CollectionsMarshal.GetValueRefOrAddDefault(_compact, compacts[id], out var seen);
                if (!seen || counts[id] > counts[best] || counts[id] == counts[best] && string.CompareOrdinal(_keys[id], _keys[best]) < 0)
                {
                    best = id;
                }
            }
        }

        /// <summary>The corpus's most frequent spelling of <paramref name="key"/> (spaces and joins aside), or the key itself; not cached.</summary>
        private string MostFrequentSpelling(string key) => _compact.TryGetValue(ConceptKeys.Compact(key), out var id) ? _keys[id] : key;

        private int KeyId(string key, List<int> counts)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_keyIdOf, key, out var exists);
            if (!exists)
            {
                id = _keys.Count;
                _keys.Add(key);
                _standaloneUses.Add(0);
                _nestedUses.Add(0);
                _termUses.Add(0);
                _ofUses.Add(0);
                counts.Add(0);
            }

            return id;
        }

        /// <summary>The id of concept key <paramref name="key"/>, new if needed; single-threaded.</summary>
        private int Intern(string key)
        {
            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_conceptIdOf, key, out var exists);
            if (!exists)
            {
                id = _conceptKeys.Count;
                _conceptKeys.Add(key);
            }

            return id;
        }

        /// <summary>The concept each key stands for (its spelling, and the abbreviation its long form belongs to), computed once on every core; and ids for every key a mention can resolve to.</summary>
        private void InternConcepts()
        {
            var canonical = new string[_keys.Count];
            Parallel.For(0, _keys.Count, i => canonical[i] = Canonical(_keys[i]));
            _canonical = new int[_keys.Count];
            for (var i = 0; i < canonical.Length; i++)
            {
                _canonical[i] = Intern(canonical[i]);
            }

            foreach (var key in _meaningKey.Values)
            {
                Intern(key);
            }

            foreach (var key in _defaultMeaning.Values)
            {
                Intern(key);
            }

            if (_settings.Thesaurus is { } thesaurus)
            {
                foreach (var replacement in thesaurus.Values.OfType<string>())
                {
                    Intern(replacement);
                }
            }
        }

        /// <summary>The corpus's most frequent spelling of a key (<c>finetuning</c> → <c>fine tuning</c> when that is more common).</summary>
        private string Spelling(string key)
        {
            if (!_spellingCache.TryGetValue(key, out var spelled))
            {
                _spellingCache[key] = spelled = MostFrequentSpelling(key);
            }

            return spelled;
        }

        private void ResolveAbbreviations()
        {
            // 2. Abbreviations, their long forms spelled one way.
            _meanings = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
            foreach (var document in _documents)
            {
                foreach (var definition in document.Definitions.Where(IsUsable).DistinctBy(d => (d.ShortForm, Spelling(d.LongKey))))
                {
                    if (!_meanings.TryGetValue(definition.ShortForm, out var longForms))
                    {
                        _meanings[definition.ShortForm] = longForms = new Dictionary<string, int>(StringComparer.Ordinal);
                    }

                    var longKey = Spelling(definition.LongKey);
                    CollectionsMarshal.GetValueRefOrAddDefault(longForms, longKey, out _)++;
                }
            }

            // Papers that use a defined short form without defining it.
            var bare = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var document in _documents)
            {
                foreach (var key in document.Mentions.Where(m => m.Kind == MentionKind.Term && _meanings.ContainsKey(m.Key)).Select(m => m.Key).Distinct(StringComparer.Ordinal))
                {
                    if (!document.Definitions.Any(d => d.ShortForm == key))
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(bare, key, out _)++;
                    }
                }
            }

            // Concept key of each (short form, long form) meaning; the most frequent meaning is the short form's default,
            // unless far more papers use the short form bare than define it ("GeV" defined once as "germanium vacancy"):
            // then every meaning is keyed "SF (long form)", and a bare use joins one only with evidence from its paper and
            // otherwise stays a concept of its own.
            _meaningKey = new Dictionary<(string Short, string Long), string>();
            _defaultMeaning = new Dictionary<string, string>(StringComparer.Ordinal);
            _longToConcept = new Dictionary<string, string>(StringComparer.Ordinal);
            var ambiguous = 0;
            foreach (var (shortForm, longForms) in _meanings.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                var ranked = longForms.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();
                var anchored = bare.GetValueOrDefault(shortForm) <= _settings.MaxBareUsesPerDefinition * longForms.Values.Sum();
                for (var r = 0; r < ranked.Count; r++)
                {
                    var key = r == 0 && anchored ? shortForm : $"{shortForm} ({ranked[r].Key})";
                    _meaningKey[(shortForm, ranked[r].Key)] = key;
                    _longToConcept.TryAdd(ranked[r].Key, key);
                }

                if (anchored)
                {
                    _defaultMeaning[shortForm] = shortForm;
                }

                if (ranked.Count > 1)
                {
                    ambiguous++;
                    Log.AmbiguousAbbreviation(_logger, shortForm, string.Join("; ", ranked.Select(l => $"{l.Key} ({l.Value})")), ranked[0].Key);
                }
            }

            if (ambiguous > 0)
            {
                Log.AmbiguousAbbreviations(_logger, ambiguous);
            }

        }

        /// <summary>The concept key a term's key stands for: its spelling, and the abbreviation its long form belongs to.</summary>
        /// <remarks>Reads only, so it is safe from several threads.</remarks>
        private string Canonical(string key)
        {
            if (_longToConcept.TryGetValue(key, out var canonical))
            {
                return canonical;
            }

            var spaced = MostFrequentSpelling(key);
            return _longToConcept.GetValueOrDefault(spaced, spaced);
        }

        private (int[] OfDocuments, bool[] Standalone) FixedPhrasesAndStandaloneTerms()
        {
            // Fixed X-of-Y phrases: documents per phrase.
            var ofDocuments = new int[_conceptKeys.Count];
            var lastDocument = new int[_conceptKeys.Count];
            Array.Fill(lastDocument, -1);
            for (var d = 0; d < _n; d++)
            {
                var mentions = _documents[d].Mentions;
                for (var m = 0; m < mentions.Count; m++)
                {
                    if (mentions[m].Kind == MentionKind.OfPhrase)
                    {
                        var concept = _canonical[_mentionKeys[d][m]];
                        if (lastDocument[concept] != d)
                        {
                            lastDocument[concept] = d;
                            ofDocuments[concept]++;
                        }
                    }
                }
            }

            // Terms the corpus uses on their own often enough: a nested term counts only if it is one of them.
            var standaloneUses = new int[_conceptKeys.Count];
            var nestedUses = new int[_conceptKeys.Count];
            for (var k = 0; k < _keys.Count; k++)
            {
                standaloneUses[_canonical[k]] += _standaloneUses[k];
                nestedUses[_canonical[k]] += _nestedUses[k];
            }

            var standalone = new bool[_conceptKeys.Count];
            for (var c = 0; c < standalone.Length; c++)
            {
                standalone[c] = standaloneUses[c] > 0 && standaloneUses[c] >= _settings.MinStandaloneShare * nestedUses[c];
            }

            return (ofDocuments, standalone);
        }

        /// <summary>One meaning of an ambiguous abbreviation: its concept, and the concepts that mark a paper about it.</summary>
        private sealed record Sense(string LongForm, int Concept, HashSet<int> Markers);

        /// <summary>
        /// For each short form (by key id) whose bare uses need evidence to join a meaning (see <see cref="SenseOfBareUse"/>),
        /// its senses: a short form with unrelated long forms, and one used bare far more often than defined.
        /// </summary>
        /// <remarks>
        /// A sense's markers are the concepts of the papers that define it or write its long form that are at least
        /// <see cref="MarkerLift"/> times as common there as in the corpus, in two of those papers (or its only one), and
        /// whose papers establish the sense at least <see cref="MarkerShare"/> of the time.
        /// </remarks>
        private Dictionary<int, Sense[]> SensesOfContestedAbbreviations()
        {
            var senses = new Dictionary<int, Sense[]>();
            var senseOfConcept = new Dictionary<int, List<(int ShortForm, int Sense)>>();
            foreach (var (shortForm, longForms) in _meanings)
            {
                var anchored = _defaultMeaning.ContainsKey(shortForm);
                if (!_keyIdOf.TryGetValue(shortForm, out var k) || anchored && !longForms.Keys.Any(a => longForms.Keys.Any(b => !Related(a, b))))
                {
                    continue;
                }

                var list = longForms.Keys.Order(StringComparer.Ordinal)
                    .Select(l => new Sense(l, _conceptIdOf[_meaningKey[(shortForm, l)]], [])).ToArray();
                senses[k] = list;
                for (var i = 0; i < list.Length; i++)
                {
                    if (!senseOfConcept.TryGetValue(list[i].Concept, out var of))
                    {
                        senseOfConcept[list[i].Concept] = of = [];
                    }

                    of.Add((k, i));
                }
            }

            if (senses.Count == 0)
            {
                return senses;
            }

            // Papers per concept, and per sense the papers that establish it and the concepts in them. One pass over
            // the 4.8M mentions of the 200k corpus: a paper's distinct concepts by a last-seen mark, not a set.
            var papers = new int[_conceptKeys.Count];
            var seenIn = new int[_conceptKeys.Count];
            Array.Fill(seenIn, -1);
            var isSense = new bool[_conceptKeys.Count];
            foreach (var c in senseOfConcept.Keys)
            {
                isSense[c] = true;
            }

            var contested = new bool[_keys.Count];
            foreach (var k in senses.Keys)
            {
                contested[k] = true;
            }

            var established = new Dictionary<(int ShortForm, int Sense), (int Papers, Dictionary<int, int> With)>();
            var concepts = new List<int>();
            var senseHere = new HashSet<(int, int)>();
            for (var d = 0; d < _n; d++)
            {
                concepts.Clear();
                senseHere.Clear();
                var mentions = _documents[d].Mentions;
                var keys = _mentionKeys[d];
                for (var m = 0; m < mentions.Count; m++)
                {
                    if (mentions[m].Kind is not (MentionKind.Term or MentionKind.LongForm) || contested[keys[m]])
                    {
                        continue;
                    }

                    var c = _canonical[keys[m]];
                    if (seenIn[c] != d)
                    {
                        seenIn[c] = d;
                        concepts.Add(c);
                        papers[c]++;
                        if (isSense[c])
                        {
                            senseHere.UnionWith(senseOfConcept[c]);
                        }
                    }
                }

                foreach (var definition in _documents[d].Definitions.Where(IsUsable))
                {
                    if (_keyIdOf.TryGetValue(definition.ShortForm, out var k) && senses.TryGetValue(k, out var list))
                    {
                        var spelled = MostFrequentSpelling(definition.LongKey);
                        var i = Array.FindIndex(list, x => x.LongForm == spelled);
                        if (i >= 0)
                        {
                            senseHere.Add((k, i));
                        }
                    }
                }

                foreach (var sense in senseHere)
                {
                    if (!established.TryGetValue(sense, out var e))
                    {
                        e = (0, []);
                    }

                    foreach (var c in concepts)
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(e.With, c, out _)++;
                    }

                    established[sense] = (e.Papers + 1, e.With);
                }
            }

            foreach (var ((k, i), (count, with)) in established)
            {
                var sense = senses[k][i];
                foreach (var (c, together) in with)
                {
                    if (c != sense.Concept && together >= Math.Min(2, count)
                        && together * (double)_n >= MarkerLift * count * papers[c] && together >= MarkerShare * papers[c])
                    {
                        sense.Markers.Add(c);
                    }
                }
            }

            return senses;
        }

        /// <summary>A marker concept is at least this many times as common in a sense's papers as in the corpus.</summary>
        private const double MarkerLift = 5;

        /// <summary>
        /// And at least this share of the papers with a marker concept establish the sense: a word common in every field
        /// (<c>network</c>, <c>constraint</c>) is five times as common among secondary-user papers as in physics-heavy
        /// arXiv, yet tells nothing of a bare SU.
        /// </summary>
        private const double MarkerShare = 0.02;

        /// <summary>The distinct concepts a document's terms and long forms stand for, but for the contested short forms, which stand for none yet.</summary>
        private void ConceptsOf(int d, HashSet<int> concepts, Dictionary<int, Sense[]> contested)
        {
            concepts.Clear();
            var mentions = _documents[d].Mentions;
            for (var m = 0; m < mentions.Count; m++)
            {
                if (mentions[m].Kind is MentionKind.Term or MentionKind.LongForm && !contested.ContainsKey(_mentionKeys[d][m]))
                {
                    concepts.Add(_canonical[_mentionKeys[d][m]]);
                }
            }
        }

        /// <summary>
        /// The sense a bare use of a contested short form has in a document, or -1 without evidence: the one sense whose
        /// long form the paper writes; else the sense with the most of its markers among the paper's concepts, at least
        /// twice as many as any unrelated sense.
        /// </summary>
        private static int SenseOfBareUse(Sense[] senses, HashSet<int> concepts)
        {
            var written = -1;
            for (var i = 0; i < senses.Length; i++)
            {
                if (concepts.Contains(senses[i].Concept))
                {
                    if (written >= 0 && !Related(senses[written].LongForm, senses[i].LongForm))
                    {
                        written = -2;
                        break;
                    }

                    written = i;
                }
            }

            if (written >= 0)
            {
                return senses[written].Concept;
            }

            var best = -1;
            var evidence = new int[senses.Length];
            for (var i = 0; i < senses.Length; i++)
            {
                foreach (var c in concepts)
                {
                    evidence[i] += senses[i].Markers.Contains(c) ? 1 : 0;
                }

                if (best < 0 || evidence[i] > evidence[best])
                {
                    best = i;
                }
            }

            if (best < 0 || evidence[best] == 0)
            {
                return -1;
            }

            for (var i = 0; i < senses.Length; i++)
            {
                if (i != best && !Related(senses[i].LongForm, senses[best].LongForm) && 2 * evidence[i] > evidence[best])
                {
                    return -1;
                }
            }

            return senses[best].Concept;
        }

        /// <summary>Two long forms of one short form name one idea when their first words share a stem (<c>recurrent neural network</c>, <c>recurrent NN</c>; <c>molecular dynamics</c>, <c>molecular dynamics simulation</c>).</summary>
        private static bool Related(string a, string b)
        {
            var first = FirstWord(a);
            var other = FirstWord(b);
            var common = first.CommonPrefixLength(other);
            return common >= 5 || common == first.Length && common == other.Length;

            static ReadOnlySpan<char> FirstWord(string s) => s.IndexOf(' ') is var i and >= 0 ? s.AsSpan(0, i) : s;
        }

        /// <summary>What a paper's own definition of a short form maps it to when that long form is no concept: nothing.</summary>
        private const int NoConcept = -1;

        private ResolvedDocuments ResolveMentions(int[] ofDocuments, bool[] standalone, Dictionary<int, Sense[]> senses)
        {
            // What a key resolves to when its paper does not define it, and what the user's thesaurus and stop list
            // make of a concept: arrays, so that documents can be resolved in parallel, reading only.
            var defaultMeaning = new int[_keys.Count];
            Array.Fill(defaultMeaning, -1);
            foreach (var (shortForm, meaning) in _defaultMeaning)
            {
                if (_keyIdOf.TryGetValue(shortForm, out var k))
                {
                    defaultMeaning[k] = _conceptIdOf[meaning];
                }
            }

            const int Keep = -1, Drop = -2;
            var replaced = new int[_conceptKeys.Count];
            Array.Fill(replaced, Keep);
            if (_settings.Thesaurus is { } thesaurus)
            {
                foreach (var (key, replacement) in thesaurus)
                {
                    if (_conceptIdOf.TryGetValue(key, out var id))
                    {
                        replaced[id] = replacement is null ? Drop : _conceptIdOf[replacement];
                    }
                }
            }

            var stopped = new bool[_conceptKeys.Count];
            if (_settings.StopList is { } stop)
            {
                for (var c = 0; c < stopped.Length; c++)
                {
                    stopped[c] = stop.Contains(_conceptKeys[c]);
                }
            }

            var resolvedDocuments = new List<Resolved>[_n];
            Parallel.For(0, _n, d =>
            {
                var document = _documents[d];
                var keys = _mentionKeys[d];
                var local = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var definition in document.Definitions)
                {
                    // A paper that defines a short form twice means its first definition. One it defines with a long
                    // form that is no concept of its own ("superfluid (SF)") means that here, not the corpus's "SF": its
                    // uses are left out (NoConcept).
                    if (!IsUsable(definition))
                    {
                        local.TryAdd(definition.ShortForm, NoConcept);
                        continue;
                    }

                    var spelled = MostFrequentSpelling(definition.LongKey);
                    local.TryAdd(definition.ShortForm, _conceptIdOf[_meaningKey[(definition.ShortForm, spelled)]]);
                }

                var suppressed = new HashSet<int>();
                for (var m = 0; m < document.Mentions.Count; m++)
                {
                    var mention = document.Mentions[m];
                    if (mention.Kind == MentionKind.OfPhrase && ofDocuments[_canonical[keys[m]]] >= _settings.MinFixedPhraseDocuments)
                    {
                        suppressed.Add(mention.PartA);
                        suppressed.Add(mention.PartB);
                    }
                }

                var resolved = new List<Resolved>(document.Mentions.Count);
                HashSet<int>? context = null;
                for (var m = 0; m < document.Mentions.Count; m++)
                {
                    var mention = document.Mentions[m];
                    var canonical = _canonical[keys[m]];
                    if (suppressed.Contains(m) || mention.Kind == MentionKind.OfPhrase && ofDocuments[canonical] < _settings.MinFixedPhraseDocuments
                        || mention.Kind == MentionKind.Nested && !standalone[canonical])
                    {
                        continue;
                    }

                    int concept;
                    if (local.Count > 0 && local.TryGetValue(mention.Key, out var defined))
                    {
                        if (defined == NoConcept)
                        {
                            continue;
                        }

                        concept = defined;
                    }
                    else if (mention.Kind == MentionKind.LongForm)
                    {
                        concept = canonical;
                    }
                    else if (senses.TryGetValue(keys[m], out var ofShortForm))
                    {
                        // A bare use of a contested short form joins a meaning only with evidence. Without, it is left
                        // out if the meanings are unrelated, and stays a concept of its own if the corpus mostly uses
                        // the short form bare ("GeV" defined once as "germanium vacancy").
                        if (context is null)
                        {
                            context = [];
                            ConceptsOf(d, context, senses);
                        }

                        concept = SenseOfBareUse(ofShortForm, context);
                        if (concept < 0 && defaultMeaning[keys[m]] >= 0)
                        {
                            continue;
                        }

                        concept = concept < 0 ? canonical : concept;
                    }
                    else if (defaultMeaning[keys[m]] is var meaning and >= 0)
                    {
                        concept = meaning;
                    }
                    else
                    {
                        concept = canonical;
                    }

                    // The user's thesaurus and stop list have the last word.
                    if (replaced[concept] != Keep)
                    {
                        if (replaced[concept] == Drop)
                        {
                            continue;
                        }

                        concept = replaced[concept];
                    }

                    if (stopped[concept])
                    {
                        continue;
                    }

                    resolved.Add(new Resolved(concept, keys[m], mention));
                }

                resolvedDocuments[d] = resolved;
            });

            var perDocument = new ResolvedDocuments(_n);
            for (var d = 0; d < _n; d++)
            {
                perDocument.Add((_documents[d], resolvedDocuments[d]));
            }

            return perDocument;
        }

        private Dictionary<string, Concept> CountConcepts(ResolvedDocuments perDocument, out Concept?[] byId)
        {
            // Corpus statistics per concept, in the order the concepts are first met.
            var concepts = new Dictionary<string, Concept>(StringComparer.Ordinal);
            byId = new Concept?[_conceptKeys.Count];
            var lastDocument = new int[_conceptKeys.Count];
            Array.Fill(lastDocument, -1);
            for (var d = 0; d < perDocument.Count; d++)
            {
                foreach (var (id, _, mention) in perDocument[d].Mentions)
                {
                    var concept = byId[id];
                    if (concept is null)
                    {
                        byId[id] = concept = new Concept(_conceptKeys[id]);
                        concepts.Add(concept.Key, concept);
                    }

                    if (lastDocument[id] != d)
                    {
                        lastDocument[id] = d;
                        concept.Documents++;
                    }

                    concept.Occurrences++;
                    CollectionsMarshal.GetValueRefOrAddDefault(concept.Aliases, mention.Surface, out _)++;
                }
            }

            foreach (var (shortForm, longForms) in _meanings)
            {
                foreach (var (longForm, _) in longForms)
                {
                    if (concepts.TryGetValue(_meaningKey[(shortForm, longForm)], out var concept))
                    {
                        concept.LongForm = longForm;
                    }
                }
            }

            return concepts;
        }


        private void NameScoreAndDropGeneric(Dictionary<string, Concept> concepts, Concept?[] byId)
        {
            // 3. Generic terms.
            var generic = new List<string>();
            foreach (var concept in concepts.Values)
            {
                // Ties go to the form with more lower case ("reward models" over "Reward models"): the ordinally larger.
                string? name = null;
                var best = 0;
                foreach (var (alias, count) in concept.Aliases)
                {
                    if (name is null || count > best || count == best && string.CompareOrdinal(alias, name) > 0)
                    {
                        (name, best) = (alias, count);
                    }
                }

                concept.Name = name!;
                if (concept.LongForm is { } longForm)
                {
                    concept.LongFormName = MostFrequentAlias(concept, longForm);
                }

                concept.ResidualIdf = ResidualIdf(concept.Documents, concept.Occurrences, _n);
                if (GenericTerms.Contains(concept.Key) || !HasTwoLetters(concept.Key) || concept.LongForm is null && concept.Documents >= _settings.GenericMinDocuments
                    && (concept.ResidualIdf < _settings.GenericMaxResidualIdf || IsRelationalNoun(concept)))
                {
                    generic.Add(concept.Key);
                }
            }

            foreach (var key in generic)
            {
                concepts.Remove(key);
                byId[_conceptIdOf[key]] = null;
            }
        }


        /// <summary>A one-word, lower-case term mostly used as the X of <c>X of Y</c> (see <see cref="ConceptSettings.GenericMinOfShare"/>).</summary>
        private bool IsRelationalNoun(Concept concept) =>
            !concept.Key.Contains(' ', StringComparison.Ordinal) && !concept.Key.Any(char.IsUpper)
            && _keyIdOf.TryGetValue(concept.Key, out var id) && _termUses[id] > 0 && _ofUses[id] >= _settings.GenericMinOfShare * _termUses[id];

        /// <summary>The most frequent of <paramref name="concept"/>'s surface forms whose key is <paramref name="key"/> (spaces aside); ties go to more lower case.</summary>
        private static string? MostFrequentAlias(Concept concept, string key)
        {
            var compact = ConceptKeys.Compact(key);
            string? best = null;
            var bestCount = 0;
            foreach (var (alias, count) in concept.Aliases)
            {
                if ((count > bestCount || count == bestCount && string.CompareOrdinal(alias, best) > 0)
                    && ConceptKeys.Compact(ConceptKeys.Key(alias)) == compact)
                {
                    (best, bestCount) = (alias, count);
                }
            }

            return best;
        }

        /// <returns>Each word's IDF, ln((N + 1) / (df + 0.5)), and residual IDF, by word id; and each key's word ids.</returns>
        private (double[] WordIdf, double[] WordRidf, int[][] WordsOfKey) WordStatistics(ResolvedDocuments perDocument)
        {
            // Word statistics for the TF-IDF part of the score: documents per word, over the words of each mention's
            // own key ("of" left out). Words get ids; each key's words are split once.
            var wordIdOf = new Dictionary<string, int>(StringComparer.Ordinal);
            var wordsOfKey = new int[_keys.Count][];
            var wordDocuments = new List<int>();
            var wordOccurrences = new List<int>();
            var lastDocument = new List<int>();
            for (var d = 0; d < perDocument.Count; d++)
            {
                foreach (var (_, key, _) in perDocument[d].Mentions)
                {
                    var words = wordsOfKey[key];
                    if (words is null)
                    {
                        var split = _keys[key].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        words = wordsOfKey[key] = new int[split.Count(w => w != "of")];
                        var w = 0;
                        foreach (var word in split)
                        {
                            if (word == "of")
                            {
                                continue;
                            }

                            ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(wordIdOf, word, out var exists);
                            if (!exists)
                            {
                                id = wordDocuments.Count;
                                wordDocuments.Add(0);
                                wordOccurrences.Add(0);
                                lastDocument.Add(-1);
                            }

                            words[w++] = id;
                        }
                    }

                    foreach (var word in words)
                    {
                        wordOccurrences[word]++;
                        if (lastDocument[word] != d)
                        {
                            lastDocument[word] = d;
                            wordDocuments[word]++;
                        }
                    }
                }
            }

            var idf = new double[wordDocuments.Count];
            var ridf = new double[wordDocuments.Count];
            for (var w = 0; w < idf.Length; w++)
            {
                idf[w] = Math.Log((_n + 1.0) / (wordDocuments[w] + 0.5));
                ridf[w] = ResidualIdf(wordDocuments[w], wordOccurrences[w], _n);
            }

            return (idf, ridf, wordsOfKey);
        }

        private Dictionary<string, List<DocumentConcept>> Score(ResolvedDocuments perDocument, Concept?[] conceptById, double[] wordIdf, double[] wordRidf, int[][] wordsOfKey)
        {
            // 4. Scores per document; documents are independent from here on, so they are scored in parallel, each
            // thread reusing its own tables.
            var ranking = new (string Id, List<DocumentConcept> Ranked)[perDocument.Count];
            var scored = new (int[] Concepts, double[] Scores)[perDocument.Count];
            Parallel.For(0, perDocument.Count, () => new ScoreScratch(), (d, loop, scratch) =>
            {
                var (document, mentions) = perDocument[d];
                var wordCounts = scratch.WordCounts;
                wordCounts.Clear();
                foreach (var mention in mentions)
                {
                    foreach (var word in wordsOfKey[mention.Key])
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(wordCounts, word, out _)++;
                    }
                }

                // Per concept: weighted count, mentions, title, first token, first sentence, and its first mention.
                var stats = scratch.Stats;
                stats.Clear();
                for (var m = 0; m < mentions.Count; m++)
                {
                    var (id, _, mention) = mentions[m];
                    var nested = mention.Kind == MentionKind.Nested;
                    var sentence = 1UL << Math.Clamp(mention.Sentence, 0, 63);
                    ref var s = ref CollectionsMarshal.GetValueRefOrAddDefault(stats, id, out var seen);
                    if (!seen)
                    {
                        s = new MentionStats { First = mention.Token, FirstSentence = mention.Sentence, Mention = m };
                    }

                    s.Weighted += nested ? _settings.NestedWeight : 1.0;
                    s.Count++;
                    s.InTitle |= mention.InTitle;
                    s.First = Math.Min(s.First, mention.Token);
                    s.FirstSentence = Math.Min(s.FirstSentence, mention.Sentence);
                    s.Sentences |= sentence;
                    s.Standalone |= !nested;
                }

                var candidates = scratch.Candidates;
                var inputs = scratch.Inputs;
                candidates.Clear();
                inputs.Clear();
                foreach (var (id, s) in stats)
                {
                    if (conceptById[id] is not { } concept)
                    {
                        continue;
                    }

                    var conceptWords = wordsOfKey[mentions[s.Mention].Key];
                    var wordScore = 0.0;
                    foreach (var word in conceptWords)
                    {
                        wordScore += wordCounts.GetValueOrDefault(word) * wordIdf[word];
                    }

                    candidates.Add((concept, s));
                    inputs.Add(new RankerInput(s.Weighted, s.InTitle, s.First, s.FirstSentence, System.Numerics.BitOperations.PopCount(s.Sentences), conceptWords.Length,
                        concept.LongForm is not null, !s.Standalone, concept.Key.Contains(" of ", StringComparison.Ordinal), ParticipleFirst(concept.Key),
                        Math.Log((_n + 1.0) / (concept.Documents + 0.5)), wordScore, false, false,
                        conceptWords.Length > 0 ? wordRidf[conceptWords[0]] : 0,
                        conceptWords.Length > 0 ? wordRidf[conceptWords[^1]] : 0,
                        Mean(conceptWords, wordRidf), Max(conceptWords, wordIdf)));
                }

                var scores = Rank(document, scratch);
                var ranked = new List<DocumentConcept>(candidates.Count);
                var ids = new int[candidates.Count];
                for (var i = 0; i < candidates.Count; i++)
                {
                    var (concept, s) = candidates[i];
                    ranked.Add(new DocumentConcept(concept.Key, s.Count, scores[i], s.InTitle, s.First, mentions[s.Mention].Mention.Surface, s.Sentences));
                    ids[i] = mentions[s.Mention].Concept;
                }

                scored[d] = (ids, scores);

                ranked.Sort(Better);
                ranking[d] = (document.Id, ranked);
                return scratch;
            }, _ => { });

            // Keyphraseness, and relevance from it: the papers about the concept, not the papers that use the word.
            // One pass over every document's scores (8.9M on the 200k corpus: tens of milliseconds).
            var scoreSum = new double[conceptById.Length];
            var scoreCount = new int[conceptById.Length];
            foreach (var (ids, scores) in scored)
            {
                for (var i = 0; i < ids.Length; i++)
                {
                    scoreSum[ids[i]] += scores[i];
                    scoreCount[ids[i]]++;
                }
            }

            for (var id = 0; id < conceptById.Length; id++)
            {
                if (conceptById[id] is { } concept && scoreCount[id] > 0)
                {
                    concept.Keyphraseness = scoreSum[id] / scoreCount[id];
                    concept.Relevance = concept.Documents * concept.Keyphraseness * concept.Keyphraseness;
                }
            }

            var byDocument = new Dictionary<string, List<DocumentConcept>>(ranking.Length, StringComparer.Ordinal);
            foreach (var (id, ranked) in ranking)
            {
                byDocument[id] = ranked;
            }

            return byDocument;
        }

        private static double Mean(int[] words, double[] values)
        {
            var sum = 0.0;
            foreach (var word in words)
            {
                sum += values[word];
            }

            return words.Length > 0 ? sum / words.Length : 0;
        }

        private static double Max(int[] words, double[] values)
        {
            var max = 0.0;
            foreach (var word in words)
            {
                max = Math.Max(max, values[word]);
            }

            return max;
        }

        /// <summary>
        /// The ranker's score of each of the document's candidates (<see cref="ScoreScratch.Candidates"/>, with their
        /// <see cref="ScoreScratch.Inputs"/>), in their order; their features go to the sink if there is one.
        /// </summary>
        private double[] Rank(DocumentTerms document, ScoreScratch scratch)
        {
            var candidates = scratch.Candidates;
            var inputs = scratch.Inputs;
            var n = candidates.Count;
            scratch.Reserve(n);

            // Which concepts of the document are part of another, or contain one: every run of words of every key is
            // looked up among the document's keys.
            var keys = scratch.Keys;
            keys.Clear();
            for (var i = 0; i < n; i++)
            {
                keys[candidates[i].Concept.Key] = i;
            }

            var contained = scratch.Contained.AsSpan(0, n);
            var containsOther = scratch.ContainsOther.AsSpan(0, n);
            contained.Clear();
            containsOther.Clear();
            var lookup = keys.GetAlternateLookup<ReadOnlySpan<char>>();
            Span<Range> words = stackalloc Range[16];
            for (var i = 0; i < n; i++)
            {
                var key = candidates[i].Concept.Key.AsSpan();
                var count = key.Split(words, ' ');
                if (count < 2 || count > words.Length)
                {
                    continue;
                }

                for (var a = 0; a < count; a++)
                {
                    for (var b = a; b < count; b++)
                    {
                        if (b - a + 1 != count && lookup.TryGetValue(key[words[a].Start..words[b].End], out var j) && j != i)
                        {
                            contained[j] = true;
                            containsOther[i] = true;
                        }
                    }
                }
            }

            double maxWord = 0, maxScore = 0, maxWeighted = 0;
            foreach (var input in inputs)
            {
                maxWord = Math.Max(maxWord, input.WordScore);
                maxScore = Math.Max(maxScore, ConceptRanker.HandSetScore(input));
                maxWeighted = Math.Max(maxWeighted, input.Weighted);
            }

            var context = new RankerContext(_n, document.Tokens, document.Sentences, maxWord, maxScore, maxWeighted);
            var ranker = _settings.Ranker ?? ConceptRanker.Default;
            var rows = featureSink is not null ? new List<(string, double[])>(n) : null;
            var scores = new double[n];
            Span<double> features = stackalloc double[ConceptRanker.FeatureCount];
            for (var i = 0; i < n; i++)
            {
                ConceptRanker.Features(inputs[i] with { Contained = contained[i], ContainsOther = containsOther[i] }, context, features);
                rows?.Add((candidates[i].Concept.Key, features.ToArray()));
                scores[i] = ranker.Score(features);
            }

            if (rows is not null)
            {
                featureSink!(document.Id, rows);
            }

            return scores;
        }
    }

    /// <summary>What one document says of one concept, gathered over its mentions.</summary>
    private struct MentionStats
    {
        public double Weighted;
        public int Count;
        public bool InTitle;
        public int First;
        public int FirstSentence;
        public ulong Sentences;
        public bool Standalone;

        /// <summary>Index of its first mention in the document's mention list.</summary>
        public int Mention;
    }

    /// <summary>One scoring thread's reusable tables.</summary>
    private sealed class ScoreScratch
    {
        public Dictionary<int, int> WordCounts { get; } = [];

        public Dictionary<int, MentionStats> Stats { get; } = [];

        public List<(Concept Concept, MentionStats Stats)> Candidates { get; } = [];

        public List<RankerInput> Inputs { get; } = [];

        public Dictionary<string, int> Keys { get; } = new(StringComparer.Ordinal);

        public bool[] Contained { get; private set; } = [];

        public bool[] ContainsOther { get; private set; } = [];

        public void Reserve(int n)
        {
            if (Contained.Length < n)
            {
                Contained = new bool[Math.Max(n, 2 * Contained.Length)];
                ContainsOther = new bool[Contained.Length];
            }
        }
    }

    /// <summary>Whether a key's first word reads as a participle used as a modifier (<c>proposed</c>, <c>developed</c>).</summary>
    private static bool ParticipleFirst(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        return space > 4 && key.AsSpan(0, space).EndsWith("ed", StringComparison.Ordinal);
    }

    private static bool HasTwoLetters(string key)
    {
        var letters = 0;
        foreach (var c in key)
        {
            if (char.IsLetter(c) && ++letters == 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A mention resolved to a concept: the concept's id, the id of the mention's own key, and the mention.</summary>
    internal readonly record struct Resolved(int Concept, int Key, TermMention Mention);

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

    private static int Better(DocumentConcept a, DocumentConcept b) =>
        b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.FirstToken != b.FirstToken ? a.FirstToken.CompareTo(b.FirstToken) : string.CompareOrdinal(a.Key, b.Key);

    /// <summary>A definition whose long form is one word, or boilerplate, is a false match ("spin transfer system (STS)" read as "system").</summary>
    private static bool IsUsable(AcronymDefinition definition) =>
        definition.LongKey.Contains(' ', StringComparison.Ordinal) && !GenericTerms.Contains(definition.LongKey);

}

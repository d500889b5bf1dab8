using System.Runtime.InteropServices;

namespace PaperGraph.Concepts.Index;

/// <summary>One meaning of an ambiguous abbreviation: its concept, and the concepts that mark a paper about it.</summary>
internal sealed record Sense(string LongForm, int Concept, HashSet<int> Markers);

/// <summary>
/// The senses of contested abbreviations, and the evidence that gives a bare use of one its meaning in a paper.
/// </summary>
/// <remarks>
/// A short form is contested when its bare uses need evidence to join a meaning: one with unrelated long forms
/// (<c>NP</c>: new physics, noun phrase), and one used bare far more often than defined. A bare use then joins the one
/// sense whose long form its paper writes, or the sense whose marker concepts the paper has; without evidence it is
/// left out, or stays a concept of its own.
/// </remarks>
internal sealed class AbbreviationSenses
{
    /// <summary>A marker concept is at least this many times as common in a sense's papers as in the corpus.</summary>
    private const double MarkerLift = 5;

    /// <summary>
    /// And at least this share of the papers with a marker concept establish the sense: a word common in every field
    /// (<c>network</c>, <c>constraint</c>) is five times as common among secondary-user papers as in physics-heavy
    /// arXiv, yet tells nothing of a bare SU.
    /// </summary>
    private const double MarkerShare = 0.02;

    private readonly CorpusKeys _corpus;
    private readonly ConceptIds _ids;

    private AbbreviationSenses(CorpusKeys corpus, ConceptIds ids, Dictionary<int, Sense[]> byShortForm)
    {
        _corpus = corpus;
        _ids = ids;
        ByShortForm = byShortForm;
    }

    /// <summary>Each contested short form (by corpus key id) and its senses, in the ordinal order of their long forms.</summary>
    public Dictionary<int, Sense[]> ByShortForm { get; }

    /// <summary>
    /// For each short form whose bare uses need evidence to join a meaning (see <see cref="SenseOfBareUse"/>), its
    /// senses: a short form with unrelated long forms, and one used bare far more often than defined.
    /// </summary>
    /// <remarks>
    /// A sense's markers are the concepts of the papers that define it or write its long form that are at least
    /// <see cref="MarkerLift"/> times as common there as in the corpus, in two of those papers (or its only one), and
    /// whose papers establish the sense at least <see cref="MarkerShare"/> of the time.
    /// </remarks>
    public static AbbreviationSenses Find(CorpusKeys corpus, VariantMerger spellings, AbbreviationMeanings abbreviations, ConceptIds ids)
    {
        var senses = new Dictionary<int, Sense[]>();
        var result = new AbbreviationSenses(corpus, ids, senses);
        var senseOfConcept = new Dictionary<int, List<(int ShortForm, int Sense)>>();
        foreach (var (shortForm, longForms) in abbreviations.Meanings)
        {
            var anchored = abbreviations.DefaultMeaning.ContainsKey(shortForm);
            if (!corpus.IdOf.TryGetValue(shortForm, out var k) || anchored && !longForms.Keys.Any(a => longForms.Keys.Any(b => !Related(a, b))))
            {
                continue;
            }

            var list = longForms.Keys.Order(StringComparer.Ordinal)
                .Select(l => new Sense(l, ids[abbreviations.MeaningKey[(shortForm, l)]], [])).ToArray();
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
            return result;
        }

        // Papers per concept, and per sense the papers that establish it and the concepts in them. One pass over
        // the 4.8M mentions of the 200k corpus: a paper's distinct concepts by a last-seen mark, not a set.
        var n = corpus.DocumentCount;
        var conceptOf = ids.Canonical;
        var papers = new int[ids.Count];
        var seenIn = new int[ids.Count];
        Array.Fill(seenIn, -1);
        var isSense = new bool[ids.Count];
        foreach (var c in senseOfConcept.Keys)
        {
            isSense[c] = true;
        }

        var contested = new bool[corpus.Keys.Count];
        foreach (var k in senses.Keys)
        {
            contested[k] = true;
        }

        var established = new Dictionary<(int ShortForm, int Sense), (int Papers, Dictionary<int, int> With)>();
        var concepts = new List<int>();
        var senseHere = new HashSet<(int, int)>();
        for (var d = 0; d < n; d++)
        {
            concepts.Clear();
            senseHere.Clear();
            var kinds = corpus.MentionKinds[d];
            var keys = corpus.MentionKeys[d];
            for (var m = 0; m < kinds.Length; m++)
            {
                if (kinds[m] is not (MentionKind.Term or MentionKind.LongForm) || contested[keys[m]])
                {
                    continue;
                }

                var c = conceptOf[keys[m]];
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

            foreach (var definition in corpus.Definitions[d].Where(AbbreviationResolver.IsUsable))
            {
                if (corpus.IdOf.TryGetValue(definition.ShortForm, out var k) && senses.TryGetValue(k, out var list))
                {
                    var spelled = spellings.MostFrequentSpelling(definition.LongKey);
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
                    && together * (double)n >= MarkerLift * count * papers[c] && together >= MarkerShare * papers[c])
                {
                    sense.Markers.Add(c);
                }
            }
        }

        return result;
    }

    /// <summary>The distinct concepts a document's terms and long forms stand for, but for the contested short forms, which stand for none yet.</summary>
    public void ConceptsOf(int d, HashSet<int> concepts)
    {
        concepts.Clear();
        var kinds = _corpus.MentionKinds[d];
        var keys = _corpus.MentionKeys[d];
        var conceptOf = _ids.Canonical;
        for (var m = 0; m < kinds.Length; m++)
        {
            if (kinds[m] is MentionKind.Term or MentionKind.LongForm && !ByShortForm.ContainsKey(keys[m]))
            {
                concepts.Add(conceptOf[keys[m]]);
            }
        }
    }

    /// <summary>
    /// The sense a bare use of a contested short form has in a document, or -1 without evidence: the one sense whose
    /// long form the paper writes; else the sense with the most of its markers among the paper's concepts, at least
    /// twice as many as any unrelated sense.
    /// </summary>
    public static int SenseOfBareUse(Sense[] senses, HashSet<int> concepts)
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
    public static bool Related(string a, string b)
    {
        var first = FirstWord(a);
        var other = FirstWord(b);
        var common = first.CommonPrefixLength(other);
        return common >= 5 || common == first.Length && common == other.Length;

        static ReadOnlySpan<char> FirstWord(string s) => s.IndexOf(' ') is var i and >= 0 ? s.AsSpan(0, i) : s;
    }
}

using PaperGraph.Concepts;
using PaperGraph.Concepts.Tests;

namespace PaperGraph.Nlp.Tests.Chunking;

public class NounPhraseChunkerTests
{
    [Theory]
    [InlineData("We study sample complexity in reinforcement learning.", "sample complexity|reinforcement learning")]
    [InlineData("We propose a novel low-rank adaptation method.", "low rank adaptation method")]
    [InlineData("The pre-trained language models are fine-tuned.", "pre trained language model")]
    [InlineData("Our approach improves the accuracy of 3D object detectors.", "approach|accuracy|3d object detector")]
    [InlineData("They trained three models on 12 benchmarks.", "model|benchmark")]
    [InlineData("This paper presents large language models for theorem proving.", "paper|large language model|theorem proving")]
    public void Terms_are_maximal_noun_phrases_without_vague_modifiers(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("Our model outperforms strong baselines.", "model|baseline")]
    [InlineData("SAM segments medical images.", "SAM|medical image")]
    [InlineData("We use time series data and sports cars.", "time series data|sports car")]
    public void A_verb_read_as_a_plural_noun_splits_the_term(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("We study the time series that drive markets.", "time series|market")]
    [InlineData("We build a gas lens that bends light.", "gas lens|light")]
    public void A_singular_noun_ending_in_s_before_that_is_not_a_verb(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("Building on prior work, we propose a sparse solver.", "work|sparse solver")]
    [InlineData("Drawing on tropical geometry, this note bounds the degree.", "tropical geometry|note|degree")]
    public void A_participle_opening_a_sentence_before_its_subject_is_not_a_term(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("Building energy consumption is modeled.", "building energy consumption")]
    [InlineData("Clustering of sparse graphs, the main topic, is hard.", "clustering|sparse graph|main topic")]
    public void A_gerund_naming_a_topic_stays_a_term(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("Our findings reveal that sparse solvers are fast.", "finding|sparse solver")]
    [InlineData("These experiments confirm the bound.", "experiment|bound")]
    [InlineData("Extensive evaluations reveal that sparse solvers are fast.", "evaluation|sparse solver")]
    public void A_verb_after_a_plural_subject_read_as_a_noun_ends_the_term(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("We study materials science that matters.", "materials science")]
    [InlineData("Sales data show the trend.", "sales data|trend")]
    public void A_plural_modifier_before_a_noun_is_not_a_verb_slip(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("The planar algebraic curve C has finitely many cusps.", "planar algebraic curve|cusp")]
    [InlineData("We solve the minimization problem P exactly.", "minimization problem")]
    [InlineData("Let the random graph G be sparse.", "random graph")]
    [InlineData("The generic fiber x_0 is smooth.", "generic fiber")]
    public void A_symbol_naming_an_instance_is_not_part_of_the_term(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("LCNs require Omega(kd) samples, establishing the gap.", "LCN|sample|gap")]
    [InlineData("We derive a mathcal{O}(varepsilon^{-2.5}) sample complexity.", "sample complexity")]
    [InlineData("The rate is poly(n) in the dimension.", "rate|dimension")]
    [InlineData("Omega is the sample space and epsilon is small.", "sample space")]
    [InlineData("The error epsilon is small for the rank.", "error|rank")]
    public void LaTeX_commands_functions_and_Greek_letter_names_are_not_terms(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    /// <summary>
    /// Capitals glued to an index or a unit are a formula or a unit, not an abbreviation: read as one, "SF$_6$" (sulphur
    /// hexafluoride) and "GS/s" (gigasamples per second) joined "SF" (star formation) and "GS" (ground state).
    /// </summary>
    [Theory]
    [InlineData("The SF$_6$ gas is inert.", "gas")]
    [InlineData("SF_6 and CO^2 molecules are heavy.", "molecule")]
    [InlineData("A 5 GS/s waveform digitizer samples pulses.", "waveform digitizer|pulse")]
    [InlineData("The link carries 10 Gb/s of traffic.", "link|traffic")]
    [InlineData("With a sampling rate of 5 GS/s, the oscilloscope resolves pulses.", "sampling rate|oscilloscope|pulse")]
    public void Capitals_glued_to_an_index_or_a_unit_are_not_terms(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    /// <summary>A past-tense verb right after its subject pronoun, read as an adjective, is not the start of a term.</summary>
    [Theory]
    [InlineData("We performed molecular dynamics simulations of water.", "molecular dynamics simulation|water")]
    [InlineData("They observed magnetic order in thin films.", "magnetic order|thin film")]
    public void A_verb_after_its_subject_pronoun_does_not_start_a_term(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("The generalized eigenvalue problem is solved.", "generalized eigenvalue problem")]
    [InlineData("It uses distributed training on clusters.", "distributed training")]
    public void A_participle_adjective_elsewhere_stays_in_the_term(string sentence, string kept)
    {
        Assert.Contains(kept, Extract.Keys(sentence));
    }

    /// <summary>A plural modifier before a noun that a relative clause follows is part of the term, not a subject and its verb.</summary>
    [Theory]
    [InlineData("We analyse the sales data that we collected.", "sales data")]
    [InlineData("We revisit the operations research that shaped logistics.", "operations research")]
    public void A_compound_before_a_relative_clause_keeps_its_head(string sentence, string kept)
    {
        Assert.Contains(kept, Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("Star formation (SF) is slow in halos, and SF is rare in voids.", "SF")]
    [InlineData("The GS algorithm and the TCP/IP stack are fast.", "GS algorithm")]
    [InlineData("The CO$_2$ emissions of GS methods grow.", "GS method")]
    [InlineData("We fine-tune BERT$_{base}$ on the corpus.", "BERT")]
    [InlineData("We compare GPT_4 with smaller models.", "GPT_4")]
    public void Abbreviations_not_glued_to_an_index_or_a_unit_stay(string sentence, string kept)
    {
        Assert.Contains(kept, Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("We study alpha particles and the beta function of the sigma model.", "alpha particle|beta function|sigma model")]
    [InlineData("The Dirac delta function is a distribution.", "dirac delta function|distribution")]
    [InlineData("The model(s) use transformer(s) for ranking.", "model|transformer")]
    public void Terms_named_after_Greek_letters_and_plural_marks_stay(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("Linear spaces consisting of these functions are introduced.", "linear space|function")]
    [InlineData("Fractal surfaces containing cusps are studied.", "fractal surface|cusp")]
    public void A_linking_verb_ends_the_term_even_when_read_as_a_noun(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("On the other hand, sparse models are fast.", "sparse model")]
    [InlineData("In contrast, dense retrievers need labels.", "dense retriever|label")]
    [InlineData("The bound is tight, in line with the graph results.", "bound|graph result")]
    [InlineData("In other words, the kernel is positive.", "kernel")]
    [InlineData("At first glance the estimator looks biased.", "estimator")]
    [InlineData("Such methods are exact in principle.", "method")]
    public void The_noun_of_a_linking_phrase_is_not_a_term(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("We read sparse coding through the lens of convex duality.", "sparse coding|convex duality")]
    [InlineData("Our experiments shed light on sparse attention.", "experiment|sparse attention")]
    [InlineData("The sampler sheds new light on tropical curves.", "sampler|tropical curve")]
    [InlineData("To shed some light on this question, we sample graphs.", "question|graph")]
    [InlineData("Random walks throw light on mixing.", "random walk|mixing")]
    [InlineData("Entropy bounds lie at the heart of coding theory.", "entropy bound|coding theory")]
    [InlineData("These bounds pave the way for faster solvers.", "bound|faster solver")]
    [InlineData("Kernels are revisited in the light of recent results.", "kernel|result")]
    [InlineData("Curvature plays a role in mixing.", "curvature|mixing")]
    [InlineData("Noise takes the shape into account.", "noise|shape")]
    [InlineData("Symmetry gives rise to conserved charges.", "symmetry|conserved charge")]
    [InlineData("The resolution of the problem at hand is slow.", "resolution|problem")]
    [InlineData("A host of sparse solvers is available.", "sparse solver")]
    public void The_noun_of_a_fixed_idiom_is_not_a_term(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("A convex lens focuses visible light.", "convex lens|visible light")]
    [InlineData("The heart rate of the patients was measured.", "heart rate|patient")]
    [InlineData("The lens of the camera scatters light on the sensor.", "lens|camera|light|sensor")]
    [InlineData("The host galaxy has a spectral gap.", "host galaxy|spectral gap")]
    public void The_same_nouns_outside_fixed_idioms_are_terms(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Theory]
    [InlineData("The points lie on a straight line.", "point|straight line")]
    [InlineData("The depth of the network grows.", "depth|network")]
    [InlineData("We study the variational principle and its contrast with baselines.", "variational principle|contrast|baseline")]
    public void The_same_nouns_outside_those_phrases_are_terms(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Extract.Keys(sentence));
    }

    [Fact]
    public void Terms_do_not_cross_determiners_verbs_or_punctuation()
    {
        var keys = Extract.Keys("The graph neural network, the dataset and a benchmark suite were released.");
        Assert.Equal(["graph neural network", "dataset", "benchmark suite"], keys);
    }

    [Fact]
    public void X_of_Y_phrases_are_proposed_with_their_parts()
    {
        var terms = Extract.Terms("We revisit the theory of mind in a mixture of experts.");
        var of = terms.Mentions.Where(m => m.Kind == MentionKind.OfPhrase).Select(m => m.Key).ToList();
        Assert.Equal(["theory of mind", "mixture of experts"], of);
        var mixture = terms.Mentions.Single(m => m.Key == "mixture of experts");
        Assert.Equal("mixture", terms.Mentions[mixture.PartA].Key);
        Assert.Equal("expert", terms.Mentions[mixture.PartB].Key);
    }

    [Fact]
    public void Shorter_terms_ending_a_longer_one_are_proposed_as_nested()
    {
        var nested = Extract.Keys("An online decision support system helps.", MentionKind.Nested);
        Assert.Equal(["decision support system", "support system"], nested);
    }

    [Theory]
    [InlineData("Large-scale pre-trained LLMs answer questions.")]
    [InlineData("An online decision-support system for GPT-4 agents helps.")]
    [InlineData("We build multi-head self-attention matrices quickly.")]
    [InlineData("Parameter-efficient fine-tuning analyses of LoRA-based adapters matter.")]
    public void A_nested_term_has_the_key_its_own_words_give(string sentence)
    {
        // Nested keys are cut from the longer term's key; they must equal the key of their own words.
        var terms = Extract.Terms(sentence);
        var nested = terms.Mentions.Where(m => m.Kind == MentionKind.Nested).ToList();
        Assert.NotEmpty(nested);
        Assert.All(nested, m => Assert.Equal(ConceptKeys.Key(m.Surface.Split(' ')), m.Key));
    }
}

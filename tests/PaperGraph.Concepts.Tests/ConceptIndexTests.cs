using PaperGraph.Concepts;

namespace PaperGraph.Concepts.Tests;

public class ConceptIndexTests
{
    private static ConceptIndex Build(params string[] abstracts) =>
        ConceptIndex.Build(abstracts.Select((a, i) => Extract.Terms(a, id: $"p{i}")).ToList(), new ConceptSettings());

    [Fact]
    public void Bare_acronym_joins_the_concept_defined_in_another_paper()
    {
        var index = Build(
            "We study reinforcement learning from human feedback (RLHF) for dialogue agents.",
            "RLHF improves helpfulness of chat assistants.");
        var rlhf = index.Concepts["RLHF"];
        Assert.Equal(2, rlhf.Documents);
        Assert.Equal("reinforcement learning from human feedback", rlhf.LongForm);
        Assert.Contains(index.ByDocument["p1"], c => c.Key == "RLHF");
    }

    [Fact]
    public void Long_form_without_its_acronym_joins_the_acronym_concept()
    {
        var index = Build(
            "Low-rank adaptation (LoRA) trains few parameters.",
            "We extend low-rank adaptation to vision transformers.");
        Assert.Equal(2, index.Concepts["LoRA"].Documents);
        Assert.False(index.Concepts.ContainsKey("low rank adaptation"));
    }

    [Fact]
    public void An_abbreviation_shows_its_long_form_as_most_often_written_and_keeps_the_key_for_matching()
    {
        var index = Build(
            "Low-Rank Adaptation (LoRA) trains few parameters.",
            "We extend low-rank adaptation (LoRA) to vision transformers.",
            "Our study of low-rank adaptation (LoRA) covers speech.",
            "Mixtures of large language models (LLMs) answer questions; large language models (LLMs) also write code.");

        var lora = index.Concepts["LoRA"];
        Assert.Equal("low rank adaptation", lora.LongForm);
        Assert.Equal("low-rank adaptation", lora.LongFormName);
        Assert.Equal("low-rank adaptation", lora.ToSummary().LongForm);
        Assert.Equal("large language models", index.Concepts["LLM"].LongFormName);
    }

    [Fact]
    public void A_frequent_one_word_term_used_mostly_before_of_is_generic()
    {
        // 30 papers use "existence" four times, three of them as "the existence of" (each X of Y phrase in one paper only,
        // so none is a fixed phrase); "entanglement" three times, never before "of". 90 other papers make both terms
        // specific to those 30 (residual IDF well above the generic limit).
        string[] things =
        [
            "orbits", "waves", "knots", "loops", "cycles", "paths", "trees", "rings", "fields", "modes", "bonds", "cells",
            "chains", "sets", "maps", "groups", "graphs", "codes", "games", "walls", "holes", "cones", "tubes", "sheets",
            "grains", "pores", "cracks", "flows", "jets", "vortices", "solitons", "defects", "domains", "clusters",
            "islands", "bubbles", "droplets", "fibers", "filaments", "layers", "membranes", "networks", "nodes", "edges",
            "faces", "spheres", "tori", "lattices", "crystals", "glasses", "polymers", "colloids", "foams", "gels",
            "plasmas", "shocks", "fronts", "spirals", "ripples", "kinks",
        ];
        var documents = Enumerable.Range(0, 30)
            .Select(i => Extract.Terms($"We prove the existence of {things[i]}, the existence of {things[30 + i]} and the existence of linked {things[i]}. Existence is rare. "
                + "We measure entanglement in spin chains and entanglement in qubits. The entanglement is large.", id: $"p{i}"))
            .Concat(Enumerable.Range(0, 90).Select(i => Extract.Terms($"Filler abstract number {i} describes sparse routing.", id: $"f{i}")))
            .ToList();

        var byDefault = ConceptIndex.Build(documents, new ConceptSettings());
        var lenient = ConceptIndex.Build(documents, new ConceptSettings(GenericMinOfShare: 0.8));

        Assert.False(byDefault.Concepts.ContainsKey("existence"));
        Assert.True(byDefault.Concepts.ContainsKey("entanglement"));
        Assert.DoesNotContain(byDefault.ByDocument["p0"], c => c.Key == "existence");
        Assert.True(lenient.Concepts.ContainsKey("existence"));
        Assert.Equal(30, lenient.Concepts["existence"].Documents);
    }

    [Fact]
    public void Acronym_with_two_long_forms_stays_two_concepts()
    {
        var index = Build(
            "The segment anything model (SAM) masks objects.",
            "Sharpness-aware minimization (SAM) finds flat minima.",
            "We apply the segment anything model (SAM) to cells.",
            "SAM segments medical images.");
        Assert.Equal("segment anything model", index.Concepts["SAM"].LongForm);
        Assert.Equal("sharpness aware minimization", index.Concepts["SAM (sharpness aware minimization)"].LongForm);

        // Four papers give no evidence of which SAM the last one means: its bare use is left out, not guessed.
        Assert.Equal(2, index.Concepts["SAM"].Documents);
        Assert.DoesNotContain(index.ByDocument["p3"], c => c.Key.StartsWith("SAM", StringComparison.Ordinal));
    }

    [Fact]
    public void A_piece_the_corpus_nearly_always_uses_inside_a_longer_term_is_not_counted_there()
    {
        // "element method" stands alone once and sits inside "finite element method" in 20 papers: a piece. "neural
        // network" stands alone in 4 papers and inside "graph neural network" in 10: a term of its own in all 14.
        var documents = Enumerable.Range(0, 20).Select(i => $"We solve elasticity problem {i} with the finite element method on meshes.")
            .Append("An element method is cheap.")
            .Concat(Enumerable.Range(0, 10).Select(i => $"A graph neural network classifies molecule set {i}."))
            .Concat(Enumerable.Range(0, 4).Select(i => $"A neural network predicts stock series {i}."))
            .ToArray();

        var terms = documents.Select((a, i) => Extract.Terms(a, id: $"p{i}")).ToList();
        var index = ConceptIndex.Build(terms, new ConceptSettings());
        var anyStandalone = ConceptIndex.Build(terms, new ConceptSettings(MinStandaloneShare: 0));

        Assert.DoesNotContain(index.ByDocument["p0"], c => c.Key == "element method");
        Assert.Contains(anyStandalone.ByDocument["p0"], c => c.Key == "element method");
        Assert.Equal(14, index.Concepts["neural network"].Documents);
    }

    [Fact]
    public void A_bare_use_of_an_abbreviation_with_unrelated_meanings_joins_one_only_with_evidence()
    {
        string[] abstracts =
        [
            "Searches for new physics (NP) at the hadron collider probe the Higgs boson.",
            "We bound new physics (NP) with hadron collider data on the Higgs boson.",
            "New physics (NP) in rare decays is tested at the hadron collider with the Higgs boson.",
            "Noun phrases (NP) help syntactic parsers.",
            "The hadron collider may reveal NP through the Higgs boson.",
            "Graph coloring lies in NP for planar graphs.",
            "We tag noun phrases, and NP chunking is fast.",
            .. Enumerable.Range(0, 20).Select(i => $"Filler abstract {i} studies sparse routing tables."),
        ];
        var index = Build(abstracts);

        Assert.Equal("new physics", index.Concepts["NP"].LongForm);
        Assert.Contains(index.ByDocument["p4"], c => c.Key == "NP");
        Assert.DoesNotContain(index.ByDocument["p5"], c => c.Key.StartsWith("NP", StringComparison.Ordinal));
        Assert.Contains(index.ByDocument["p6"], c => c.Key == "NP (noun phrase)");
        Assert.DoesNotContain(index.ByDocument["p6"], c => c.Key == "NP");
    }

    [Fact]
    public void An_abbreviation_used_bare_far_more_than_defined_joins_its_long_form_where_the_paper_shows_that_meaning()
    {
        // Defined once, used bare in 23 papers (more than 20 per definition): bare uses need evidence. 22 of them share
        // the defining paper's reward model; the one about farmland does not and stays apart.
        string[] abstracts =
        [
            "Reinforcement learning from human feedback (RLHF) aligns chat assistants with a reward model.",
            .. Enumerable.Range(0, 22).Select(i => $"RLHF tunes assistant {i} against a reward model."),
            "Farmland near the RLHF is cheap.",
            .. Enumerable.Range(0, 100).Select(i => $"Filler abstract {i} studies sparse routing tables."),
        ];
        var index = Build(abstracts);

        var aligned = Assert.Single(index.ByDocument["p1"], c => c.Key.StartsWith("RLHF", StringComparison.Ordinal));
        Assert.Equal("reinforcement learning from human feedback", index.Concepts[aligned.Key].LongForm);
        Assert.Equal(23, index.Concepts[aligned.Key].Documents);
        var farmland = Assert.Single(index.ByDocument["p23"], c => c.Key.StartsWith("RLHF", StringComparison.Ordinal));
        Assert.Null(index.Concepts[farmland.Key].LongForm);
    }

    [Fact]
    public void A_paper_that_defines_a_short_form_otherwise_does_not_lend_its_uses_to_the_corpus_meaning()
    {
        // "SF" is star formation in two papers; the third defines it as superfluid, a long form of one word, which is
        // no abbreviation concept: its SF is not star formation.
        var index = Build(
            "Star formation (SF) in dwarf galaxies is bursty.",
            "We measure star formation (SF) rates in clusters.",
            "The superfluid (SF) phase of cold atoms is stable, and the SF gap closes.");

        Assert.Equal(2, index.Concepts["SF"].Documents);
        Assert.DoesNotContain(index.ByDocument["p2"], c => c.Key == "SF");
    }

    [Fact]
    public void Spelling_variants_become_one_concept_with_every_alias()
    {
        var index = Build("We study finetuning of encoders.", "Fine-tuning is cheap.", "We apply fine tuning to retrieval.");
        var concept = index.Concepts["fine tuning"];
        Assert.Equal(3, concept.Documents);
        Assert.Contains("finetuning", concept.Aliases.Keys);
        Assert.Contains("Fine-tuning", concept.Aliases.Keys);
        Assert.False(index.Concepts.ContainsKey("finetuning"));
    }

    [Fact]
    public void Fixed_of_phrases_are_kept_and_one_off_ones_are_not()
    {
        var index = Build(
            "We train a mixture of experts on text.",
            "The mixture of experts is sparse.",
            "A review of methods for graphs.");
        Assert.True(index.Concepts.ContainsKey("mixture of experts"));
        Assert.False(index.Concepts.ContainsKey("review of methods"));
    }

    [Fact]
    public void Boilerplate_is_not_a_concept()
    {
        var index = Build("Our method achieves state-of-the-art performance. Extensive experiments confirm our approach.");
        Assert.False(index.Concepts.ContainsKey("method"));
        Assert.False(index.Concepts.ContainsKey("performance"));
        Assert.False(index.Concepts.ContainsKey("extensive experiment"));
        Assert.False(index.Concepts.ContainsKey("approach"));
    }

    [Fact]
    public void Residual_idf_separates_clustered_terms_from_spread_ones()
    {
        // 100 documents: a term used 3 times in each of 5 documents clusters; one used once in each of 15 is spread.
        Assert.True(ConceptIndex.ResidualIdf(5, 15, 100) > 1.0);
        Assert.True(ConceptIndex.ResidualIdf(15, 15, 100) < 0.1);
    }

    [Fact]
    public void Concepts_in_the_title_rank_first_in_their_paper()
    {
        var index = ConceptIndex.Build([Extract.Terms("We compare graph kernels and message passing on molecules.", title: "Message passing for chemistry")], new ConceptSettings());
        Assert.Equal("message passing", index.ByDocument["d"][0].Key);
    }

    /// <summary>
    /// A word every paper uses for something else ("theory") against a topic a few papers are about ("spin glasses"):
    /// the topic has the higher keyphraseness, so the higher relevance, although fewer papers mention it.
    /// </summary>
    [Fact]
    public void Relevance_counts_the_papers_about_a_concept_not_the_papers_that_use_the_word()
    {
        var index = Build(
            "Spin glasses with long-range interactions. We simulate spin glasses on sparse graphs; the theory predicts slow relaxation.",
            "Aging in spin glasses. Spin glasses age after a quench, and our theory explains the droplet picture.",
            "Chaos in spin glasses. Temperature chaos in spin glasses is weak, as the theory of large simulations indicates.",
            "Fast sorting of short keys. We sort short keys with radix passes; the theory bounds comparison sorts.",
            "Protein folding on lattices. Lattice proteins fold quickly, and the theory matches the funnel picture.",
            "Rainfall in mountain valleys. Valleys trap rainfall, and the theory explains local floods.");
        var topic = index.Concepts["spin glass"];
        var word = index.Concepts["theory"];
        Assert.Equal((3, 6), (topic.Documents, word.Documents));
        Assert.InRange(topic.Keyphraseness, 0, 1);
        Assert.InRange(word.Keyphraseness, 0, 1);
        Assert.True(topic.Keyphraseness > 2 * word.Keyphraseness, $"{topic.Keyphraseness} against {word.Keyphraseness}");
        Assert.True(topic.Relevance > word.Relevance);
        foreach (var concept in new[] { topic, word })
        {
            var mean = index.ByDocument.Values.SelectMany(d => d).Where(c => c.Key == concept.Key).Average(c => c.Score);
            Assert.Equal(mean, concept.Keyphraseness, 12);
            Assert.Equal(concept.Documents * mean * mean, concept.Relevance, 12);
        }
    }
}

using PaperGraph.Concepts;
using PaperGraph.Nlp.Morphology;

namespace PaperGraph.Concepts.Tests;

public class ConceptKeysTests
{
    [Theory]
    [InlineData("fine-tuning", "fine tuning")]
    [InlineData("Fine\u2013Tuning", "fine tuning")]
    [InlineData("Large Language Models", "large language model")]
    [InlineData("Low-Rank Adaptation", "low rank adaptation")]
    [InlineData("LLMs", "LLM")]
    [InlineData("LoRA", "LoRA")]
    [InlineData("GPT-4 agents", "GPT 4 agent")]
    [InlineData("meta-analyses", "meta analysis")]
    [InlineData("evaluation criteria", "evaluation criterion")]
    [InlineData("training data", "training data")]
    [InlineData("case studies", "case study")]
    [InlineData("attention matrices", "attention matrix")]
    [InlineData("loss functions", "loss function")]
    [InlineData("model classes", "model class")]
    [InlineData("time series", "time series")]
    [InlineData("graph dynamics", "graph dynamics")]
    [InlineData("Mixtures of Experts", "mixture of experts")]
    [InlineData("input/output pairs", "input output pair")]
    public void Key_unifies_case_hyphens_and_number(string surface, string key)
    {
        Assert.Equal(key, ConceptKeys.Key(surface));
    }

    [Theory]
    [InlineData("analyses", "analysis")]
    [InlineData("phenomena", "phenomenon")]
    [InlineData("policies", "policy")]
    [InlineData("boxes", "box")]
    [InlineData("approaches", "approach")]
    [InlineData("corpora", "corpus")]
    [InlineData("status", "status")]
    [InlineData("bias", "bias")]
    [InlineData("data", "data")]
    [InlineData("physics", "physics")]
    [InlineData("process", "process")]
    public void Singular_knows_regular_and_irregular_plurals(string plural, string singular)
    {
        Assert.Equal(singular, NounForms.Singular(plural));
    }

    [Theory]
    [InlineData("biases", "bias")]
    [InlineData("aliases", "alias")]
    [InlineData("electrolyses", "electrolysis")]
    [InlineData("prostheses", "prosthesis")]
    [InlineData("psychoses", "psychosis")]
    [InlineData("viruses", "virus")]
    [InlineData("statuses", "status")]
    [InlineData("bonuses", "bonus")]
    [InlineData("campuses", "campus")]
    [InlineData("gases", "gas")]
    [InlineData("movies", "movie")]
    [InlineData("bayes", "bayes")]
    [InlineData("causes", "cause")]
    [InlineData("houses", "house")]
    [InlineData("uses", "use")]
    [InlineData("misuses", "misuse")]
    [InlineData("cases", "case")]
    [InlineData("phases", "phase")]
    [InlineData("databases", "database")]
    [InlineData("purposes", "purpose")]
    [InlineData("doses", "dose")]
    [InlineData("eyes", "eye")]
    [InlineData("phobias", "phobia")]
    [InlineData("premises", "premises")]
    public void Singular_follows_the_morphology_of_words_ending_in_s(string plural, string singular)
    {
        Assert.Equal(singular, NounForms.Singular(plural));
    }

    [Theory]
    [InlineData("naive Bayes", "naive bayes")]
    [InlineData("Empirical Bayes", "empirical bayes")]
    [InlineData("Navier-Stokes", "navier stokes")]
    [InlineData("Navier-Stokes equations", "navier stokes equation")]
    [InlineData("Metropolis-Hastings", "metropolis hastings")]
    [InlineData("Yang-Mills", "yang mills")]
    [InlineData("Gauss", "gauss")]
    [InlineData("Lyapunov exponents", "lyapunov exponent")]
    [InlineData("Pre-Trained Models", "pre trained model")]
    [InlineData("Q-Values", "q value")]
    [InlineData("Mixture-of-Experts", "mixture of experts")]
    public void Names_ending_in_s_keep_it_and_plurals_after_them_do_not(string surface, string key)
    {
        Assert.Equal(key, ConceptKeys.Key(surface));
    }

    [Fact]
    public void Joined_and_spaced_spellings_share_a_compact_form()
    {
        Assert.Equal(ConceptKeys.Compact(ConceptKeys.Key("finetuning")), ConceptKeys.Compact(ConceptKeys.Key("fine-tuning")));
    }
}

using PaperGraph.Concepts;
using PaperGraph.Concepts.Tests;

namespace PaperGraph.Nlp.Tests.Abbreviations;

public class AbbreviationDetectorTests
{
    [Theory]
    [InlineData("We use Reinforcement Learning from Human Feedback (RLHF) to align models.", "RLHF=reinforcement learning from human feedback")]
    [InlineData("Low-Rank Adaptation (LoRA) adds few parameters.", "LoRA=low rank adaptation")]
    [InlineData("Recent large language models (LLMs) reason well.", "LLM=large language model")]
    [InlineData("We build on RLHF (reinforcement learning from human feedback) pipelines.", "RLHF=reinforcement learning from human feedback")]
    [InlineData("A mixture of experts (MoE; Shazeer et al.) routes tokens.", "MoE=mixture of experts")]
    [InlineData("We train a state space model (SSM, in short) on audio.", "SSM=state space model")]
    [InlineData("We propose the Segment Anything Model (SAM) for masks.", "SAM=segment anything model")]
    [InlineData("We align it with Proximal Policy Optimization (PPO) and rewards.", "PPO=proximal policy optimization")]
    [InlineData("Our method, Set Supervised Fine-Tuning (SSFT), helps.", "SSFT=set supervised fine tuning")]
    [InlineData("The results (see Table 2 (b)) are strong.", "")]
    [InlineData("We evaluate graph neural networks (XYZ) on molecules.", "")]
    [InlineData("Accuracy rose (p < 0.05) in all runs (N = 12).", "")]
    public void Detect_finds_short_forms_and_long_forms(string sentence, string expected)
    {
        var found = Extract.Terms(sentence).Definitions.Select(d => $"{d.ShortForm}={d.LongKey}");
        Assert.Equal(expected.Length == 0 ? [] : expected.Split('|'), found);
    }

    [Fact]
    public void Long_form_and_short_form_become_mentions_and_their_words_are_not_separate_terms()
    {
        var terms = Extract.Terms("Reinforcement Learning from Human Feedback (RLHF) aligns models.");
        Assert.Contains(terms.Mentions, m => m.Kind == MentionKind.LongForm && m.Surface == "Reinforcement Learning from Human Feedback");
        Assert.Contains(terms.Mentions, m => m.Kind == MentionKind.ShortForm && m.Key == "RLHF");
        Assert.DoesNotContain(terms.Mentions, m => m.Kind == MentionKind.Term && m.Key is "human feedback" or "reinforcement learning");
    }

    [Fact]
    public void A_long_form_defined_in_the_abstract_is_recognised_in_the_title()
    {
        var terms = Extract.Terms("We study reinforcement learning from human feedback (RLHF) for chat.", title: "Reinforcement Learning from Human Feedback for Dialogue");
        var longForms = terms.Mentions.Where(m => m.Kind == MentionKind.LongForm).ToList();
        Assert.Equal(2, longForms.Count);
        Assert.True(longForms[0].InTitle);
        Assert.Single(terms.Definitions);
        Assert.DoesNotContain(terms.Mentions, m => m.Key == "reinforcement learning" || m.Key == "human feedback");
    }
}

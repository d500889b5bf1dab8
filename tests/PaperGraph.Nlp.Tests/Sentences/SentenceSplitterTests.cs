using PaperGraph.Nlp.Sentences;
using PaperGraph.Nlp.Tokenization;

namespace PaperGraph.Nlp.Tests.Sentences;

public class SentenceSplitterTests
{
    /// <summary>The sentences of <paramref name="text"/>, each as the text from its first to its last token, joined by " || ".</summary>
    private static string Sentences(string text)
    {
        var tokens = Tokenizer.Default.Tokenize(text);
        var sentences = SentenceSplitter.Default.Split(text, tokens);
        return string.Join(" || ", sentences.Select(s => text[tokens[s.Start].Start..tokens[s.End - 1].End]));
    }

    [Theory]
    [InlineData("We propose X. It works well! Does it scale? Yes.", "We propose X. || It works well! || Does it scale? || Yes.")]
    [InlineData("Methods, e.g. LoRA, help. Prior work (Smith et al. 2020) agrees.", "Methods, e.g. LoRA, help. || Prior work (Smith et al. 2020) agrees.")]
    [InlineData("As shown in Fig. 3 and Eq. 2, it helps.", "As shown in Fig. 3 and Eq. 2, it helps.")]
    [InlineData("Accuracy rose from 0.85 to 0.91. Loss fell.", "Accuracy rose from 0.85 to 0.91. || Loss fell.")]
    [InlineData("Work by J. Smith and A. B. Jones shows this.", "Work by J. Smith and A. B. Jones shows this.")]
    [InlineData("We compare LoRA, adapters, etc. The results differ.", "We compare LoRA, adapters, etc. || The results differ.")]
    [InlineData("We compare LoRA, adapters, etc. and prompts.", "We compare LoRA, adapters, etc. and prompts.")]
    [InlineData("As Smith et al. Show, it works.", "As Smith et al. || Show, it works.")]
    [InlineData("It was built in the U.S. The team grew.", "It was built in the U.S. || The team grew.")]
    [InlineData("He said \u201Cit works.\u201D Then he left.", "He said \u201Cit works.\u201D || Then he left.")]
    [InlineData("(This is an aside.) Next sentence.", "(This is an aside.) || Next sentence.")]
    [InlineData("It waits... Then it runs. And it ends... quietly.", "It waits... || Then it runs. || And it ends... quietly.")]
    [InlineData("A heading without a stop\n\nThe body starts here.", "A heading without a stop || The body starts here.")]
    [InlineData("A line that wraps\nin the middle. Next.", "A line that wraps\nin the middle. || Next.")]
    [InlineData("No final stop", "No final stop")]
    public void Split_finds_sentence_boundaries(string text, string expected)
    {
        Assert.Equal(expected, Sentences(text));
    }

    [Fact]
    public void Split_of_no_tokens_gives_no_sentence()
    {
        Assert.Empty(SentenceSplitter.Default.Split("", []));
    }

    [Fact]
    public void Sentences_cover_every_token_once_in_order()
    {
        const string text = "One. Two! Three? (Four.) Five... Six, e.g. seven. Eight etc. Nine";
        var tokens = Tokenizer.Default.Tokenize(text);
        var sentences = SentenceSplitter.Default.Split(text, tokens);
        var next = 0;
        foreach (var sentence in sentences)
        {
            Assert.Equal(next, sentence.Start);
            Assert.True(sentence.Length > 0);
            next = sentence.End;
        }

        Assert.Equal(tokens.Length, next);
    }
}

using PaperGraph.Ingest.Text;

namespace PaperGraph.Ingest.Tests.Text;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("  two   spaces\tand\ttabs \n ", "two spaces and tabs")]
    [InlineData("\uFB01ne-tuning", "fine-tuning")]
    [InlineData("non\u00A0breaking", "non breaking")]
    [InlineData("soft\u00ADhyphen", "softhyphen")]
    [InlineData("zero\u200Bwidth", "zerowidth")]
    [InlineData("compu-\ntation", "computation")]
    [InlineData("self-\nsupervised", "self-supervised")]
    [InlineData("state-of-the-\nart", "state-of-the-art")]
    [InlineData("GPT-\n4 and BERT-\nLarge", "GPT-4 and BERT-Large")]
    [InlineData("Vision- Language Models", "Vision-Language Models")]
    [InlineData("pre- and post-training", "pre- and post-training")]
    [InlineData("Schr\\\"odinger and Erd\\H{o}s and G\\\"{o}del", "Schrödinger and Erdős and Gödel")]
    [InlineData("{\\'e}cole", "école")]
    [InlineData("{M\\\"{o}}bius", "{Mö}bius")]
    [InlineData("\\alpha and \\omega stay", "\\alpha and \\omega stay")]
    [InlineData("already clean", "already clean")]
    public void Normalize_cleans_text_as_expected(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));

    [Fact]
    public void Clean_text_is_returned_without_a_copy()
    {
        var text = "A clean sentence, with punctuation (and brackets).";

        Assert.Same(text, TextNormalizer.Normalize(text));
    }
}

using PaperGraph.Concepts;

namespace PaperGraph.Concepts.Tests;

public class DocumentTermsBinaryTests
{
    private static DocumentTerms Sample() =>
        Extract.Terms("Low-rank adaptation (LoRA) of a mixture of experts in \"quotes\" \u2014 with \u00E9l\u00E8ve data. LoRA adapters are small.",
            title: "Théorie of LoRA", id: "2401.00001");

    [Fact]
    public void Terms_round_trip()
    {
        var terms = Sample();
        var read = DocumentTermsBinary.Read(DocumentTermsBinary.Write(terms))!;

        Assert.Equal((terms.Id, terms.Tokens, terms.Sentences), (read.Id, read.Tokens, read.Sentences));
        Assert.Equal(terms.Mentions, read.Mentions);
        Assert.Equal(terms.Definitions, read.Definitions);
        Assert.NotEmpty(read.Definitions);
        Assert.Contains(read.Mentions, m => m.InTitle);
        Assert.Contains(read.Mentions, m => m is { Kind: MentionKind.Term, BeforeOf: true, Key: "mixture" });
        Assert.Contains(read.Mentions, m => m is { Kind: MentionKind.Term, BeforeOf: false });
        Assert.Contains(read.Mentions, m => m.Kind == MentionKind.OfPhrase && m.PartA >= 0 && m.PartB >= 0);
        Assert.Contains(read.Mentions, m => m.Surface != m.Key);
    }

    [Fact]
    public void Large_numbers_and_long_strings_round_trip()
    {
        var longKey = string.Concat(Enumerable.Repeat("très long terme ", 40));
        var terms = new DocumentTerms("id", tokens: 300_000, sentences: 128);
        terms.Mentions.Add(new TermMention(longKey, longKey.ToUpperInvariant(), MentionKind.Nested, int.MaxValue - 1, 127, InTitle: true, PartA: 16_384, PartB: -1));
        terms.Mentions.Add(new TermMention("", "", MentionKind.Term, 0, 0, InTitle: false));
        terms.Mentions.Add(new TermMention("x", "X", MentionKind.Nested, 1, 1, InTitle: true, BeforeOf: true));

        var read = DocumentTermsBinary.Read(DocumentTermsBinary.Write(terms))!;

        Assert.Equal((300_000, 128), (read.Tokens, read.Sentences));
        Assert.Equal(terms.Mentions, read.Mentions);
    }

    [Fact]
    public void A_pool_shares_equal_strings_between_papers()
    {
        var bytes = DocumentTermsBinary.Write(Sample());
        var strings = new StringPool();
        var first = DocumentTermsBinary.Read(bytes, strings)!;
        var held = strings.Count;
        var second = DocumentTermsBinary.Read(bytes, strings)!;

        Assert.Equal(held, strings.Count);
        Assert.All(first.Mentions.Zip(second.Mentions), pair => Assert.Same(pair.First.Key, pair.Second.Key));
        Assert.NotSame(DocumentTermsBinary.Read(bytes)!.Mentions[0].Key, first.Mentions[0].Key);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'v', (byte)'"' })]
    public void Records_of_another_format_read_as_null(byte[] bytes) => Assert.Null(DocumentTermsBinary.Read(bytes));

    [Fact]
    public void A_cut_or_padded_record_is_a_format_error()
    {
        var bytes = DocumentTermsBinary.Write(Sample());

        Assert.Throws<FormatException>(() => DocumentTermsBinary.Read(bytes.AsSpan(0, bytes.Length - 3)));
        Assert.Throws<FormatException>(() => DocumentTermsBinary.Read([.. bytes, 0]));
    }
}

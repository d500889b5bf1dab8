using Microsoft.Extensions.Logging.Abstractions;
using PaperGraph.Concepts;
using PaperGraph.Concepts.Index;
using static PaperGraph.Concepts.Tests.Index.HandWrittenTerms;

namespace PaperGraph.Concepts.Tests.Index;

public class AbbreviationSensesTests
{
    [Fact]
    public void Each_sense_of_a_contested_short_form_is_marked_by_the_concepts_of_its_own_papers()
    {
        // NP is new physics in three papers about the Higgs boson and noun phrase in one about parsers: unrelated long
        // forms, so bare uses need evidence, and each sense gets its own markers.
        DocumentTerms[] documents =
        [
            .. Enumerable.Range(0, 3).Select(i => Document($"p{i}").Defines("NP", "new physics").Terms("higgs boson", $"collider run {i}")),
            Document("q").Defines("NP", "noun phrase").Terms("parser"),
            Document("bare").Terms("NP", "higgs boson"),
            .. Fillers(20),
        ];
        var corpus = CorpusKeys.Gather(documents);
        var merger = new VariantMerger(corpus);
        var meanings = AbbreviationResolver.Resolve(corpus, merger, new ConceptSettings(), NullLogger.Instance);
        var ids = merger.Merge(meanings, thesaurus: null);

        var senses = AbbreviationSenses.Find(corpus, merger, meanings, ids).ByShortForm[corpus.IdOf["NP"]];

        Assert.Equal(new[] { "new physics", "noun phrase" }, senses.Select(s => s.LongForm));
        Assert.Equal(new[] { ids["NP"], ids["NP (noun phrase)"] }, senses.Select(s => s.Concept));
        int higgs = ids["higgs boson"], parser = ids["parser"];
        Assert.Contains(higgs, senses[0].Markers);
        Assert.DoesNotContain(parser, senses[0].Markers);
        Assert.Contains(parser, senses[1].Markers);
        Assert.DoesNotContain(higgs, senses[1].Markers);
    }

    [Theory]
    [InlineData(new[] { 10 }, 10)] // the paper writes one long form out
    [InlineData(new[] { 10, 20 }, -1)] // it writes both unrelated long forms: no evidence either way
    [InlineData(new[] { 1, 2, 3 }, 10)] // two markers of new physics against one of noun phrase
    [InlineData(new[] { 1, 3 }, -1)] // one marker each
    [InlineData(new[] { 4, 5 }, -1)] // no marker at all
    public void A_bare_use_joins_a_sense_only_with_evidence_from_its_paper(int[] concepts, int expected)
    {
        Sense[] senses =
        [
            new("new physics", 10, [1, 2]),
            new("noun phrase", 20, [3]),
        ];

        Assert.Equal(expected, AbbreviationSenses.SenseOfBareUse(senses, [.. concepts]));
    }

    [Fact]
    public void Related_long_forms_written_together_still_give_the_bare_use_a_sense()
    {
        Sense[] senses =
        [
            new("recurrent neural network", 10, []),
            new("recurrent NN", 20, []),
        ];

        Assert.Equal(20, AbbreviationSenses.SenseOfBareUse(senses, [10, 20]));
        Assert.True(AbbreviationSenses.Related("molecular dynamics", "molecular dynamics simulation"));
        Assert.False(AbbreviationSenses.Related("new physics", "noun phrase"));
    }
}

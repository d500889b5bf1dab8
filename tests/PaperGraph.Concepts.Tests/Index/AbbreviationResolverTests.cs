using Microsoft.Extensions.Logging.Abstractions;
using PaperGraph.Concepts;
using PaperGraph.Concepts.Index;
using static PaperGraph.Concepts.Tests.Index.HandWrittenTerms;

namespace PaperGraph.Concepts.Tests.Index;

public class AbbreviationResolverTests
{
    private static (CorpusKeys Corpus, AbbreviationMeanings Meanings) Resolve(IReadOnlyList<DocumentTerms> documents, ConceptSettings? settings = null)
    {
        var corpus = CorpusKeys.Gather(documents);
        return (corpus, AbbreviationResolver.Resolve(corpus, new VariantMerger(corpus), settings ?? new ConceptSettings(), NullLogger.Instance));
    }

    [Fact]
    public void A_contested_short_form_keeps_each_meaning_apart_and_the_more_frequent_keeps_the_short_form()
    {
        DocumentTerms[] documents =
        [
            Document("p0").Defines("SAM", "segment anything model"),
            Document("p1").Defines("SAM", "segment anything model"),
            Document("p2").Defines("SAM", "sharpness aware minimization"),
            Document("p3").Terms("SAM"),
        ];

        var (_, meanings) = Resolve(documents);

        Assert.Equal(new Dictionary<string, int> { ["segment anything model"] = 2, ["sharpness aware minimization"] = 1 }, meanings.Meanings["SAM"]);
        Assert.Equal("SAM", meanings.MeaningKey[("SAM", "segment anything model")]);
        Assert.Equal("SAM (sharpness aware minimization)", meanings.MeaningKey[("SAM", "sharpness aware minimization")]);
        Assert.Equal("SAM (sharpness aware minimization)", meanings.LongToConcept["sharpness aware minimization"]);
        Assert.Equal("SAM", meanings.DefaultMeaning["SAM"]);
    }

    [Fact]
    public void A_short_form_used_bare_far_more_often_than_defined_has_no_default_meaning()
    {
        // Defined once, used bare in three papers: more than twice per definition.
        DocumentTerms[] documents =
        [
            Document("p0").Defines("GeV", "germanium vacancy"),
            Document("p1").Terms("GeV", "proton"),
            Document("p2").Terms("GeV", "muon"),
            Document("p3").Terms("GeV", "neutrino"),
        ];

        var (_, strict) = Resolve(documents, new ConceptSettings(MaxBareUsesPerDefinition: 2));
        var (_, lenient) = Resolve(documents, new ConceptSettings(MaxBareUsesPerDefinition: 3));

        Assert.Equal("GeV (germanium vacancy)", strict.MeaningKey[("GeV", "germanium vacancy")]);
        Assert.False(strict.DefaultMeaning.ContainsKey("GeV"));
        Assert.Equal("GeV", lenient.MeaningKey[("GeV", "germanium vacancy")]);
        Assert.Equal("GeV", lenient.DefaultMeaning["GeV"]);
    }

    [Fact]
    public void Long_forms_count_in_their_most_frequent_spelling_and_one_word_long_forms_are_no_meaning()
    {
        DocumentTerms[] documents =
        [
            Document("p0").Defines("LoRA", "low rank adaptation"),
            Document("p1").Defines("LoRA", "low rank adaptation"),
            Document("p2").Defines("LoRA", "lowrank adaptation"),
            Document("p3").Defines("SF", "superfluid"),
        ];

        var (_, meanings) = Resolve(documents);

        Assert.Equal(new Dictionary<string, int> { ["low rank adaptation"] = 3 }, meanings.Meanings["LoRA"]);
        Assert.False(meanings.Meanings.ContainsKey("SF"));
    }
}

using Microsoft.Extensions.Logging.Abstractions;
using PaperGraph.Concepts;
using PaperGraph.Concepts.Index;
using static PaperGraph.Concepts.Tests.Index.HandWrittenTerms;

namespace PaperGraph.Concepts.Tests.Index;

public class VariantMergerTests
{
    private static (CorpusKeys Corpus, VariantMerger Merger, ConceptIds Ids) Merge(params DocumentTerms[] documents)
    {
        var corpus = CorpusKeys.Gather(documents);
        var merger = new VariantMerger(corpus);
        var meanings = AbbreviationResolver.Resolve(corpus, merger, new ConceptSettings(), NullLogger.Instance);
        return (corpus, merger, merger.Merge(meanings, thesaurus: null));
    }

    private static string ConceptOf(CorpusKeys corpus, ConceptIds ids, string key) => ids.Keys[ids.Canonical[corpus.IdOf[key]]];

    [Fact]
    public void Spelling_variants_and_long_forms_merge_into_one_concept()
    {
        var (corpus, merger, ids) = Merge(
            Document("p0").Terms("finetuning"),
            Document("p1").Terms("fine tuning", "fine tuning"),
            Document("p2").Defines("LoRA", "low rank adaptation"),
            Document("p3").Terms("lowrank adaptation"));

        Assert.Equal("fine tuning", merger.MostFrequentSpelling("finetuning"));
        Assert.Equal("fine tuning", ConceptOf(corpus, ids, "finetuning"));
        Assert.Equal("fine tuning", ConceptOf(corpus, ids, "fine tuning"));
        Assert.Equal("LoRA", ConceptOf(corpus, ids, "low rank adaptation"));
        Assert.Equal("LoRA", ConceptOf(corpus, ids, "lowrank adaptation"));
    }

    [Fact]
    public void Fixed_phrase_documents_count_papers_not_uses()
    {
        var (corpus, merger, ids) = Merge(
            Document("p0").With(MentionKind.OfPhrase, "mixture of experts", "mixture of experts"),
            Document("p1").With(MentionKind.OfPhrase, "mixture of experts", "review of methods"),
            Document("p2").Terms("mixture of experts"));

        var ofDocuments = merger.FixedPhraseDocuments(ids);

        Assert.Equal(2, ofDocuments[ids.Canonical[corpus.IdOf["mixture of experts"]]]);
        Assert.Equal(1, ofDocuments[ids.Canonical[corpus.IdOf["review of methods"]]]);
    }
}

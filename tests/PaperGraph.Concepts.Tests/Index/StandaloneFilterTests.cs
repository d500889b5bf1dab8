using Microsoft.Extensions.Logging.Abstractions;
using PaperGraph.Concepts;
using PaperGraph.Concepts.Index;
using static PaperGraph.Concepts.Tests.Index.HandWrittenTerms;

namespace PaperGraph.Concepts.Tests.Index;

public class StandaloneFilterTests
{
    private static (CorpusKeys Corpus, ConceptIds Ids) Merge(params DocumentTerms[] documents)
    {
        var corpus = CorpusKeys.Gather(documents);
        var merger = new VariantMerger(corpus);
        var meanings = AbbreviationResolver.Resolve(corpus, merger, new ConceptSettings(), NullLogger.Instance);
        return (corpus, merger.Merge(meanings, thesaurus: null));
    }

    [Fact]
    public void A_piece_nearly_always_inside_longer_terms_does_not_count_there_and_a_term_used_alone_does()
    {
        // "element method" stands alone once against 20 uses inside a longer term (below 0.1 per use inside); "neural
        // network" 4 times against 10.
        var documents = Enumerable.Range(0, 20).Select(i => Document($"f{i}").Terms("finite element method").With(MentionKind.Nested, "element method"))
            .Append(Document("e").Terms("element method"))
            .Concat(Enumerable.Range(0, 10).Select(i => Document($"g{i}").Terms("graph neural network").With(MentionKind.Nested, "neural network")))
            .Concat(Enumerable.Range(0, 4).Select(i => Document($"n{i}").Terms("neural network")))
            .ToArray();
        var (corpus, ids) = Merge(documents);

        var standalone = StandaloneFilter.Standalone(corpus, ids, minStandaloneShare: 0.1);
        var any = StandaloneFilter.Standalone(corpus, ids, minStandaloneShare: 0);

        Assert.False(standalone[ids.Canonical[corpus.IdOf["element method"]]]);
        Assert.True(any[ids.Canonical[corpus.IdOf["element method"]]]);
        Assert.True(standalone[ids.Canonical[corpus.IdOf["neural network"]]]);
    }
}

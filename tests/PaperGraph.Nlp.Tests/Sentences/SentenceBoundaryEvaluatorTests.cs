using PaperGraph.Nlp.Sentences;
using PaperGraph.Nlp.Tagging.Training;
using PaperGraph.Nlp.Tokenization;

namespace PaperGraph.Nlp.Tests.Sentences;

public class SentenceBoundaryEvaluatorTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "tiny.conllu");

    [Fact]
    public void Documents_are_rebuilt_with_space_after_and_paragraph_breaks()
    {
        var documents = SentenceBoundaryEvaluator.Documents(ConlluReader.Read(Fixture)).ToList();
        Assert.Equal(2, documents.Count);
        Assert.Equal("We don't tune it. The model_v2 scores 0.9, Alice more.", documents[0].Text);
        Assert.Equal([17], documents[0].Boundaries.Order());
        Assert.Equal("Hello!\n\nFine thanks", documents[1].Text);
        Assert.Equal([6], documents[1].Boundaries.Order());
    }

    [Fact]
    public void Evaluate_counts_boundaries_found_at_the_gold_offsets()
    {
        // Document 1: the splitter finds the boundary after "it." (the only one). Document 2: the blank line gives it.
        var result = SentenceBoundaryEvaluator.Evaluate(ConlluReader.Read(Fixture), Tokenizer.Default, SentenceSplitter.Default);
        Assert.Equal(new SentenceBoundaryEvaluation(Documents: 2, Gold: 2, Predicted: 2, Correct: 2), result);
        Assert.Equal(1.0, result.F1);
    }

    [Fact]
    public void Scores_follow_their_definitions()
    {
        var result = new SentenceBoundaryEvaluation(Documents: 1, Gold: 10, Predicted: 8, Correct: 6);
        Assert.Equal(0.75, result.Precision);
        Assert.Equal(0.6, result.Recall);
        Assert.Equal(2 * 0.75 * 0.6 / 1.35, result.F1, 12);
    }
}

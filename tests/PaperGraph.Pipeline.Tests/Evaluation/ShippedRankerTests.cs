using PaperGraph.Concepts;
using PaperGraph.Pipeline.Evaluation;
using PaperGraph.Tests;

namespace PaperGraph.Pipeline.Tests.Evaluation;

/// <summary>The ranker weights shipped in <see cref="ConceptRanker.Default"/> are reproduced by fitting on Inspec train.</summary>
public sealed class ShippedRankerTests
{
    [SharedDataFact]
    public void The_shipped_weights_are_what_fit_ranker_gives_on_Inspec_train()
    {
        var documents = KeyphraseEvaluator.Read(Path.Combine(SharedData.Root!, "keyphrase", "inspec-train.jsonl"));
        var (rows, labels) = KeyphraseRun.TrainingData(documents, KeyphraseRun.Analyze(documents), new ConceptSettings());
        var fitted = ConceptRanker.Fit(rows, labels);

        for (var i = 0; i < ConceptRanker.FeatureCount; i++)
        {
            Assert.True(Math.Abs(fitted.Weights[i] - ConceptRanker.Default.Weights[i]) < 1e-9,
                $"{ConceptRanker.FeatureNames[i]}: fitted {fitted.Weights[i]:R}, shipped {ConceptRanker.Default.Weights[i]:R}");
        }
    }
}

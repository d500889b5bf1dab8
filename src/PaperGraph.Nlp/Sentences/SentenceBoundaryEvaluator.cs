using System.Text;
using PaperGraph.Nlp.Tagging.Training;
using PaperGraph.Nlp.Tokenization;

namespace PaperGraph.Nlp.Sentences;

/// <summary>Sentence-boundary precision, recall and F1.</summary>
/// <param name="Documents">Documents rebuilt from the file.</param>
/// <param name="Gold">Gold boundaries (sentence ends other than a document's last).</param>
/// <param name="Predicted">Predicted boundaries, counted the same way.</param>
/// <param name="Correct">Predicted boundaries at a gold boundary's character offset.</param>
public sealed record SentenceBoundaryEvaluation(int Documents, int Gold, int Predicted, int Correct)
{
    /// <summary>Correct / predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    /// <summary>Correct / gold.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Measures the tokenizer and sentence splitter against the sentence boundaries of a CoNLL-U file.</summary>
/// <remarks>
/// Each document (<c># newdoc</c>) is rebuilt as running text from its surface tokens, honouring <c>SpaceAfter=No</c>;
/// sentences are joined by one space, paragraphs (<c># newpar</c>) by a blank line. The text is then tokenised and
/// split, and the character offsets where predicted sentences end are compared with the gold ones. A document's final
/// boundary is not counted: every splitter gets it right.
/// </remarks>
public static class SentenceBoundaryEvaluator
{
    /// <summary>Rebuilds the documents of <paramref name="sentences"/> and scores the splitter on them.</summary>
    public static SentenceBoundaryEvaluation Evaluate(IEnumerable<ConlluSentence> sentences, Tokenizer tokenizer, SentenceSplitter splitter)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        int documents = 0, gold = 0, predicted = 0, correct = 0;
        foreach (var (text, boundaries) in Documents(sentences))
        {
            documents++;
            var tokens = new List<Token>();
            tokenizer.Tokenize(text, tokens);
            var split = new List<Sentence>();
            splitter.Split(text, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), split);
            gold += boundaries.Count;
            for (var s = 0; s < split.Count - 1; s++)
            {
                predicted++;
                var end = tokens[split[s].End - 1].End;
                correct += boundaries.Contains(end) ? 1 : 0;
            }
        }

        return new SentenceBoundaryEvaluation(documents, gold, predicted, correct);
    }

    /// <summary>The running text of each document and the character offsets where its sentences (but the last) end.</summary>
    public static IEnumerable<(string Text, HashSet<int> Boundaries)> Documents(IEnumerable<ConlluSentence> sentences)
    {
        var text = new StringBuilder();
        var boundaries = new HashSet<int>();
        var started = false;
        foreach (var sentence in sentences)
        {
            if (sentence.NewDocument && started)
            {
                boundaries.Remove(text.Length);
                yield return (text.ToString(), boundaries);
                text.Clear();
                boundaries = [];
            }

            started = true;
            if (text.Length > 0)
            {
                text.Append(sentence.NewParagraph ? "\n\n" : " ");
            }

            for (var t = 0; t < sentence.Tokens.Count; t++)
            {
                var token = sentence.Tokens[t];
                text.Append(token.Form);
                if (token.SpaceAfter && t < sentence.Tokens.Count - 1)
                {
                    text.Append(' ');
                }
            }

            boundaries.Add(text.Length);
        }

        if (started)
        {
            boundaries.Remove(text.Length);
            yield return (text.ToString(), boundaries);
        }
    }
}

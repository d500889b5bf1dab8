using PaperGraph.Concepts;
using PaperGraph.Nlp;

namespace PaperGraph.Concepts.Tests;

internal static class Extract
{
    public static DocumentTerms Terms(string text, string? title = null, string id = "d") =>
        ConceptExtractor.Default.Extract(id, title, text, new AnalyzedText());

    /// <summary>Keys of the noun-phrase terms (and kept long forms, short forms, of-phrases) of a text.</summary>
    public static List<string> Keys(string text, params MentionKind[] kinds)
    {
        kinds = kinds.Length == 0 ? [MentionKind.Term] : kinds;
        return Terms(text).Mentions.Where(m => kinds.Contains(m.Kind)).Select(m => m.Key).ToList();
    }
}

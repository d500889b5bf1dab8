using System.Collections.Frozen;

namespace PaperGraph.Concepts;

/// <summary>The short built-in list of scientific boilerplate that is never a concept, by concept key.</summary>
/// <remarks>
/// Most generic terms are found from the corpus instead (see <see cref="ConceptIndex"/>: terms spread evenly over
/// unrelated papers); this list covers the words that are generic in every corpus, so that small corpora work too.
/// </remarks>
internal static class GenericTerms
{
    private static readonly FrozenSet<string> Keys = new[]
    {
        // Words that name the paper's own parts and moves.
        "paper", "work", "study", "article", "approach", "method", "methodology", "technique", "framework", "model",
        "system", "result", "experiment", "experimental result", "extensive experiment", "finding", "contribution",
        "performance", "task", "problem", "issue", "challenge", "solution", "way", "aspect", "analysis", "evaluation",
        "improvement", "gain", "advantage", "benefit", "limitation", "drawback", "baseline", "comparison", "effect",
        "impact", "role", "use", "usage", "application", "setting", "scenario", "case", "example", "instance", "number",
        "amount", "variety", "range", "wide range", "set", "series", "type", "kind", "form", "part", "level", "degree",
        "step", "stage", "process", "procedure", "strategy", "idea", "insight", "observation", "question", "goal", "aim",
        "purpose", "objective", "need", "lack", "state", "art", "state of the art", "field", "area", "domain", "literature",
        "researcher", "practitioner", "community", "future work", "future research", "further research", "version", "property", "feature", "factor", "component", "module", "mechanism",
        "capability", "ability", "quality", "effectiveness", "efficiency", "accuracy", "superiority", "robustness",
        "result show", "existing method", "existing approach", "prior work",
        "previous work", "recent work", "recent advance", "recent year", "year", "time", "fact", "point", "term",
        "manner", "order", "respect", "regard", "basis", "detail", "end", "means", "overview", "thing", "lot", "majority", "rest", "whole", "total", "extent", "sense", "view", "perspective", "direction",
        "world", "real world", "practice", "experience", "input", "output", "value", "score", "metric", "measure", "rate", "ratio", "size", "cost", "scale", "large scale",
        "order of magnitude", "various task", "downstream task", "new method", "new approach", "data", "dataset",
        "benchmark", "algorithm", "sample", "information",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the concept key is boilerplate.</summary>
    public static bool Contains(string key) => Keys.Contains(key);
}

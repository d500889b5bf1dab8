using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace PaperGraph.Cli.Commands;

/// <summary>Settings of concept extraction and scoring (configuration section <c>Concepts</c>); see <see cref="PaperGraph.Concepts.ConceptSettings"/>.</summary>
public sealed class ConceptOptions
{
    public const string SectionName = "Concepts";

    private static readonly PaperGraph.Concepts.ConceptSettings Defaults = new();

    /// <summary>Documents an "X of Y" phrase needs to be a concept (default 2).</summary>
    [Range(1, int.MaxValue)]
    public int MinFixedPhraseDocuments { get; set; } = Defaults.MinFixedPhraseDocuments;

    /// <summary>Below this many documents a term is never judged generic from its spread (default 25).</summary>
    [Range(2, int.MaxValue)]
    public int GenericMinDocuments { get; set; } = Defaults.GenericMinDocuments;

    /// <summary>Residual IDF under which a frequent term is generic (default 0.15).</summary>
    public double GenericMaxResidualIdf { get; set; } = Defaults.GenericMaxResidualIdf;

    /// <summary>Share of uses followed by "of" from which a frequent one-word term is generic ("the existence of"; default 0.7).</summary>
    [Range(0.01, 1)]
    public double GenericMinOfShare { get; set; } = Defaults.GenericMinOfShare;

    /// <summary>How much an occurrence inside a longer term counts.</summary>
    [Range(0, 100)]
    public double NestedWeight { get; set; } = Defaults.NestedWeight;

    /// <summary>A term found inside longer ones counts there only if used on its own at least this many times per use inside (default 0.1).</summary>
    [Range(0, 1)]
    public double MinStandaloneShare { get; set; } = Defaults.MinStandaloneShare;

    /// <summary>A short form used bare in more papers than this many times the papers defining it keeps its bare uses apart.</summary>
    [Range(1, int.MaxValue)]
    public int MaxBareUsesPerDefinition { get; set; } = Defaults.MaxBareUsesPerDefinition;

    /// <summary>A file of terms never to keep, one per line (optional).</summary>
    public string? StopListFile { get; set; }

    /// <summary>A VOSviewer-style thesaurus: label, tab, replacement; an empty replacement drops the term (optional).</summary>
    public string? ThesaurusFile { get; set; }

    /// <summary>A ranker file written by <c>papergraph eval fit-ranker</c>, replacing the shipped weights (optional).</summary>
    public string? RankerFile { get; set; }

    public PaperGraph.Concepts.ConceptSettings ToSettings() => new(
        MinFixedPhraseDocuments, GenericMinDocuments, GenericMaxResidualIdf, NestedWeight,
        MinStandaloneShare, MaxBareUsesPerDefinition,
        StopListFile is { Length: > 0 } stop ? PaperGraph.Concepts.ConceptFiles.ReadStopList(stop) : null,
        ThesaurusFile is { Length: > 0 } thesaurus ? PaperGraph.Concepts.ConceptFiles.ReadThesaurus(thesaurus) : null,
        RankerFile is { Length: > 0 } ranker ? PaperGraph.Concepts.ConceptRanker.Read(ranker) : null, GenericMinOfShare);
}

[OptionsValidator]
internal sealed partial class ConceptOptionsValidator : IValidateOptions<ConceptOptions>;

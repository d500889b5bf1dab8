namespace PaperGraph.Concepts;

/// <summary>Settings of <see cref="ConceptIndex.Build"/>; validated on construction.</summary>
/// <param name="MinFixedPhraseDocuments">An <c>X of Y</c> phrase is a concept when at least this many documents use it.</param>
/// <param name="GenericMinDocuments">Below this many documents a term is never judged generic from its spread.</param>
/// <param name="GenericMaxResidualIdf">A term in at least <see cref="GenericMinDocuments"/> documents whose residual IDF is below this is generic.</param>
/// <param name="NestedWeight">How much an occurrence inside a longer term counts, against 1 for a term on its own.</param>
/// <param name="MaxBareUsesPerDefinition">A short form used bare in more papers than this many times the papers defining it is not read as its definition there.</param>
/// <param name="StopList">Concept keys never to keep (see <see cref="ConceptFiles"/>).</param>
/// <param name="Thesaurus">Concept key to the key it is replaced by, or to null to drop it (see <see cref="ConceptFiles"/>).</param>
/// <param name="MinStandaloneShare">
/// A term found inside longer ones counts there only if the corpus also uses it on its own, at least this many times
/// per use inside (<c>dynamics simulation</c>, nearly always inside <c>molecular dynamics simulation</c>, is a piece, not a term).
/// </param>
/// <param name="Ranker">Ranks each document's concepts; null for the shipped <see cref="ConceptRanker.Default"/>.</param>
/// <param name="GenericMinOfShare">
/// A one-word term in at least <see cref="GenericMinDocuments"/> documents that is followed by <c>of</c> in this share of
/// its uses or more names a relation to something else (<c>the existence of</c>, <c>a family of</c>), not a topic: generic.
/// </param>
public sealed record ConceptSettings(
    int MinFixedPhraseDocuments = 2,
    int GenericMinDocuments = 25,
    double GenericMaxResidualIdf = 0.15,
    double NestedWeight = 0.5,
    double MinStandaloneShare = 0.1,
    int MaxBareUsesPerDefinition = 20,
    IReadOnlySet<string>? StopList = null,
    IReadOnlyDictionary<string, string?>? Thesaurus = null,
    ConceptRanker? Ranker = null,
    double GenericMinOfShare = 0.7)
{
    /// <summary>Checks the settings.</summary>
    public ConceptSettings Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinFixedPhraseDocuments, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(GenericMinDocuments, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(NestedWeight);
        if (MinStandaloneShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinStandaloneShare), MinStandaloneShare, "must be in [0, 1].");
        }

        if (GenericMinOfShare is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(GenericMinOfShare), GenericMinOfShare, "must be in (0, 1].");
        }

        return this;
    }
}

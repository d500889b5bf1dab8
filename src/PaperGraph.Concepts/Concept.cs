namespace PaperGraph.Concepts;

/// <summary>A concept of the corpus: every surface form of one idea, merged.</summary>
public sealed class Concept(string key)
{
    /// <summary>The concept key (see <see cref="ConceptKeys"/>); an acronym's key is the acronym.</summary>
    public string Key { get; } = key;

    /// <summary>The most frequent surface form.</summary>
    public string Name { get; internal set; } = key;

    /// <summary>Every surface form with its number of occurrences.</summary>
    public AliasCounts Aliases { get; } = new();

    /// <summary>Number of documents that mention it.</summary>
    public int Documents { get; internal set; }

    /// <summary>Number of mentions in all documents.</summary>
    public int Occurrences { get; internal set; }

    /// <summary>For an abbreviation, its long form's key.</summary>
    public string? LongForm { get; internal set; }

    /// <summary>For an abbreviation, the corpus's most frequent spelling of its long form (<c>low-rank adaptation</c> for the key <c>low rank adaptation</c>).</summary>
    public string? LongFormName { get; internal set; }

    /// <summary>Residual IDF (Church and Gale 1995): how much more the concept clusters in few documents than chance would.</summary>
    public double ResidualIdf { get; internal set; }

    /// <summary>
    /// The mean probability, over the documents that mention the concept, that the ranker takes it for one of the
    /// document's keyphrases: high for what papers are about (<c>black hole</c>), low for the vocabulary they use to say
    /// it (<c>theory</c>, <c>results</c>).
    /// </summary>
    public double Keyphraseness { get; internal set; }

    /// <summary>Corpus-level relevance: documents × <see cref="Keyphraseness"/>², how many papers are about the concept.</summary>
    public double Relevance { get; internal set; }

    /// <summary>The concept as the workspace stores it, for display: the long form as written, not its key.</summary>
    public PaperGraph.Core.ConceptSummary ToSummary() => new(Key, Name, Aliases, Documents, Occurrences, LongFormName ?? LongForm, Relevance);
}

